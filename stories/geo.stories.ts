import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/geo/mkt-geo.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; metric: string };
const el = (a: Args) => html`<mkt-geo heading=${a.heading} metric=${a.metric}></mkt-geo>`;

const meta = {
  title: 'Elements/Geography',
  component: 'mkt-geo',
  tags: ['autodocs'],
  args: { heading: 'GMV by state', metric: 'gmv' },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-geo heading=${args.heading} .dashboard=${LOADING}></mkt-geo>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-geo heading=${args.heading} .dashboard=${FAILED}></mkt-geo>`,
};
export const Empty: Story = {
  render: (args) => withData(el(args), emptyDataset()),
};
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>`,
};
