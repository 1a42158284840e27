import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/retention-curves/mkt-retention-curves.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

type Args = {
  heading: string;
  entity: 'customers' | 'sellers';
  measure: 'retention' | 'revenue' | 'churn';
  periods: number;
};

const el = (a: Args) =>
  html`<mkt-retention-curves
    heading=${a.heading}
    entity=${a.entity}
    measure=${a.measure}
    periods=${a.periods}
  ></mkt-retention-curves>`;

const meta = {
  title: 'Elements/Retention curves',
  component: 'mkt-retention-curves',
  tags: ['autodocs'],
  args: { heading: 'Retention curves', entity: 'customers', measure: 'retention', periods: 12 },
  argTypes: {
    entity: { control: 'inline-radio', options: ['customers', 'sellers'] },
    measure: { control: 'inline-radio', options: ['retention', 'revenue', 'churn'] },
    periods: { control: { type: 'number', min: 2, max: 24 } },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const Sellers: Story = { args: { entity: 'sellers' } };
export const Churn: Story = { args: { measure: 'churn' } };
export const Loading: Story = {
  render: (args) => html`<mkt-retention-curves heading=${args.heading} .dashboard=${LOADING}></mkt-retention-curves>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-retention-curves heading=${args.heading} .dashboard=${FAILED}></mkt-retention-curves>`,
};
export const Empty: Story = { render: (args) => withData(el(args), emptyDataset()) };
export const Narrow: Story = { render: (args) => html`<div style="max-width: 360px">${withData(el(args))}</div>` };
