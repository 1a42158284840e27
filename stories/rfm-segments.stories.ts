import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/kpis/mkt-kpis.js';
import '../src/components/rfm-segments/mkt-rfm-segments.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; method: 'rules' | 'kmeans'; k: number };

const el = (a: Args) => html`<mkt-rfm-segments heading=${a.heading} method=${a.method} k=${a.k}></mkt-rfm-segments>`;

const meta = {
  title: 'Elements/RFM segments',
  component: 'mkt-rfm-segments',
  tags: ['autodocs'],
  args: { heading: 'RFM segments', method: 'rules', k: 0 },
  argTypes: {
    method: { control: 'inline-radio', options: ['rules', 'kmeans'] },
    k: { control: { type: 'number', min: 0, max: 6 } },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Rules: Story = {};
export const KMeans: Story = { args: { method: 'kmeans' } };
/** A click on a segment filters the KPIs next to it. */
export const CrossFilter: Story = {
  render: (args) => withData(html`<mkt-kpis></mkt-kpis><mkt-rfm-segments heading=${args.heading}></mkt-rfm-segments>`),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
