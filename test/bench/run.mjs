// `npm run bench`: cold start, filter-change latency (p50/p95/max) against the raw DuckDB time of the same SQL,
// long tasks, at scale 1 and 10, and the generator's time and peak memory; then the peer benchmark of issue 18
// (the kit against Mosaic on the same four views, at scale 1 and 5: test/bench/peer.mjs).
// Options: --quick (scale 1 only, 1 run, no generator timing), --runs N, --pages a,b, --scales 1,10 (both parts),
// --no-generator, --no-build, --peer (the peer benchmark only), --no-peer, --server (only server mode: the home page
// through `marketkit serve` at scale 10 and 50, test/bench/server.mjs). MKT_DEMO_DIST builds and serves the demo
// from another folder (two benchmarks at once). Writes test/bench/results/latest-scale-<scales>.{json,md} and
// peer-scale-<scales>.{json,md}.
import { launchChromium } from '../support/chromium.mjs';
import { ensureDemoData } from '../support/demo-data.mjs';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { serveDemo } from '../e2e/static-server.mjs';
import { interactions } from './interactions.mjs';
import { installBenchHelpers } from './in-page.mjs';
import { generatorCost, markdownReport, summarise } from './report.mjs';
import { buildPeerPages, runPeer } from './peer.mjs';
import { peerReport } from './peer-report.mjs';
import { serverBenchmark } from './server.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 1 : 3);
const pages = args.includes('--pages')
  ? args[args.indexOf('--pages') + 1].split(',')
  : ['index', 'sellers', 'customers', 'cohorts', 'funnel', 'insights'];
const givenScales = args.includes('--scales') ? args[args.indexOf('--scales') + 1].split(',') : null;
const scales = givenScales ?? (quick ? ['1'] : ['1', '10']);
const peerOnly = args.includes('--peer');
const peerScales = givenScales ?? (quick ? ['1'] : ['1', '5']);
const build = !args.includes('--no-build');

function sh(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

const machine = () => ({
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
});
mkdirSync('test/bench/results', { recursive: true });
const browser = await launchChromium();
if (args.includes('--server')) {
  ensureDemoData(['10']);
  const demoDist = path.resolve(process.env.MKT_DEMO_DIST ?? 'dist/demo');
  if (build) sh('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', demoDist]);
  await serverBenchmark({ browser, args, demoDist, machine });
} else {
  if (!peerOnly) await pagesBenchmark();
  if (!args.includes('--no-peer')) await peerBenchmark();
}
await browser.close();

/** The kit against Mosaic (issue 18); exits non-zero when a Mosaic page showed other numbers than the kit. */
async function peerBenchmark() {
  ensureDemoData(peerScales);
  if (build) buildPeerPages();
  const result = await runPeer({ browser, scales: peerScales, runs });
  const report = { machine: machine(), runs, ...result };
  const name = `peer-scale-${peerScales.join('-')}`;
  writeFileSync(`test/bench/results/${name}.json`, JSON.stringify(report));
  const md = peerReport(report);
  writeFileSync(`test/bench/results/${name}.md`, md);
  console.log(`\n${md}`);
  if (result.mismatches.length) process.exitCode = 1;
}

async function pagesBenchmark() {
  ensureDemoData(scales);
  // Absolute: vite resolves a relative --outDir against the demo's root folder, not this one.
  const demoDist = path.resolve(process.env.MKT_DEMO_DIST ?? 'dist/demo');
  if (build) sh('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', demoDist]);

  const server = await serveDemo(0);
  const base = `http://127.0.0.1:${server.address().port}`;

  const measurements = [];
  for (const scale of scales) {
    for (const name of pages) {
      if (!existsSync(`${demoDist}/${name}.html`)) continue;
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(installBenchHelpers);
        await page.goto(`${base}/${name}.html?data=scale-${scale}`);
        const cold = await page.evaluate(() => window.__mktBench.coldStart());
        const steps = [];
        for (const patch of interactions(50))
          steps.push(await page.evaluate((p) => window.__mktBench.timeInteraction(p), patch));
        measurements.push({ scale, page: name, run, cold, steps });
        console.log(
          `scale ${scale} ${name} run ${run + 1}: painted at ${cold.painted.toFixed(0)} ms, p95 ${summarise(steps.map((s) => s.ms)).p95.toFixed(0)} ms`,
        );
        await context.close();
      }
    }
  }
  server.close();

  const generator =
    quick || args.includes('--no-generator')
      ? []
      : ['1', '10'].map((scale) => {
          const out = mkdtempSync(path.join(os.tmpdir(), 'mk-gen-'));
          const cost = generatorCost(scale, out);
          rmSync(out, { recursive: true, force: true });
          return cost;
        });

  const report = { machine: machine(), runs, measurements, generator };
  const name = `latest-scale-${scales.join('-')}`;
  writeFileSync(`test/bench/results/${name}.json`, JSON.stringify(report, null, 2));
  const md = markdownReport(report);
  writeFileSync(`test/bench/results/${name}.md`, md);
  console.log(`\n${md}`);
}
