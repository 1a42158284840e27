import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/revenue-trend/mkt-revenue-trend.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

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
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
