import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/index.js';
import { storyDataset } from './support/datasets.js';

type Args = { theme: 'auto' | 'light' | 'dark'; locale: string; currency: string };

/** Every element over one `<mkt-data>`: click a bar, a cohort or a segment and watch the others follow. */
const dashboard = () =>
  html`<div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr))">
    <mkt-filters style="grid-column: 1 / -1"></mkt-filters>
    <mkt-kpis heading="Key figures" style="grid-column: 1 / -1"></mkt-kpis>
    <mkt-insights heading="What changed" style="grid-column: 1 / -1"></mkt-insights>
    <mkt-revenue-trend heading="GMV over time" granularity="week" style="grid-column: 1 / -1"></mkt-revenue-trend>
    <mkt-category-performance heading="Categories"></mkt-category-performance>
    <mkt-tier-contribution heading="GMV by seller tier"></mkt-tier-contribution>
    <mkt-forecast heading="Forecast"></mkt-forecast>
    <mkt-anomalies heading="Anomalies"></mkt-anomalies>
    <mkt-seller-health heading="Seller health" style="grid-column: 1 / -1"></mkt-seller-health>
    <mkt-seller-churn heading="Seller churn"></mkt-seller-churn>
    <mkt-geo heading="Where customers are"></mkt-geo>
    <mkt-cohort-heatmap heading="Cohort retention" style="grid-column: 1 / -1"></mkt-cohort-heatmap>
    <mkt-retention-curves heading="Retention curves"></mkt-retention-curves>
    <mkt-funnel heading="Funnel"></mkt-funnel>
    <mkt-journey heading="Journeys" style="grid-column: 1 / -1"></mkt-journey>
    <mkt-rfm-segments heading="RFM segments"></mkt-rfm-segments>
    <mkt-clv heading="Customer lifetime value"></mkt-clv>
    <mkt-churn heading="Customer churn" style="grid-column: 1 / -1"></mkt-churn>
    <mkt-what-if heading="What if" style="grid-column: 1 / -1"></mkt-what-if>
  </div>`;

const themed = (a: Args) =>
  html`${until(
    storyDataset().then(
      (source) =>
        html`<mkt-data
          .source=${source}
          theme=${a.theme === 'auto' ? nothing : a.theme}
          locale=${a.locale}
          currency=${a.currency}
          >${dashboard()}</mkt-data
        >`,
    ),
    html`<p>Generating the story dataset…</p>`,
  )}`;

// The Docs page of <mkt-data> (its API table comes from the manifest).
const meta = {
  title: 'Dashboard',
  component: 'mkt-data',
  tags: ['autodocs'],
  args: { theme: 'auto', locale: 'en-US', currency: 'USD' },
  argTypes: {
    theme: {
      control: 'inline-radio',
      options: ['auto', 'light', 'dark'],
      description: 'The `theme` attribute of `<mkt-data>`',
    },
    // Documented, not controls: these stories hand <mkt-data> a generated dataset in memory (`source`).
    ...({ src: { control: false }, 'wasm-base': { control: false }, 'url-state': { control: false } } as object),
  },
  parameters: { layout: 'fullscreen' },
  render: (a) =>
    html`<div style="padding: 1rem; background: ${a.theme === 'dark' ? '#0d0f12' : 'transparent'}">${themed(a)}</div>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Light: Story = { args: { theme: 'light' } };
export const Dark: Story = { args: { theme: 'dark' } };
