// `npm start`: generate the demo datasets and the drop-in bundle when missing, then serve the demo with Vite.
// `npm start -- --server` (`npm run demo:server`): also generates scale 10, prepares it once with `marketkit prepare`,
// starts `marketkit serve` on it and serves the demo with the server page (demo/server.html) through Vite's proxy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';
import { isCurrentDemoData } from '../test/support/demo-data.mjs';
import { writeDatasetIndex } from './data-index.mjs';
import { ensurePrepared, startMarketkitServer } from '../test/support/marketkit-server.mjs';

const withServer = process.argv.includes('--server');
const viteArgs = process.argv.slice(2).filter((a) => a !== '--server');

function run(what, command, args) {
  console.log(what);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

for (const scale of withServer ? ['1', '0.05', '10'] : ['1', '0.05']) {
  const dir = `demo/data/scale-${scale}`;
  if (!isCurrentDemoData(dir)) {
    run(`Generating the demo dataset (scale ${scale}, seed 42) in ${dir} …`, 'npx', [
      'tsx',
      'generator/cli.ts',
      '--scale',
      scale,
      '--seed',
      '42',
      '--out',
      dir,
    ]);
  }
}
// The real Olist data, converted, for the demo's "Data: Olist (real)" switch: only when the shared data is there.
const shared = process.env.MARKETKIT_SHARED_DATA ?? '../shared/data';
if (!existsSync('demo/data/olist/manifest.json')) {
  if (existsSync(`${shared}/olist-2017-subset/orders.csv`)) {
    run(`Converting the real Olist data from ${shared} into demo/data/olist …`, 'npx', [
      'tsx',
      'generator/convert-olist.ts',
      '--from',
      shared,
      '--out',
      'demo/data/olist',
    ]);
  } else {
    console.log(
      `Skipping the Olist demo data: ${shared}/olist-2017-subset is absent (set MARKETKIT_SHARED_DATA to the shared data folder).`,
    );
  }
}
writeDatasetIndex();
// The plain-HTML and existing-site pages load the built bundle as a site owner would (the dev server serves
// dist/bundle as it is, and the pages' `vite-ignore` keeps Vite from transforming it): rebuild it when src/ changed.
const bundle = 'dist/bundle/marketkit.js';
const newestSource = () =>
  Math.max(
    ...readdirSync('src', { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => statSync(join(f.parentPath, f.name)).mtimeMs),
  );
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
  run('Building the drop-in bundle (the plain-HTML and existing-site pages load it) …', 'npx', [
    'vite',
    'build',
    '--mode',
    'bundle',
    '--logLevel',
    'warn',
  ]);
}
// The server page's dataset, ten times the browser demo's: prepared once, then served read-only.
let queryServer = null;
if (withServer) {
  const prepared = 'demo/data/prepared/scale-10.duckdb';
  ensurePrepared('demo/data/scale-10', prepared);
  console.log('Starting marketkit serve on the prepared scale-10 data …');
  queryServer = await startMarketkitServer(prepared, { port: Number(process.env.MARKETKIT_PORT ?? 8787), echo: true });
}
// MARKETKIT_SERVER_PORT makes vite.config.ts proxy /marketkit/ to the server (same origin: no CORS needed) and the
// demo's nav show the server page.
const env = queryServer ? { ...process.env, MARKETKIT_SERVER_PORT: String(queryServer.port) } : process.env;
const server = spawn(
  'npx',
  ['vite', '--host', '127.0.0.1', ...viteArgs, ...(withServer ? ['--open', '/server.html'] : [])],
  {
    stdio: 'inherit',
    env,
  },
);
server.on('exit', async (code) => {
  await queryServer?.stop();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, async () => {
    server.kill(signal);
    await queryServer?.stop();
    process.exit(0);
  });
