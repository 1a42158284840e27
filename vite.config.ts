import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { resolve } from 'node:path';
import { cpSync, createReadStream, existsSync, readdirSync } from 'node:fs';

const here = (...parts: string[]) => resolve(import.meta.dirname, ...parts);

/** Every element is its own entry, so that importing one element does not pull in the others. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: here('src/index.ts') };
  for (const dir of readdirSync(here('src/components'))) {
    for (const file of readdirSync(here('src/components', dir))) {
      if (/^mkt-.*\.ts$/.test(file) && !file.endsWith('.styles.ts'))
        entries[`components/${dir}/${file.replace(/\.ts$/, '')}`] = here('src/components', dir, file);
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
    // DuckDB-WASM's JS API is most of the bundle; the wasm itself is a separate file.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { marketkit: here('src/bundle.ts') },
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name][extname]' },
    },
  },
};

/** Pages that load the built drop-in bundle (`./bundle/marketkit.js`) exactly as a site owner would. */
const BUNDLE_PAGES = ['embed.html', 'article.html'];

const demoPages = () =>
  Object.fromEntries(
    readdirSync(here('demo'))
      .filter((f) => f.endsWith('.html') && !BUNDLE_PAGES.includes(f))
      .map((f) => [f.replace(/\.html$/, ''), here('demo', f)]),
  );

/** Serves dist/bundle at /bundle/ in dev, and copies the bundle and the bundle pages into the built demo. */
function dropInBundle(): Plugin {
  return {
    name: 'marketkit-drop-in-bundle',
    configureServer(server) {
      server.middlewares.use('/bundle', (req, res, next) => {
        const file = here('dist/bundle', (req.url ?? '/').split('?')[0].replace(/^\/+/, ''));
        if (!file.startsWith(here('dist/bundle')) || !existsSync(file)) return next();
        res.setHeader(
          'Content-Type',
          file.endsWith('.js')
            ? 'text/javascript'
            : file.endsWith('.wasm')
              ? 'application/wasm'
              : 'application/octet-stream',
        );
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(here('dist/bundle'), here('dist/demo/bundle'), { recursive: true });
      for (const page of BUNDLE_PAGES)
        if (existsSync(here('demo', page))) cpSync(here('demo', page), here('dist/demo', page));
      // The bundle pages' own style and script files (no inline ones: they work under a strict CSP).
      for (const file of ['demo.css', 'embed.css', 'embed-events.js', 'favicon.svg'])
        cpSync(here('demo', file), here('dist/demo', file));
    },
  };
}

/** Default: the demo site. `npm start` serves it; `vite build` builds it into dist/demo (the benchmark uses it). */
const demo = (): UserConfig => ({
  root: 'demo',
  publicDir: false,
  plugins: [dropInBundle()],
  server: { port: 5173, fs: { allow: ['..'] } },
  preview: { port: 4173 },
  build: {
    outDir: here('dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: demoPages() },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});

export default defineConfig(({ mode }) => (mode === 'lib' ? library : mode === 'bundle' ? bundle : demo()));
