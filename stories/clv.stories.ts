import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/clv/mkt-clv.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; horizonWeeks: number; discountRate: number };

const meta = {
  title: 'Elements/Customer lifetime value',
  component: 'mkt-clv',
  tags: ['autodocs'],
  args: { heading: 'Customer lifetime value', horizonWeeks: 52, discountRate: 0.01 },
  render: (args) =>
    withData(
      html`<mkt-clv
        heading=${args.heading}
        horizon-weeks=${args.horizonWeeks}
        discount-rate=${args.discountRate}
      ></mkt-clv>`,
    ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const TwoYears: Story = { args: { horizonWeeks: 104 } };
export const Loading: Story = {
  render: (args) => html`<mkt-clv heading=${args.heading} .dashboard=${LOADING}></mkt-clv>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-clv heading=${args.heading} .dashboard=${FAILED}></mkt-clv>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-clv heading=${args.heading}></mkt-clv>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">${withData(html`<mkt-clv heading=${args.heading}></mkt-clv>`)}</div>`,
};
