import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/anomalies/mkt-anomalies.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; threshold: number; limit: number };
const el = (a: Args) =>
  html`<mkt-anomalies heading=${a.heading} threshold=${a.threshold} limit=${a.limit}></mkt-anomalies>`;

const meta = {
  title: 'Elements/Anomalies',
  component: 'mkt-anomalies',
  tags: ['autodocs'],
  args: { heading: 'Unusual movements', threshold: 3.5, limit: 8 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-anomalies heading=${args.heading} .dashboard=${LOADING}></mkt-anomalies>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-anomalies heading=${args.heading} .dashboard=${FAILED}></mkt-anomalies>`,
};
export const Empty: Story = {
  render: (args) => withData(el(args), emptyDataset()),
};
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>`,
};
