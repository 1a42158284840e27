import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/churn/mkt-churn.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = { heading: string; days: number; breakdown: 'segment' | 'cohort' };

const meta = {
  title: 'Elements/Churn',
  component: 'mkt-churn',
  tags: ['autodocs'],
  args: { heading: 'Churn', days: 30, breakdown: 'segment' },
  argTypes: { breakdown: { control: 'inline-radio', options: ['segment', 'cohort'] } },
  render: (args) =>
    withData(html`<mkt-churn heading=${args.heading} days=${args.days} breakdown=${args.breakdown}></mkt-churn>`),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ByCohort: Story = { args: { breakdown: 'cohort' } };
export const SixtyDays: Story = { args: { days: 60 } };
export const Loading: Story = {
  render: (args) => html`<mkt-churn heading=${args.heading} .dashboard=${LOADING}></mkt-churn>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-churn heading=${args.heading} .dashboard=${FAILED}></mkt-churn>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-churn heading=${args.heading}></mkt-churn>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">${withData(html`<mkt-churn heading=${args.heading}></mkt-churn>`)}</div>`,
};
