import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/insights/mkt-insights.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

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

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-insights heading=${args.heading} .dashboard=${LOADING}></mkt-insights>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-insights heading=${args.heading} .dashboard=${FAILED}></mkt-insights>`,
};
export const Empty: Story = {
  render: (args) => withData(el(args), emptyDataset()),
};
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>`,
};
