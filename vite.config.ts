import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';

const demoPages = Object.fromEntries(
  readdirSync(resolve(__dirname, 'demo'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.replace(/\.html$/, ''), resolve(__dirname, 'demo', f)]),
);

/** The demo site: `npm start` serves it (dev), `vite build --mode demo` builds it for the benchmark. */
export default defineConfig({
  root: 'demo',
  publicDir: false,
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 4173 },
  build: {
    outDir: resolve(__dirname, 'dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: demoPages },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
