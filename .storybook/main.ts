import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs): the element's description and API from custom-elements.json, its controls and stories.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: {},
  async viteFinal(viteConfig) {
    // The project's vite.config.ts serves the demo from demo/; Storybook needs the repository root.
    return {
      ...viteConfig,
      root: process.cwd(),
      optimizeDeps: { ...viteConfig.optimizeDeps, exclude: ['@duckdb/duckdb-wasm'] },
    };
  },
};
export default config;
