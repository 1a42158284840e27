import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { cpSync, createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';

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

/** The package's runtime dependencies: the library imports them, the consumer's install provides them. */
const dependencies = Object.keys(
  (JSON.parse(readFileSync(here('package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies,
);
const isDependency = (id: string) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * In the library, `import url from 'some-package/file.wasm?url'` becomes `new URL('../../bundle/file.wasm',
 * import.meta.url).href`: the package ships each such file once, in the drop-in bundle's folder (which emits it
 * under its own name), and a relative `new URL(..., import.meta.url)` is what every bundler (Vite, webpack, Parcel,
 * esbuild with a loader) copies into the app, and what a browser resolves beside the module without one. A bare
 * `?url` import would need the consumer's bundler to be Vite, and an absolute one would point at the app's root.
 */
function assetUrlsFromTheBundle(): Plugin {
  return {
    name: 'marketkit-library-asset-urls',
    // After Vite's own new URL(..., import.meta.url) handling, which would look for the file beside the source.
    enforce: 'post',
    transform(code, id) {
      if (!id.startsWith(here('src'))) return undefined;
      const emittedDir = here('dist/lib', relative(here('src'), dirname(id)));
      const out = code.replace(/import\s+(\w+)\s+from\s+['"]([^'"]+)\?url['"];?/g, (_, name: string, spec: string) => {
        const url = relative(emittedDir, here('dist/bundle', basename(spec)))
          .split(sep)
          .join('/');
        return `const ${name} = new URL(${JSON.stringify(url)}, import.meta.url).href;`;
      });
      // One line for one line: the source map stays right (null keeps the previous plugins' map).
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/**
 * `vite build --mode lib`: the npm package's ES modules. Dependencies stay imports; the customer-model worker is
 * bundled into `assets/` and, like every file the library fetches, found relative to the module (`base: './'`).
 */
const library: UserConfig = {
  publicDir: false,
  base: './',
  plugins: [assetUrlsFromTheBundle()],
  build: {
    outDir: here('dist/lib'),
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: elementEntries(), formats: ['es'] },
    rollupOptions: {
      external: isDependency,
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
};

/**
 * DuckDB's worker files end with a `sourceMappingURL` comment naming maps the package does not ship: Vite's dev
 * server (in an app using the library) and browsers' devtools complain about each. The bundle copies them without.
 */
function withoutDanglingSourceMaps(): Plugin {
  return {
    name: 'marketkit-no-dangling-source-maps',
    generateBundle(_, output) {
      for (const file of Object.values(output)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.js')) continue;
        const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      }
    },
  };
}

/** `vite build --mode bundle`: one self-contained module, with DuckDB's wasm and worker files beside it. */
const bundle: UserConfig = {
  publicDir: false,
  base: './',
  plugins: [withoutDanglingSourceMaps()],
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

/**
 * `vite build --mode server`: the query server (`marketkit serve`, src/server/) for Node, into dist/lib/server.
 * Dependencies and Node's modules stay imports (@duckdb/node-api is an optional peer: the CLI prints its usage
 * without it); zod, used only here, is bundled so that a browser-only install does not need it.
 */
const server: UserConfig = {
  publicDir: false,
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: here('src/server/cli.ts'),
    outDir: here('dist/lib/server'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
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
      for (const file of ['demo.css', 'embed.css', 'embed-events.js', 'article.css', 'favicon.svg'])
        cpSync(here('demo', file), here('dist/demo', file));
    },
  };
}

/**
 * `npm run demo:server` sets MARKETKIT_SERVER_PORT: the dev server forwards `/marketkit/*` to that `marketkit serve`
 * (the page and the server share an origin, so the server needs no `--origin`), and the demo learns that the server
 * page has a server (`import.meta.env.VITE_MARKETKIT_SERVER`).
 */
const queryServerPort = process.env.MARKETKIT_SERVER_PORT;
type ProxyRequestListener = (
  proxyReq: { removeHeader(name: string): void },
  req: { headers: Record<string, string | string[] | undefined> },
) => void;
const queryServerProxy = queryServerPort
  ? {
      '/marketkit/': {
        target: `http://127.0.0.1:${queryServerPort}`,
        rewrite: (url: string) => url.replace(/^\/marketkit/, ''),
        // The demo's own pages reach the server through this proxy, on their own origin: their Origin header
        // names the dev server, which the server need not list. Other origins' requests keep theirs (refused).
        configure: (proxy: { on(event: 'proxyReq', listener: ProxyRequestListener): void }) =>
          proxy.on('proxyReq', (proxyReq, req) => {
            if (req.headers.origin === `http://${req.headers.host}`) proxyReq.removeHeader('origin');
          }),
      },
    }
  : undefined;

/** Default: the demo site. `npm start` serves it; `vite build` builds it into dist/demo (the benchmark uses it). */
const demo = (): UserConfig => ({
  root: 'demo',
  publicDir: false,
  plugins: [dropInBundle()],
  define: queryServerPort ? { 'import.meta.env.VITE_MARKETKIT_SERVER': JSON.stringify('/marketkit/') } : {},
  server: { port: 5173, fs: { allow: ['..'] }, proxy: queryServerProxy },
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

const MODES: Record<string, UserConfig> = { lib: library, bundle, server };

export default defineConfig(({ mode }) => MODES[mode] ?? demo());
