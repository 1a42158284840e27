import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/anomalies/mkt-anomalies.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

const meta = {
  title: 'Elements/Anomalies',
  component: 'mkt-anomalies',
  tags: ['autodocs'],
  args: { heading: 'Unusual movements' },
  render: (args) => withData(html`<mkt-anomalies heading=${args.heading}></mkt-anomalies>`),
} satisfies Meta<{ heading: string }>;
export default meta;
type Story = StoryObj<{ heading: string }>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-anomalies heading=${args.heading} .dashboard=${LOADING}></mkt-anomalies>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-anomalies heading=${args.heading} .dashboard=${FAILED}></mkt-anomalies>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-anomalies heading=${args.heading}></mkt-anomalies>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">
      ${withData(html`<mkt-anomalies heading=${args.heading}></mkt-anomalies>`)}
    </div>`,
};
