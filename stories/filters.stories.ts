import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/filters/mkt-filters.js';
import '../src/components/kpis/mkt-kpis.js';
import { withData, LOADING, FAILED } from './support/with-data.js';

const meta = {
  title: 'Elements/Filters',
  component: 'mkt-filters',
  tags: ['autodocs'],
  render: () => withData(html`<mkt-filters></mkt-filters><mkt-kpis style="margin-top:1rem"></mkt-kpis>`),
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** The filter bar above the KPIs it drives. */
export const Data: Story = {};
export const Loading: Story = { render: () => html`<mkt-filters .dashboard=${LOADING}></mkt-filters>` };
export const Error: Story = { render: () => html`<mkt-filters .dashboard=${FAILED}></mkt-filters>` };
export const Narrow: Story = {
  render: () => html`<div style="max-width: 360px">${withData(html`<mkt-filters></mkt-filters>`)}</div>`,
};
