import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/value-tiers/mkt-value-tiers.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; entity: 'customers' | 'sellers'; tiers: string };
const el = (a: Args) =>
  html`<mkt-value-tiers heading=${a.heading} entity=${a.entity} tiers=${a.tiers}></mkt-value-tiers>`;

const meta = {
  title: 'Elements/Value tiers',
  component: 'mkt-value-tiers',
  tags: ['autodocs'],
  args: { heading: 'Value tiers', entity: 'customers', tiers: '1,10,40' },
  argTypes: {
    entity: { control: 'inline-radio', options: ['customers', 'sellers'] },
    tiers: { control: 'text' },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
/** Marketplace concentration risk: how few sellers bring half of GMV. */
export const Sellers: Story = { args: { entity: 'sellers' } };
/** Wider tiers: the top 5, 20 and 50 %. */
export const OtherCutoffs: Story = { args: { tiers: '5,20,50' } };
/** Cut-offs that cannot be used: the widget says so and shows the default ones. */
export const BadCutoffs: Story = { args: { tiers: '10,5,40' } };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
