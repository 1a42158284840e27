import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/what-if/mkt-what-if.js';
import { withData, LOADING, FAILED } from './support/with-data.js';
import { emptyDataset } from './support/datasets.js';

const meta = {
  title: 'Elements/What-if',
  component: 'mkt-what-if',
  tags: ['autodocs'],
  args: { heading: 'What if…' },
  render: (args) => withData(html`<mkt-what-if heading=${args.heading}></mkt-what-if>`),
} satisfies Meta<{ heading: string }>;
export default meta;
type Story = StoryObj<{ heading: string }>;

export const Data: Story = {};
export const Loading: Story = {
  render: (args) => html`<mkt-what-if heading=${args.heading} .dashboard=${LOADING}></mkt-what-if>`,
};
export const Error: Story = {
  render: (args) => html`<mkt-what-if heading=${args.heading} .dashboard=${FAILED}></mkt-what-if>`,
};
export const Empty: Story = {
  render: (args) => withData(html`<mkt-what-if heading=${args.heading}></mkt-what-if>`, emptyDataset()),
};
export const Narrow: Story = {
  render: (args) =>
    html`<div style="max-width: 360px">${withData(html`<mkt-what-if heading=${args.heading}></mkt-what-if>`)}</div>`,
};
