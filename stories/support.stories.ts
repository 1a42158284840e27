import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/support/mkt-support.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';
import { datasetWithout } from './support/datasets.js';

type Args = {
  heading: string;
  by: 'tier' | 'category' | 'reason' | 'month';
  measure: 'rate' | 'csat' | 'response' | 'resolution';
};
const el = (a: Args) => html`<mkt-support heading=${a.heading} by=${a.by} measure=${a.measure}></mkt-support>`;

const meta = {
  title: 'Elements/Customer service',
  component: 'mkt-support',
  tags: ['autodocs'],
  args: { heading: 'Customer service', by: 'tier', measure: 'rate' },
  argTypes: {
    by: { control: 'inline-radio', options: ['tier', 'category', 'reason', 'month'] },
    measure: { control: 'inline-radio', options: ['rate', 'csat', 'response', 'resolution'] },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
export const CsatByCategory: Story = { args: { by: 'category', measure: 'csat' } };
export const ResolutionByMonth: Story = { args: { by: 'month', measure: 'resolution' } };
/** A dataset without the optional support_tickets table: the element says so in place. */
export const NoTickets: Story = { render: (args) => withData(el(args), datasetWithout('support_tickets')) };
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
