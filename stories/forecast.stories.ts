import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/forecast/mkt-forecast.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; weeks: number };
const el = (a: Args) => html`<mkt-forecast heading=${a.heading} weeks=${a.weeks}></mkt-forecast>`;

const meta = {
  title: 'Elements/Forecast',
  component: 'mkt-forecast',
  tags: ['autodocs'],
  args: { heading: 'GMV forecast', weeks: 8 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-forecast heading=${args.heading} .dashboard=${LOADING}></mkt-forecast>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-forecast heading=${args.heading} .dashboard=${FAILED}></mkt-forecast>`,
};
export const Empty: Story = {
  render: (args) => withData(el(args), emptyDataset()),
};
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>`,
};
