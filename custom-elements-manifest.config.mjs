// Generates custom-elements.json from the elements' JSDoc; Storybook's autodocs and editors read it.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/base/data-link.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new X(value))` and names them after the argument;
      // the documented `@fires mkt-*` tags are the contract, so keep only those.
      name: 'marketkit-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('mkt-'));
          }
        }
      },
    },
  ],
};
