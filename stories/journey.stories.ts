import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/journey/mkt-journey.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; mode: 'session' | 'repeat' };

const el = (a: Args) => html`<mkt-journey heading=${a.heading} mode=${a.mode}></mkt-journey>`;

const meta = {
  title: 'Elements/Journey',
  component: 'mkt-journey',
  tags: ['autodocs'],
  args: { heading: 'Session journeys', mode: 'session' },
  argTypes: { mode: { control: 'inline-radio', options: ['session', 'repeat'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const RepeatPurchases: Story = { args: { heading: 'Repeat purchase paths', mode: 'repeat' } };
export const NoPageEvents: Story = { render: (args) => withData(el(args), datasetWithout('page_events')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Narrow: Story = states.Narrow;
