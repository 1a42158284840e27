import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/** Imports a lower layer may not make (see the layer rules below). */
const LAYER = {
  components: {
    group: ['**/components/**', '**/components'],
    message: 'Only elements (src/components) import elements: move what both need out of src/components.',
  },
  data: {
    group: ['**/data/**', '**/data'],
    message: 'Chart functions know nothing of the data layer: pass them rows and options.',
  },
  server: {
    group: ['**/server/**', '**/server'],
    message: 'src/server is the Node query server: browser code never imports it.',
  },
  dataValues: {
    group: ['**/data/**', '**/data'],
    allowTypeImports: true,
    message: 'The query registry builds SQL from metrics only (the server runs it too): import data types, not code.',
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'node_modules/',
      'demo/data/',
      'custom-elements.json',
      'zz-*',
      '.scaffold-check-*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'demo/**/*.js', 'test/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      // Lit elements define themselves with @customElement; the guard rule assumes customElements.define.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: [
      'generator/**/*.ts',
      'test/support/*.mjs',
      'test/lint/*.mjs',
      'test/scaffold/*.mjs',
      'scripts/*.mjs',
      'demo/*.mjs',
      'bin/*.mjs',
      'src/server/**/*.ts',
      'test/server/**/*.ts',
      'test/server/*.mjs',
      '*.mjs',
      '*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Node scripts that drive Chromium: some of their functions run in the page.
    files: ['test/e2e/**/*.mjs', 'test/bench/**/*.mjs', 'test/docs/**/*.mjs', 'test/package/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  // The layering of CONTRIBUTING's table: components use everything else; nothing else uses a component; charts
  // know nothing of the data layer; the query registry uses metrics and data types only. test/lint/layers.mjs checks that these rules fire.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYER.server] }] },
  },
  {
    files: ['src/{charts,metrics,models,data,geo,format,events,schema,report}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYER.components, LAYER.server] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYER.components] }] },
  },
  {
    files: ['src/queries/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [LAYER.components, LAYER.dataValues] }],
    },
  },
  {
    files: ['src/charts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYER.components, LAYER.data, LAYER.server] }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
