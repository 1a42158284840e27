import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/kpis/mkt-kpis.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

const meta = {
  title: 'Elements/KPIs',
  component: 'mkt-kpis',
  tags: ['autodocs'],
  args: { heading: 'Key figures' },
  render: (args) => withData(html`<mkt-kpis heading=${args.heading}></mkt-kpis>`),
} satisfies Meta<{ heading: string }>;
export default meta;
type Story = StoryObj<{ heading: string }>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-kpis heading=${args.heading} .dashboard=${LOADING}></mkt-kpis>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-kpis heading=${args.heading} .dashboard=${FAILED}></mkt-kpis>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-kpis heading=${args.heading}></mkt-kpis>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">${withData(html`<mkt-kpis heading=${args.heading}></mkt-kpis>`)}</div>`,
};
