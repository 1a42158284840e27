import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/decomposition/mkt-decomposition.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; metric?: 'gmv' | 'orders' };
const el = (a: Args) => html`<mkt-decomposition heading=${a.heading} metric=${a.metric ?? 'gmv'}></mkt-decomposition>`;

const meta = {
  title: 'Elements/Decomposition',
  component: 'mkt-decomposition',
  tags: ['autodocs'],
  args: { heading: 'Trend and seasonality', metric: 'gmv' },
  argTypes: { metric: { control: 'inline-radio', options: ['gmv', 'orders'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Two years of daily GMV: trend, weekly and yearly pattern and remainder. */
export const Data: Story = {};
/** Completed orders per day instead of GMV. */
export const Orders: Story = { args: { metric: 'orders' } };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
