// `npm run bench`: cold start, filter-change latency (p50/p95/max) against the raw DuckDB time of the same SQL,
// long tasks, at scale 1 and 10, and the generator's time and peak memory.
// Options: --quick (scale 1 only, 1 run, no generator timing), --runs N, --pages a,b, --scales 1,10, --no-generator,
// --no-build. MKT_DEMO_DIST builds and serves the demo from another folder (two benchmarks at once). Writes test/bench/results/latest-scale-<scales>.{json,md}.
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

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 1 : 3);
const pages = args.includes('--pages')
  ? args[args.indexOf('--pages') + 1].split(',')
  : ['index', 'sellers', 'customers', 'cohorts', 'funnel', 'insights'];
const scales = args.includes('--scales') ? args[args.indexOf('--scales') + 1].split(',') : quick ? ['1'] : ['1', '10'];

function sh(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

ensureDemoData(scales);
// Absolute: vite resolves a relative --outDir against the demo's root folder, not this one.
const demoDist = path.resolve(process.env.MKT_DEMO_DIST ?? 'dist/demo');
if (!args.includes('--no-build')) sh('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', demoDist]);

const server = await serveDemo(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

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
await browser.close();
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

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
mkdirSync('test/bench/results', { recursive: true });
const report = { machine, runs, measurements, generator };
const name = `latest-scale-${scales.join('-')}`;
writeFileSync(`test/bench/results/${name}.json`, JSON.stringify(report, null, 2));
const md = markdownReport(report);
writeFileSync(`test/bench/results/${name}.md`, md);
console.log(`\n${md}`);
