import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/forecast/mkt-forecast.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; weeks: number };
const el = (a: Args) => html`<mkt-forecast heading=${a.heading} weeks=${a.weeks}></mkt-forecast>`;

const meta = {
  title: 'Elements/Forecast',
  component: 'mkt-forecast',
  tags: ['autodocs'],
  args: { heading: 'GMV forecast', weeks: 8 },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
