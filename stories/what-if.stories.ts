import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/what-if/mkt-what-if.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; scope: string; priceChange: number; discount: number };
const el = (a: Args) =>
  html`<mkt-what-if
    heading=${a.heading}
    scope=${a.scope}
    price-change=${a.priceChange}
    discount=${a.discount}
  ></mkt-what-if>`;

const meta = {
  title: 'Elements/What-if',
  component: 'mkt-what-if',
  tags: ['autodocs'],
  args: { heading: 'What if…', scope: 'all', priceChange: 0, discount: 0 },
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
