import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/insights/mkt-insights.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; limit: number };
const el = (a: Args) => html`<mkt-insights heading=${a.heading} limit=${a.limit}></mkt-insights>`;

const meta = {
  title: 'Elements/Insights',
  component: 'mkt-insights',
  tags: ['autodocs'],
  args: { heading: 'Insights', limit: 6 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Findings of every analysis ranked together, each with its size, how sure it is, and a filter button. */
export const Data: Story = {};
/** Without the optional campaigns and support tickets: those analyses are skipped and named under the list. */
export const WithoutOptionalTables: Story = {
  render: (args) => withData(el(args), datasetWithout('campaigns', 'support_tickets')),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
