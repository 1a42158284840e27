import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/report/mkt-report.js';
import '../src/components/kpis/mkt-kpis.js';
import '../src/components/revenue-trend/mkt-revenue-trend.js';
import '../src/components/insights/mkt-insights.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; reportTitle: string; charts: number };
const el = (a: Args) =>
  html`<mkt-report heading=${a.heading} report-title=${a.reportTitle} charts=${a.charts}></mkt-report>`;

const meta = {
  title: 'Elements/Report',
  component: 'mkt-report',
  tags: ['autodocs'],
  args: { heading: 'Executive report', reportTitle: 'Executive report', charts: 8 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Alone on the page: the KPIs only (no findings, no charts to gather). */
export const Data: Story = {};
/** With the KPIs, a chart and the insights: the report holds all three. */
export const WithDashboard: Story = {
  render: (args) =>
    withData(
      html`${el(args)}<mkt-kpis></mkt-kpis><mkt-revenue-trend></mkt-revenue-trend><mkt-insights></mkt-insights>`,
    ),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
