import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/kpis/mkt-kpis.js';
import '../src/components/products/mkt-products.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Measure = 'gmv' | 'units' | 'return_rate' | 'rating' | 'conversion';
type Args = { heading: string; measure: Measure; limit: number; minVolume: number };
const el = (a: Args) =>
  html`<mkt-products
    heading=${a.heading}
    measure=${a.measure}
    limit=${a.limit}
    min-volume=${a.minVolume}
  ></mkt-products>`;

const meta = {
  title: 'Elements/Products',
  component: 'mkt-products',
  tags: ['autodocs'],
  args: { heading: 'Products', measure: 'gmv', limit: 5, minVolume: 5 },
  argTypes: {
    measure: { control: 'inline-radio', options: ['gmv', 'units', 'return_rate', 'rating', 'conversion'] },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ReturnRate: Story = { args: { measure: 'return_rate' } };
/** Click a product: the KPIs above follow the product filter. */
export const CrossFilter: Story = { render: (args) => withData(html`<mkt-kpis></mkt-kpis>${el(args)}`) };
/** Without reviews and page events, rating and conversion are unavailable and say why. */
export const WithoutReviewsOrPageEvents: Story = {
  args: { measure: 'rating' },
  render: (args) => withData(el(args), datasetWithout('reviews', 'page_events')),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
