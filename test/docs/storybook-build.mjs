// Whether storybook-static was built from the sources as they are: `npm run build-storybook` ends by stamping it
// with a hash of its inputs (this file run as a script), and the Docs test rebuilds it when the stamp differs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const STORYBOOK_DIR = 'storybook-static';
const STAMP = path.join(STORYBOOK_DIR, 'marketkit-inputs.txt');
// Storybook's Vite build also loads vite.config.ts (its plugins).
const INPUTS = ['stories', 'src', '.storybook', 'custom-elements.json', 'package-lock.json', 'vite.config.ts'];

/** A hash of every file Storybook's build reads from this repository (its dependencies through the lock file). */
export function inputsHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) =>
    existsSync(input) && statSync(input).isDirectory()
      ? readdirSync(input, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
      : [input],
  ).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Why storybook-static cannot be used as it is, or null when it was built from these inputs. */
export function staleReason() {
  if (!existsSync(path.join(STORYBOOK_DIR, 'index.json'))) return `${STORYBOOK_DIR} is missing`;
  if (!existsSync(STAMP))
    return `${STORYBOOK_DIR} has no ${path.basename(STAMP)} (built without \`npm run build-storybook\`)`;
  if (readFileSync(STAMP, 'utf8').trim() !== inputsHash()) return `${STORYBOOK_DIR} is older than the sources`;
  return null;
}

/** Builds storybook-static unless it is up to date; throws with the build's exit status when that fails. */
export function ensureStorybookBuilt() {
  const reason = staleReason();
  if (!reason) return;
  console.log(`${reason}: running \`npm run build-storybook\` (about half a minute)`);
  const result = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`\`npm run build-storybook\` failed (exit status ${result.status})`);
  const still = staleReason();
  if (still) throw new Error(`after \`npm run build-storybook\`: ${still}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(STAMP, `${inputsHash()}\n`);
}
