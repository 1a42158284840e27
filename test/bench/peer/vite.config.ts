// Builds the peer benchmark's two pages (kit.html, mosaic.html) into dist/bench-peer; `npm run bench` does it.
// They are not part of the demo or the npm package.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const here = (...parts: string[]) => resolve(import.meta.dirname, ...parts);
const root = here('../../..');

export default defineConfig({
  root: here(),
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    // Mosaic pins its own duckdb-wasm (1.33.1-dev57.0); both pages run the kit's build (1.32.0) instead.
    alias: [{ find: /^@duckdb\/duckdb-wasm$/, replacement: resolve(root, 'node_modules/@duckdb/duckdb-wasm') }],
  },
  build: {
    outDir: resolve(root, 'dist/bench-peer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 3000,
    rollupOptions: { input: { kit: here('kit.html'), mosaic: here('mosaic.html') } },
  },
});
