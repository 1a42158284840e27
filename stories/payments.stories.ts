import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/payments/mkt-payments.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string };
const el = (a: Args) => html`<mkt-payments heading=${a.heading}></mkt-payments>`;

const meta = {
  title: 'Elements/Payments',
  component: 'mkt-payments',
  tags: ['autodocs'],
  args: { heading: 'Payments' },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
/** A dataset without the optional payments table: the element says so in place. */
export const NoPayments: Story = { render: (args) => withData(el(args), datasetWithout('payments')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
