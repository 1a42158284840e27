import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/revenue-trend/mkt-revenue-trend.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; granularity: 'day' | 'week' | 'month'; compare: boolean };
const el = (a: Args) =>
  html`<mkt-revenue-trend heading=${a.heading} granularity=${a.granularity} ?compare=${a.compare}></mkt-revenue-trend>`;

const meta = {
  title: 'Elements/Revenue trend',
  component: 'mkt-revenue-trend',
  tags: ['autodocs'],
  args: { heading: 'GMV over time', granularity: 'week', compare: false },
  argTypes: { granularity: { control: 'inline-radio', options: ['day', 'week', 'month'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Daily: Story = { args: { granularity: 'day' } };
export const Loading: Story = {
  render: (args) => html`<mkt-revenue-trend heading=${args.heading} .dashboard=${LOADING}></mkt-revenue-trend>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-revenue-trend heading=${args.heading} .dashboard=${FAILED}></mkt-revenue-trend>`,
};
export const Empty: Story = { render: (args) => withData(el(args), emptyDataset()) };
export const Narrow: Story = { render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>` };
