import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/forecast/mkt-forecast.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

const meta = {
  title: 'Elements/Forecast',
  component: 'mkt-forecast',
  tags: ['autodocs'],
  args: { heading: 'GMV forecast' },
  render: (args) => withData(html`<mkt-forecast heading=${args.heading} weeks="8"></mkt-forecast>`),
} satisfies Meta<{ heading: string }>;
export default meta;
type Story = StoryObj<{ heading: string }>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-forecast heading=${args.heading} .dashboard=${LOADING}></mkt-forecast>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-forecast heading=${args.heading} .dashboard=${FAILED}></mkt-forecast>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-forecast heading=${args.heading} weeks="8"></mkt-forecast>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">
      ${withData(html`<mkt-forecast heading=${args.heading} weeks="8"></mkt-forecast>`)}
    </div>`,
};
