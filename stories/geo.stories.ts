import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/data/mkt-data.js';
import '../src/components/geo/mkt-geo.js';
import { withData } from './support/with-data.js';
import { datasetWithRegions } from './support/datasets.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string; metric: string; map?: string };
const el = (a: Args) => html`<mkt-geo heading=${a.heading} metric=${a.metric} map=${ifDefined(a.map)}></mkt-geo>`;

/** Regions as UCI Online Retail writes them: names, "EIRE", "RSA", "USA", and some that are no country. */
const UCI_LIKE = [
  'United Kingdom',
  'Germany',
  'France',
  'EIRE',
  'Spain',
  'Netherlands',
  'Channel Islands',
  'USA',
  'Singapore',
  'RSA',
  'Unspecified',
  'Australia',
];
/** Brazilian states as Olist writes them: two-letter codes. */
const OLIST_LIKE = ['SP', 'RJ', 'MG', 'RS', 'PR', 'SC', 'BA', 'DF', 'GO', 'ES', 'PE', 'CE'];

const meta = {
  title: 'Elements/Geography',
  component: 'mkt-geo',
  tags: ['autodocs'],
  args: { heading: 'GMV by state', metric: 'gmv' },
  argTypes: {
    metric: { control: 'inline-radio', options: ['gmv', 'customers'] },
    map: { control: 'select', options: [undefined, 'world', 'us-states', 'brazil-states'] },
  },
  render: (args) => withData(el(args)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Data: Story = {};
/** Countries by name and variant; the map is picked from them, and the regions that are no country are listed. */
export const World: Story = {
  args: { heading: 'GMV by country' },
  render: (args) => withData(el(args), datasetWithRegions(UCI_LIKE)),
};
/** Brazilian states by two-letter code, as Olist has them. */
export const Brazil: Story = {
  args: { heading: 'GMV by state' },
  render: (args) => withData(el(args), datasetWithRegions(OLIST_LIKE)),
};
const states = stateStories(el);
export const Loading: Story = states.Loading;
export const Error: Story = states.Error;
export const Empty: Story = states.Empty;
export const Narrow: Story = states.Narrow;
