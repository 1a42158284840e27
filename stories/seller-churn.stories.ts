import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/seller-churn/mkt-seller-churn.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; days: number };
const el = (a: Args) => html`<mkt-seller-churn heading=${a.heading} days=${a.days}></mkt-seller-churn>`;

const meta = {
  title: 'Elements/Seller churn',
  component: 'mkt-seller-churn',
  tags: ['autodocs'],
  args: { heading: 'Seller churn', days: 60 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ThirtyDays: Story = { args: { days: 30 } };
export const Loading: Story = {
  render: (args) => html`<mkt-seller-churn heading=${args.heading} .dashboard=${LOADING}></mkt-seller-churn>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-seller-churn heading=${args.heading} .dashboard=${FAILED}></mkt-seller-churn>`,
};
export const Empty: Story = { render: (args) => withData(el(args), emptyDataset()) };
export const Narrow: Story = { render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>` };
