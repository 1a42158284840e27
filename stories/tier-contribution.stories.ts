import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/tier-contribution/mkt-tier-contribution.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

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
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
