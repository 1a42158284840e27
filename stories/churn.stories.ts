import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/churn/mkt-churn.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; days: number | 'auto'; breakdown: 'segment' | 'cohort' };

const el = (a: Args) => html`<mkt-churn heading=${a.heading} days=${a.days} breakdown=${a.breakdown}></mkt-churn>`;

const meta = {
  title: 'Elements/Churn',
  component: 'mkt-churn',
  tags: ['autodocs'],
  args: { heading: 'Churn', days: 'auto', breakdown: 'segment' },
  argTypes: { breakdown: { control: 'inline-radio', options: ['segment', 'cohort'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ByCohort: Story = { args: { breakdown: 'cohort' } };
export const SixtyDays: Story = { args: { days: 60 } };
/** A 30-day window against a longer purchase cycle: most customers count as churned every month. */
export const ThirtyDays: Story = { args: { days: 30 } };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
