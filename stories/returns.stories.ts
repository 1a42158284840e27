import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/returns/mkt-returns.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = {
  heading: string;
  by: 'category' | 'seller' | 'product' | 'reason';
  granularity: 'day' | 'week' | 'month';
};
const el = (a: Args) => html`<mkt-returns heading=${a.heading} by=${a.by} granularity=${a.granularity}></mkt-returns>`;

const meta = {
  title: 'Elements/Returns',
  component: 'mkt-returns',
  tags: ['autodocs'],
  args: { heading: 'Returns', by: 'category', granularity: 'month' },
  argTypes: {
    by: { control: 'inline-radio', options: ['category', 'seller', 'product', 'reason'] },
    granularity: { control: 'inline-radio', options: ['day', 'week', 'month'] },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const BySeller: Story = { args: { by: 'seller' } };
export const ByReasonWeekly: Story = { args: { by: 'reason', granularity: 'week' } };
/** A dataset without the optional returns table: rates only, and the element says what is missing. */
export const NoReturnsTable: Story = { render: (args) => withData(el(args), datasetWithout('returns')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
