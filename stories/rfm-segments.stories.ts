import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/kpis/mkt-kpis.js';
import '../src/components/rfm-segments/mkt-rfm-segments.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; method: 'rules' | 'kmeans'; k: number };

const meta = {
  title: 'Elements/RFM segments',
  component: 'mkt-rfm-segments',
  tags: ['autodocs'],
  args: { heading: 'RFM segments', method: 'rules', k: 0 },
  argTypes: {
    method: { control: 'inline-radio', options: ['rules', 'kmeans'] },
    k: { control: { type: 'number', min: 0, max: 6 } },
  },
  render: (args) =>
    withData(html`<mkt-rfm-segments heading=${args.heading} method=${args.method} k=${args.k}></mkt-rfm-segments>`),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Rules: Story = {};
export const KMeans: Story = { args: { method: 'kmeans' } };
/** A click on a segment filters the KPIs next to it. */
export const CrossFilter: Story = {
  render: (args) => withData(html`<mkt-kpis></mkt-kpis><mkt-rfm-segments heading=${args.heading}></mkt-rfm-segments>`),
};
export const Loading: Story = {
  render: (args) => html`<mkt-rfm-segments heading=${args.heading} .dashboard=${LOADING}></mkt-rfm-segments>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-rfm-segments heading=${args.heading} .dashboard=${FAILED}></mkt-rfm-segments>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-rfm-segments heading=${args.heading}></mkt-rfm-segments>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">
      ${withData(html`<mkt-rfm-segments heading=${args.heading}></mkt-rfm-segments>`)}
    </div>`,
};
