import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = {
  heading: string;
  entity: 'customers' | 'sellers';
  measure: 'retention' | 'revenue' | 'churn';
  periods: number;
};

const el = (a: Args) =>
  html`<mkt-cohort-heatmap
    heading=${a.heading}
    entity=${a.entity}
    measure=${a.measure}
    periods=${a.periods}
  ></mkt-cohort-heatmap>`;

const meta = {
  title: 'Elements/Cohort heatmap',
  component: 'mkt-cohort-heatmap',
  tags: ['autodocs'],
  args: { heading: 'Cohort retention', entity: 'customers', measure: 'retention', periods: 12 },
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
export const RevenueRetention: Story = { args: { measure: 'revenue' } };
export const Churn: Story = { args: { measure: 'churn' } };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
