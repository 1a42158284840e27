// Importing one element must not pull in the code of the others: walks the import graph of each element's module
// in the built library (dist/lib, `vite build --mode lib`) and fails when it reaches another element's folder.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve('dist/lib');
if (!existsSync(path.join(root, 'index.js'))) {
  console.log('bundle-graph: dist/lib is missing; run `vite build --mode lib` first');
  process.exit(1);
}

function localImports(file) {
  const code = readFileSync(file, 'utf8');
  const specs = [
    ...code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

function reachable(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    stack.push(...localImports(file));
  }
  return seen;
}

// Shared by every element on purpose: the base class and the data element it talks to.
const shared = new Set(['base', 'data']);
let failed = 0;
let passed = 0;
for (const dir of readdirSync(path.join(root, 'components'))) {
  if (shared.has(dir)) continue;
  for (const file of readdirSync(path.join(root, 'components', dir)).filter(
    (f) => /^mkt-.*\.js$/.test(f) && !f.includes('.styles'),
  )) {
    const entry = path.join(root, 'components', dir, file);
    const others = [...reachable(entry)]
      .map((f) => path.relative(path.join(root, 'components'), f).split(path.sep))
      // Another element's module (helpers kept in an element's folder, like a shared query, are fine).
      .filter(
        (parts) =>
          parts.length === 2 && parts[0] !== dir && !shared.has(parts[0]) && /^mkt-(?!.*styles).*\.js$/.test(parts[1]),
      )
      .map((parts) => parts.join('/'));
    const allowed = others;
    if (allowed.length > 0) {
      failed++;
      console.log(`  ✗ components/${dir}/${file} pulls in ${allowed.join(', ')}`);
    } else passed++;
  }
}
console.log(`bundle-graph: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
