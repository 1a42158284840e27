// `npm run test:scaffold`: runs `npm run new:element` in a temporary copy of the repository (.scaffold-check-*/,
// gitignored, inside it so that its node_modules and web-test-runner's root serve the copy) and checks what it wrote: it type-checks, lints and is formatted, the custom-elements
// manifest lists the new element, and its own test and the default-headings test pass in Chromium. Tracked and
// untracked (not ignored) files are copied, so that it checks the working tree as it is.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
const copy = mkdtempSync(join(repo, '.scaffold-check-'));
const name = 'refund-rate';
const failures = [];

function run(what, command, args, cwd = copy) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.status !== 0) failures.push(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

try {
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of tracked.filter((f) => !f.startsWith('.scaffold-check-'))) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repo, file), join(copy, file));
  }

  run('npm run new:element', 'node', ['scripts/new-element.mjs', name]);
  if (failures.length > 0) throw new Error(failures.join('\n'));
  const written = [
    `src/metrics/${name}.ts`,
    `src/components/${name}/mkt-${name}.ts`,
    `src/components/${name}/mkt-${name}.styles.ts`,
    `stories/${name}.stories.ts`,
    `test/components/mkt-${name}.test.ts`,
    'src/index.ts',
    'src/queries/registry.ts',
    'test/fixtures/query-samples.ts',
    'src/server/query-arguments.ts',
    'src/components/base/default-headings.ts',
  ];
  run('tsc', 'npx', ['tsc', '--noEmit', '-p', '.']);
  run('eslint', 'npx', ['eslint', ...written]);
  run('prettier', 'npx', ['prettier', '--check', ...written]);
  run('the manifest', 'npx', ['custom-elements-manifest', 'analyze', '--quiet']);
  const manifest = JSON.parse(readFileSync(join(copy, 'custom-elements.json'), 'utf8'));
  const declared = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === `mkt-${name}`);
  if (!declared) failures.push(`custom-elements.json does not list <mkt-${name}>`);
  else if (declared.summary !== 'Refund rate by category.') failures.push(`its summary is "${declared.summary}"`);
  // From the repository, whose root holds the copy and node_modules both.
  const at = relative(repo, copy);
  const out = run(
    'the new element’s tests',
    'npx',
    [
      'wtr',
      '--files',
      `${at}/test/components/mkt-${name}.test.ts`,
      `${at}/test/components/default-headings.test.ts`,
      `${at}/test/queries/registry.test.ts`,
    ],
    repo,
  );
  if (!/all tests passed/.test(out)) failures.push(`the tests did not all pass:\n${out.slice(-2000)}`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`The scaffolder's output does not hold:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log(`npm run new:element -- ${name}: it type-checks, lints, is in the manifest, and its tests pass.`);
