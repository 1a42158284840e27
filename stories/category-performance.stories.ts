import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/kpis/mkt-kpis.js';
import '../src/components/category-performance/mkt-category-performance.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; metric: 'gmv' | 'orders' | 'conversion' };
const el = (a: Args) =>
  html`<mkt-category-performance heading=${a.heading} metric=${a.metric}></mkt-category-performance>`;

const meta = {
  title: 'Elements/Category performance',
  component: 'mkt-category-performance',
  tags: ['autodocs'],
  args: { heading: 'Categories', metric: 'gmv' },
  argTypes: { metric: { control: 'inline-radio', options: ['gmv', 'orders', 'conversion'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Conversion: Story = { args: { metric: 'conversion' } };
/** Click a bar: the KPIs above follow the category filter. */
export const CrossFilter: Story = { render: (args) => withData(html`<mkt-kpis></mkt-kpis>${el(args)}`) };
export const WithoutPageEvents: Story = {
  args: { metric: 'conversion' },
  render: (args) => withData(el(args), datasetWithout('page_events')),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
