// Dev-server plugins that let web-test-runner load what Vite handles in the build.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

/** `import x from 'pkg/file.wasm?url'` → a module whose default export is the file's served URL. */
export function viteUrlImports() {
  return {
    name: 'vite-url-imports',
    resolveImport({ source }) {
      if (!source.endsWith('?url')) return undefined;
      return `/__url__/${encodeURIComponent(source.slice(0, -'?url'.length))}`;
    },
    serve(context) {
      if (!context.path.startsWith('/__url__/')) return undefined;
      const spec = decodeURIComponent(context.path.slice('/__url__/'.length));
      const require = createRequire(path.resolve('package.json'));
      const file = require.resolve(spec);
      const url = '/' + path.relative(process.cwd(), file).split(path.sep).join('/');
      return { body: `export default ${JSON.stringify(url)};`, type: 'js' };
    },
  };
}

/** CommonJS packages (ml-kmeans's dependencies) bundled once with esbuild into ES modules. */
export function prebundleCommonJs(packages) {
  const cache = new Map();
  return {
    name: 'prebundle-commonjs',
    resolveImport({ source }) {
      if (packages.includes(source)) return `/__cjs__/${encodeURIComponent(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith('/__cjs__/')) return undefined;
      const spec = decodeURIComponent(context.path.slice('/__cjs__/'.length, -'.js'.length));
      if (!cache.has(spec)) {
        const result = await build({
          stdin: { contents: `export * from ${JSON.stringify(spec)}; export { default } from ${JSON.stringify(spec)};`, resolveDir: process.cwd() },
          bundle: true,
          format: 'esm',
          write: false,
          platform: 'browser',
          mainFields: ['module', 'browser', 'main'],
        });
        cache.set(spec, result.outputFiles[0].text);
      }
      return { body: cache.get(spec), type: 'js' };
    },
  };
}
