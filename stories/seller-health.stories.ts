import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/seller-health/mkt-seller-health.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; minOrders: number; pageSize: number };
const el = (a: Args) =>
  html`<mkt-seller-health heading=${a.heading} min-orders=${a.minOrders} page-size=${a.pageSize}></mkt-seller-health>`;

const meta = {
  title: 'Elements/Seller health',
  component: 'mkt-seller-health',
  tags: ['autodocs'],
  args: { heading: 'Seller health', minOrders: 10, pageSize: 10 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const WithoutReviews: Story = { render: (args) => withData(el(args), datasetWithout('reviews')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
