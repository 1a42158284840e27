import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/payments/mkt-payments.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; mode?: 'methods' | 'category' | 'time' | 'installments' };
const el = (a: Args) => html`<mkt-payments heading=${a.heading} mode=${a.mode ?? 'methods'}></mkt-payments>`;

const meta = {
  title: 'Elements/Payments',
  component: 'mkt-payments',
  tags: ['autodocs'],
  args: { heading: 'Payments', mode: 'methods' },
  argTypes: { mode: { control: 'inline-radio', options: ['methods', 'category', 'time', 'installments'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
/** Each category's value paid split by method (a payment shared between its order's categories by their revenue). */
export const ByCategory: Story = { args: { mode: 'category' } };
/** The value paid per month stacked by method; the granularity switch gives days or weeks. */
export const OverTime: Story = { args: { mode: 'time' } };
/** The share of the value paid in instalments, and the value by number of instalments. */
export const Instalments: Story = { args: { mode: 'installments' } };
/** A dataset without the optional payments table: the element says so in place. */
export const NoPayments: Story = { render: (args) => withData(el(args), datasetWithout('payments')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
