import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';

const here = (...parts: string[]) => resolve(__dirname, ...parts);

/** Every element is its own entry, so that importing one element does not pull in the others. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: here('src/index.ts') };
  for (const dir of readdirSync(here('src/components'))) {
    for (const file of readdirSync(here('src/components', dir))) {
      if (/^mkt-.*\.ts$/.test(file) && !file.endsWith('.styles.ts')) entries[`components/${dir}/${file.replace(/\.ts$/, '')}`] = here('src/components', dir, file);
    }
  }
  return entries;
}

/** `vite build --mode lib`: the npm package's ES modules; dependencies and DuckDB's `?url` assets stay imports. */
const library: UserConfig = {
  publicDir: false,
  build: {
    outDir: here('dist/lib'),
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: elementEntries(), formats: ['es'] },
    rollupOptions: {
      external: (id) => /^(lit|@lit\/|d3|apache-arrow|@duckdb\/|ml-kmeans)/.test(id) || id.endsWith('?url'),
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
};

/** `vite build --mode bundle`: one self-contained module, with DuckDB's wasm and worker files beside it. */
const bundle: UserConfig = {
  publicDir: false,
  base: './',
  build: {
    outDir: here('dist/bundle'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { marketkit: here('src/bundle.ts') },
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name][extname]' },
    },
  },
};

const demoPages = () =>
  Object.fromEntries(
    readdirSync(here('demo'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.replace(/\.html$/, ''), here('demo', f)]),
  );

/** Default: the demo site. `npm start` serves it; `vite build` builds it into dist/demo (the benchmark uses it). */
const demo = (): UserConfig => ({
  root: 'demo',
  publicDir: false,
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 4173 },
  build: { outDir: here('dist/demo'), emptyOutDir: true, target: 'es2022', rollupOptions: { input: demoPages() } },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});

export default defineConfig(({ mode }) => (mode === 'lib' ? library : mode === 'bundle' ? bundle : demo()));
