// The demo's datasets (seed 42), generated when missing: the end-to-end run and the benchmarks load them.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { writeDatasetIndex } from '../../demo/data-index.mjs';

/** GENERATOR_VERSION of generator/core/generate.ts: data written by an older generator is made again. */
const GENERATOR_VERSION = 3;

/** The folder holds a dataset written by the current generator (not one left over from an older contract). */
export function isCurrentDemoData(dir) {
  if (!existsSync(`${dir}/manifest.json`)) return false;
  try {
    return JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).generatorVersion === GENERATOR_VERSION;
  } catch {
    return false;
  }
}

export function ensureDemoData(scales = ['1', '0.05']) {
  for (const scale of scales) {
    const dir = `demo/data/scale-${scale}`;
    if (isCurrentDemoData(dir)) continue;
    console.log(`generating ${dir} …`);
    const result = spawnSync('npx', ['tsx', 'generator/cli.ts', '--scale', scale, '--seed', '42', '--out', dir], {
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`generating ${dir} failed`);
  }
  writeDatasetIndex();
}
