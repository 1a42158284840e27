import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/anomalies/mkt-anomalies.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; threshold: number; limit: number };
const el = (a: Args) =>
  html`<mkt-anomalies heading=${a.heading} threshold=${a.threshold} limit=${a.limit}></mkt-anomalies>`;

const meta = {
  title: 'Elements/Anomalies',
  component: 'mkt-anomalies',
  tags: ['autodocs'],
  args: { heading: 'Unusual movements', threshold: 3.5, limit: 8 },
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
