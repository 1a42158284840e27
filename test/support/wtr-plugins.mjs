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

/** `import data from 'pkg/file.json'` → a module whose default export is the file's JSON, as Vite does. */
export function jsonImports() {
  return {
    name: 'json-imports',
    resolveImport({ source }) {
      if (!source.endsWith('.json') || source.startsWith('.') || source.startsWith('/')) return undefined;
      return `/__json__/${encodeURIComponent(source)}`;
    },
    async serve(context) {
      if (!context.path.startsWith('/__json__/')) return undefined;
      const { readFile } = await import('node:fs/promises');
      const require = createRequire(path.resolve('package.json'));
      const file = require.resolve(decodeURIComponent(context.path.slice('/__json__/'.length)));
      return { body: `export default ${await readFile(file, 'utf8')};`, type: 'js' };
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
        const bundle = (contents) =>
          build({
            stdin: { contents, resolveDir: process.cwd() },
            bundle: true,
            format: 'esm',
            write: false,
            logLevel: 'silent',
            platform: 'browser',
            mainFields: ['module', 'browser', 'main'],
          });
        const named = `export * from ${JSON.stringify(spec)};`;
        // ESM-only packages (ml-kmeans 7) have no default export: re-export it only when there is one.
        const result = await bundle(`${named} export { default } from ${JSON.stringify(spec)};`).catch(() =>
          bundle(named),
        );
        cache.set(spec, result.outputFiles[0].text);
      }
      return { body: cache.get(spec), type: 'js' };
    },
  };
}

/** `/__stories__.js`: a module importing every `stories/**\/*.stories.ts`, so one test can render them all. */
export function storiesIndex() {
  return {
    name: 'stories-index',
    async serve(context) {
      if (context.path !== '/__stories__.js') return undefined;
      const { readdirSync } = await import('node:fs');
      const files = readdirSync('stories', { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.stories.ts'))
        .sort();
      const body = `export const stories = {\n${files
        .map(
          (f) => `  ${JSON.stringify(f)}: () => import(${JSON.stringify(`/stories/${f.split(path.sep).join('/')}`)}),`,
        )
        .join('\n')}\n};`;
      return { body, type: 'js' };
    },
  };
}

/**
 * Koa middleware serving `/shared-data/*` from the real public datasets beside the repository
 * (../shared/data, or $MARKETKIT_SHARED_DATA); 404 when absent, so tests can say so and skip.
 */
export function sharedDataMiddleware() {
  const root = path.resolve(process.env.MARKETKIT_SHARED_DATA ?? '../shared/data');
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/shared-data/')) return next();
    const { readFile } = await import('node:fs/promises');
    const file = path.resolve(root, decodeURIComponent(ctx.path.slice('/shared-data/'.length)));
    if (!file.startsWith(root + path.sep)) {
      ctx.status = 403;
      return;
    }
    try {
      ctx.body = await readFile(file);
      ctx.type = file.endsWith('.csv') ? 'text/csv' : 'application/octet-stream';
    } catch {
      ctx.status = 404;
      ctx.body = `not found: ${file}`;
    }
  };
}

/** A closing line that CI can read: `tests: N passed, N failed, N skipped`. */
export function summaryReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      let broken = 0;
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) broken++;
      }
      // A test file that failed to load has no test results: count it as a failure so it cannot pass silently.
      totals.failed += broken;
      process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}

/**
 * The `svg-snapshot` command: compares a serialised SVG with `test/charts/__snapshots__/<name>.svg`. A missing
 * file is written (and fails under CI=true, where a snapshot must be committed); `UPDATE_SNAPSHOTS=1` (`npm run
 * test:update-snapshots`) rewrites every file; a difference is returned as a line diff for the test to fail with.
 */
export function svgSnapshots(dir = 'test/charts/__snapshots__') {
  return {
    name: 'svg-snapshots',
    async executeCommand({ command, payload }) {
      if (command !== 'svg-snapshot') return undefined;
      const { readFile, writeFile, mkdir } = await import('node:fs/promises');
      const { name, svg } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Bad snapshot name "${name}": use a-z, 0-9 and -.`);
      const file = path.resolve(dir, `${name}.svg`);
      const old = await readFile(file, 'utf8').catch(() => null);
      if (old === svg) return { status: 'same' };
      if (process.env.UPDATE_SNAPSHOTS || (old === null && !process.env.CI)) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, svg);
        return { status: old === null ? 'written' : 'updated' };
      }
      if (old === null)
        return { status: 'missing', diff: `No snapshot ${dir}/${name}.svg (run npm run test:update-snapshots).` };
      return { status: 'differs', diff: lineDiff(old, svg, `${dir}/${name}.svg`) };
    },
  };
}

/** The lines that differ between two texts, with two lines of context, in the style of a unified diff. */
function lineDiff(before, after, label) {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence over lines: snapshots are a few hundred lines, so the table stays small.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push([' ', a[i++], j++]);
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(['-', a[i++], j]);
    else ops.push(['+', b[j], j++]);
  }
  const near = (k) => ops.slice(Math.max(0, k - 2), k + 3).some(([op]) => op !== ' ');
  const out = [`--- ${label} (committed)`, '+++ rendered now'];
  let skipped = false;
  ops.forEach(([op, line, at], k) => {
    if (op !== ' ' || near(k)) {
      if (skipped) out.push(`@@ line ${at + 1} @@`);
      skipped = false;
      out.push(`${op} ${line}`);
    } else skipped = true;
  });
  return out.join('\n');
}
