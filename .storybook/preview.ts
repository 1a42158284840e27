import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import { THEME_TOKENS } from '../src/components/base/tokens.styles.js';
import { argTypesFromManifest } from './manifest-arg-types.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // A toolbar switch: the dark or light tokens set on a container inherit into every element of the story.
  globalTypes: {
    theme: {
      description: 'Colour theme of the elements',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'auto' },
  decorators: [
    (story, context) => {
      const theme = context.globals.theme as 'auto' | 'light' | 'dark';
      if (theme !== 'light' && theme !== 'dark') return story();
      const style = { ...THEME_TOKENS[theme], padding: '1rem', background: theme === 'dark' ? '#0d0f12' : '#ffffff' };
      return html`<div style=${styleMap(style)}>${story()}</div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    docs: { extractArgTypes: (tagName: string) => argTypesFromManifest(manifest, tagName) },
    layout: 'padded',
  },
};
export default preview;
