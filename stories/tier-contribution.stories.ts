import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/tier-contribution/mkt-tier-contribution.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; granularity: 'week' | 'month' };
const el = (a: Args) =>
  html`<mkt-tier-contribution heading=${a.heading} granularity=${a.granularity}></mkt-tier-contribution>`;

const meta = {
  title: 'Elements/Tier contribution',
  component: 'mkt-tier-contribution',
  tags: ['autodocs'],
  args: { heading: 'GMV by seller tier', granularity: 'month' },
  argTypes: { granularity: { control: 'inline-radio', options: ['week', 'month'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Weekly: Story = { args: { granularity: 'week' } };
export const Loading: Story = {
  render: (args) => html`<mkt-tier-contribution heading=${args.heading} .dashboard=${LOADING}></mkt-tier-contribution>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-tier-contribution heading=${args.heading} .dashboard=${FAILED}></mkt-tier-contribution>`,
};
export const Empty: Story = { render: (args) => withData(el(args), emptyDataset()) };
export const Narrow: Story = { render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>` };
