import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'demo/data/', 'custom-elements.json', 'zz-*'] },
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
    files: ['generator/**/*.ts', 'test/support/*.mjs', 'demo/*.mjs', '*.mjs', '*.ts'],
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
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
