// The demo's datasets (seed 42), generated when missing: the end-to-end run and the benchmarks load them.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function ensureDemoData(scales = ['1', '0.05']) {
  for (const scale of scales) {
    const dir = `demo/data/scale-${scale}`;
    if (existsSync(`${dir}/manifest.json`)) continue;
    console.log(`generating ${dir} …`);
    const result = spawnSync('npx', ['tsx', 'generator/cli.ts', '--scale', scale, '--seed', '42', '--out', dir], {
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`generating ${dir} failed`);
  }
}
