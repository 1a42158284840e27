// `npm run bench -- --server`: the home page in server mode (issue 21). Per scale (10 and 50): `marketkit prepare`
// time (when it had to run), server start time to "ready", the server process's memory, cold start to all painted,
// filter-change latency over the same 50 seeded changes as the browser benchmark, and the kit's time over the
// server's raw DuckDB time of the same named queries (POST bench-time: no HTTP, no Arrow; `--bench-routes` only).
// Options: --scales 10,50, --runs N, --scale50-dir <folder> (default /work/data-large/scale-50 or
// $MKT_SCALE50_DIR), --no-build. Writes test/bench/results/server-scale-<scales>.{json,md}.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDemo } from '../e2e/static-server.mjs';
import { ensurePrepared, startMarketkitServer } from '../support/marketkit-server.mjs';
import { interactions } from './interactions.mjs';
import { installBenchHelpers } from './in-page.mjs';
import { median, summarise } from './report.mjs';

const TARGETS = { coldMs: { 10: 2000 }, p95Ms: { 10: 300, 50: 1000 } };

/** The dataset folder of a scale: demo/data for the demo's, elsewhere for scale 50 (10M order lines). */
function datasetFolder(scale, args) {
  if (scale !== '50') return `demo/data/scale-${scale}`;
  const given = args.includes('--scale50-dir') ? args[args.indexOf('--scale50-dir') + 1] : null;
  return given ?? process.env.MKT_SCALE50_DIR ?? '/work/data-large/scale-50';
}

/** Peak and current resident memory of a process, in MiB (Linux /proc). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: Math.round(kib('VmHWM') / 1024), rssMiB: Math.round(kib('VmRSS') / 1024) };
}

/** DuckDB's own time of each named query, in ms, on the server (bench-time). */
async function rawTimes(serverUrl, named) {
  const times = [];
  for (const query of named) {
    const response = await fetch(`${serverUrl}bench-time`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(query),
    });
    if (!response.ok) throw new Error(`bench-time ${query.name}: ${response.status} ${await response.text()}`);
    times.push((await response.json()).ms);
  }
  return times;
}

export async function serverBenchmark({ browser, args, demoDist, machine }) {
  const scales = args.includes('--scales') ? args[args.indexOf('--scales') + 1].split(',') : ['10', '50'];
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const site = await serveDemo(0, { root: demoDist });
  const base = `http://127.0.0.1:${site.address().port}`;
  const results = [];
  for (const scale of scales) {
    const folder = datasetFolder(scale, args);
    if (!existsSync(path.join(folder, 'manifest.json'))) {
      console.log(`scale ${scale}: no dataset in ${folder}; skipped`);
      continue;
    }
    const prepared = path.join(path.dirname(folder), 'prepared', `${path.basename(folder)}.duckdb`);
    const prepareSeconds = ensurePrepared(folder, prepared);
    const started = Date.now();
    const server = await startMarketkitServer(prepared, { flags: ['--origin', base, '--bench-routes'] });
    const startSeconds = (Date.now() - started) / 1000;
    const serverUrl = `http://127.0.0.1:${server.port}/`;
    const measurements = [];
    let memory;
    try {
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(installBenchHelpers);
        await page.goto(`${base}/server.html?${new URLSearchParams({ server: serverUrl })}`);
        const cold = await page.evaluate(() => window.__mktBench.coldStart());
        const steps = [];
        for (const patch of interactions(50)) {
          const step = await page.evaluate((p) => window.__mktBench.timeInteraction(p, { server: true }), patch);
          step.rawEach = await rawTimes(serverUrl, step.named);
          step.rawMs = step.rawEach.reduce((a, b) => a + b, 0);
          delete step.named;
          steps.push(step);
        }
        const { p95 } = summarise(steps.map((s) => s.ms));
        console.log(
          `server scale ${scale} run ${run + 1}: painted at ${cold.painted.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
        );
        measurements.push({ run, cold, steps });
        await context.close();
      }
    } finally {
      memory = memoryOf(server.pid);
      await server.stop();
    }
    results.push({ scale, folder, prepareSeconds, startSeconds, memory, measurements });
  }
  site.close();
  const report = { machine: { ...machine(), loadAverage: os.loadavg() }, runs, results };
  const name = `server-scale-${scales.join('-')}`;
  writeFileSync(`test/bench/results/${name}.json`, JSON.stringify(report, null, 2));
  const md = serverReport(report);
  writeFileSync(`test/bench/results/${name}.md`, md);
  console.log(`\n${md}`);
}

const fmt = (ms) => `${Math.round(ms)} ms`;
const verdict = (value, target) => (target === undefined ? '' : value <= target ? ' (target met)' : ' (target missed)');

/** Medians over runs, per scale, with each target met or missed. */
export function serverReport({ machine, runs, results }) {
  const lines = [
    `Server mode, home page (server.html), ${runs} run(s) per scale; ${machine.cpus} × ${machine.cpu}, load average ` +
      `${machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')}, ${machine.date}`,
    '',
    '| scale | prepare | server start | server memory (peak / now) | cold start to all painted | filter change p50 / p95 / max | kit ÷ raw DuckDB (median per change; total) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const cold = median(r.measurements.map((m) => m.cold.painted));
    const p = (q) => median(r.measurements.map((m) => summarise(m.steps.map((s) => s.ms))[q]));
    const steps = r.measurements.flatMap((m) => m.steps).filter((s) => s.rawMs > 0);
    const ratio = median(steps.map((s) => s.ms / s.rawMs));
    const total = steps.reduce((a, s) => a + s.ms, 0) / steps.reduce((a, s) => a + s.rawMs, 0);
    lines.push(
      `| ${r.scale} | ${r.prepareSeconds === null ? 'reused' : `${r.prepareSeconds.toFixed(0)} s`} | ${r.startSeconds.toFixed(1)} s | ` +
        `${r.memory.peakMiB} / ${r.memory.rssMiB} MiB | ${fmt(cold)}${verdict(cold, TARGETS.coldMs[r.scale])} | ` +
        `${fmt(p('p50'))} / ${fmt(p('p95'))}${verdict(p('p95'), TARGETS.p95Ms[r.scale])} / ${fmt(p('max'))} | ` +
        `${ratio.toFixed(1)}×; ${total.toFixed(1)}× |`,
    );
  }
  return lines.join('\n') + '\n';
}
