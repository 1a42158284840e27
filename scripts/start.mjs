// `npm start`: generate the demo dataset when it is missing, then serve the demo with Vite.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

const datasets = [
  { dir: 'demo/data/scale-1', scale: '1' },
  { dir: 'demo/data/scale-0.05', scale: '0.05' },
];
for (const { dir, scale } of datasets) {
  if (existsSync(`${dir}/manifest.json`)) continue;
  console.log(`Generating the demo dataset (scale ${scale}) in ${dir} …`);
  const result = spawnSync('npx', ['tsx', 'generator/cli.ts', '--scale', scale, '--seed', '42', '--out', dir], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const args = process.argv.slice(2);
const server = spawn('npx', ['vite', '--host', '127.0.0.1', ...args], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
