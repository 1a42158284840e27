// What the npm package must and must not hold, and how big it may be (from `npm pack --json`).
import path from 'node:path';

// DuckDB-WASM's two builds (eh and mvp: 74 MB, 17 MB compressed) and the Parquet reader (5 MB, 1.7 MB compressed)
// are most of the package; the kit's own library, types, source maps and bundle add about 4 MB (1.5 MB compressed).
// 19.4 MB packed and 84 MB unpacked when the budget was set: the budget leaves room for map data and growth, while
// a second copy of DuckDB's wasm (+17 MB packed) or a demo build in the package (+40 MB) fails it.
export const PACKED_BUDGET = 24e6;
export const UNPACKED_BUDGET = 100e6;

const ROOT_FILES = new Set(['package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'bin/marketkit.mjs']);

/** `x-AbC123_9.wasm` → `x.wasm`: a file's name without the content hash a build may add. */
const unhashed = (file) => path.basename(file).replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z]+$)/, '');

/** Every relative `new URL('…', import.meta.url)` of the package's scripts must name a file of the package. */
function unresolvedUrls(files, read) {
  const problems = [];
  for (const file of files.filter((f) => /^dist\/(lib|bundle)\/.*\.js$/.test(f))) {
    // Also in the form Vite writes it: `new URL(/* @vite-ignore */ "…", "" + import.meta.url)`.
    const calls = /new URL\(\s*(?:\/\*[^*]*\*\/\s*)?(["'`])([^"'`]+)\1\s*,\s*(?:(["'`])\3\s*\+\s*)?import\.meta\.url/g;
    for (const m of read(file).matchAll(calls)) {
      const url = m[2];
      if (/^(\/|[a-z]+:)/i.test(url)) problems.push(`${file} fetches ${url}, not relative to the module`);
      else if (!files.includes(path.posix.join(path.posix.dirname(file), url)))
        problems.push(`${file} fetches ${url}, which is not in the package`);
    }
  }
  return problems;
}

/** What is wrong with the packed package (`npm pack --json`'s entry); `read` gives a packed file's text. */
export function packageProblems(packed, read) {
  const files = packed.files.map((f) => f.path);
  const pkg = JSON.parse(read('package.json'));
  const problems = [];
  if (packed.size > PACKED_BUDGET)
    problems.push(`the package is ${packed.size} bytes packed, over its budget of ${PACKED_BUDGET}`);
  if (packed.unpackedSize > UNPACKED_BUDGET)
    problems.push(`the package is ${packed.unpackedSize} bytes unpacked, over its budget of ${UNPACKED_BUDGET}`);
  const stray = files.filter((f) => !ROOT_FILES.has(f) && !/^dist\/(lib|bundle)\//.test(f));
  if (stray.length > 0) problems.push(`files a consumer does not need: ${stray.slice(0, 8).join(', ')}`);
  const vendored = files.filter((f) => f.includes('node_modules/'));
  if (vendored.length > 0) problems.push(`dependencies copied into the library: ${vendored.slice(0, 5).join(', ')}`);
  const wasm = new Map();
  for (const f of files.filter((f) => f.endsWith('.wasm')))
    wasm.set(unhashed(f), [...(wasm.get(unhashed(f)) ?? []), f]);
  const copies = [...wasm].filter(([, same]) => same.length > 1);
  for (const [name, same] of copies)
    problems.push(`${name} is in the package ${same.length} times: ${same.join(', ')}`);
  const entryPoints = [
    pkg.main,
    pkg.module,
    pkg.types,
    pkg.customElements,
    ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
  ].map((f) => f.replace(/^\.\//, ''));
  for (const entry of new Set(entryPoints)) {
    // A subpath pattern (`./components/*.js`) must match at least one file.
    const pattern = new RegExp(`^${entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`);
    if (!files.some((f) => pattern.test(f))) problems.push(`${entry} (in package.json) is missing`);
  }
  for (const [name, bin] of Object.entries(pkg.bin ?? {}))
    if (!files.includes(bin.replace(/^\.\//, ''))) problems.push(`the "${name}" command (${bin}) is missing`);
  if (!files.includes('dist/lib/server/cli.js')) problems.push('the query server (dist/lib/server/cli.js) is missing');
  if (!files.some((f) => /^dist\/bundle\/duckdb-.*\.wasm$/.test(f)))
    problems.push("DuckDB's wasm is not beside the bundle");
  problems.push(...unresolvedUrls(files, read));
  return problems;
}
