import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/funnel/mkt-funnel.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = { heading: string; breakdown: 'none' | 'category' | 'source' };

const el = (a: Args) => html`<mkt-funnel heading=${a.heading} breakdown=${a.breakdown}></mkt-funnel>`;

const meta = {
  title: 'Elements/Funnel',
  component: 'mkt-funnel',
  tags: ['autodocs'],
  args: { heading: 'Conversion funnel', breakdown: 'none' },
  argTypes: { breakdown: { control: 'inline-radio', options: ['none', 'category', 'source'] } },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const ByCategory: Story = { args: { breakdown: 'category' } };
export const BySource: Story = { args: { breakdown: 'source' } };
export const NoPageEvents: Story = { render: (args) => withData(el(args), datasetWithout('page_events')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Narrow: Story = states.Narrow;
