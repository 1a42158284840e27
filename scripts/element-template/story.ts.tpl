import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/data/mkt-data.js';
import '../src/components/__NAME__/__TAG__.js';
import { withData } from './support/with-data.js';
import { stateStories } from './support/state-stories.js';

type Args = { heading: string };
const el = (a: Args) => html`<__TAG__ heading=${a.heading}></__TAG__>`;

const meta = {
  title: 'Elements/__TITLE__',
  component: '__TAG__',
  tags: ['autodocs'],
  args: { heading: '__TITLE__' },
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
