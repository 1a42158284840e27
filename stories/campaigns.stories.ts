import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/campaigns/mkt-campaigns.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; by: 'campaign' | 'channel'; granularity: 'day' | 'week' | 'month' };
const el = (a: Args) =>
  html`<mkt-campaigns heading=${a.heading} by=${a.by} granularity=${a.granularity}></mkt-campaigns>`;

const meta = {
  title: 'Elements/Campaigns',
  component: 'mkt-campaigns',
  tags: ['autodocs'],
  args: { heading: 'Campaigns', by: 'campaign', granularity: 'month' },
  argTypes: {
    by: { control: 'inline-radio', options: ['campaign', 'channel'] },
    granularity: { control: 'inline-radio', options: ['day', 'week', 'month'] },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ByChannelWeekly: Story = { args: { by: 'channel', granularity: 'week' } };
/** A dataset without the optional campaigns table: the element says so in place. */
export const NoCampaigns: Story = { render: (args) => withData(el(args), datasetWithout('campaigns')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
