import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/seller-churn/mkt-seller-churn.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; days: number };
const el = (a: Args) => html`<mkt-seller-churn heading=${a.heading} days=${a.days}></mkt-seller-churn>`;

const meta = {
  title: 'Elements/Seller churn',
  component: 'mkt-seller-churn',
  tags: ['autodocs'],
  args: { heading: 'Seller churn', days: 60 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ThirtyDays: Story = { args: { days: 30 } };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
