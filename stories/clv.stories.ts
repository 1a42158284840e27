import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/clv/mkt-clv.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; horizonWeeks: number; discountRate: number };

const el = (a: Args) =>
  html`<mkt-clv heading=${a.heading} horizon-weeks=${a.horizonWeeks} discount-rate=${a.discountRate}></mkt-clv>`;

const meta = {
  title: 'Elements/Customer lifetime value',
  component: 'mkt-clv',
  tags: ['autodocs'],
  args: { heading: 'Customer lifetime value', horizonWeeks: 52, discountRate: 0.01 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const TwoYears: Story = { args: { horizonWeeks: 104 } };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
