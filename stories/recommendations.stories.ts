import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/products/mkt-products.js';
import '../src/components/recommendations/mkt-recommendations.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithoutColumn } from './support/datasets.js';

type Args = { heading: string; level: 'product' | 'category'; basket: 'order' | 'customer'; minCount: number };
const el = (a: Args) =>
  html`<mkt-recommendations
    heading=${a.heading}
    level=${a.level}
    basket=${a.basket}
    min-count=${a.minCount}
  ></mkt-recommendations>`;

const meta = {
  title: 'Elements/Recommendations',
  component: 'mkt-recommendations',
  tags: ['autodocs'],
  args: { heading: 'Bought together', level: 'product', basket: 'order', minCount: 2 },
  argTypes: {
    level: { control: 'inline-radio', options: ['product', 'category'] },
    basket: { control: 'inline-radio', options: ['order', 'customer'] },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Categories: Story = { args: { level: 'category' } };
/** Click a product in the list above: the recommendations answer for it. */
export const WithProducts: Story = {
  render: (args) => withData(html`<mkt-products limit="5"></mkt-products>${el(args)}`),
};
/** Order lines without order ids: no order holds two items, and the element says so. */
export const NoOrderIds: Story = {
  render: (args) => withData(el(args), datasetWithoutColumn('transactions', 'order_id')),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
