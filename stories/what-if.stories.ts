import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/what-if/mkt-what-if.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; scope: string; priceChange: number; discount: number };
const el = (a: Args) =>
  html`<mkt-what-if
    heading=${a.heading}
    scope=${a.scope}
    price-change=${a.priceChange}
    discount=${a.discount}
  ></mkt-what-if>`;

const meta = {
  title: 'Elements/What-if',
  component: 'mkt-what-if',
  tags: ['autodocs'],
  args: { heading: 'What if…', scope: 'all', priceChange: 0, discount: 0 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-what-if heading=${args.heading} .dashboard=${LOADING}></mkt-what-if>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-what-if heading=${args.heading} .dashboard=${FAILED}></mkt-what-if>`,
};
export const Empty: Story = {
  render: (args) => withData(el(args), emptyDataset()),
};
export const Narrow: Story = {
  render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>`,
};
