// The peer benchmark of issue 18: the kit's four views (kit.html) against the same views in Mosaic vgplot 0.32
// (mosaic.html), with pre-aggregation off and on, in one browser session, interleaved run by run, on the same data
// and the same filter changes. Run by `npm run bench` (and alone with `npm run bench -- --peer`).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { serveDemo } from '../e2e/static-server.mjs';
import { installBenchHelpers } from './in-page.mjs';
import { peerInteractions } from './interactions.mjs';
import { summarise } from './report.mjs';

export const VARIANTS = [
  { name: 'kit', page: 'kit.html' },
  { name: 'Mosaic-off', page: 'mosaic.html' },
  { name: 'Mosaic-on', page: 'mosaic.html', query: '&preagg=1' },
];

const PEER_DIST = path.resolve('dist/bench-peer');

/** Builds the two pages into dist/bench-peer (never into the demo). */
export function buildPeerPages() {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'test/bench/peer/vite.config.ts'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the peer benchmark pages failed');
}

/** Relative difference beyond which two pages' figures disagree (sums of the same doubles in another order). */
const TOLERANCE = 1e-6;

/** Figures of two pages that differ: `[{ key, a, b }]`. */
export function differingFigures(a, b) {
  const out = [];
  for (const key of Object.keys(a)) {
    const [x, y] = [a[key], b[key]];
    const same = x === y || (x !== null && y !== null && Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.abs(x)));
    if (!same) out.push({ key, a: x, b: y });
  }
  return out;
}

/**
 * Runs every variant `runs` times per scale, rotating which goes first, in one Chromium. Returns the measurements
 * and every step at which a Mosaic page showed other numbers than the kit.
 */
export async function runPeer({ browser, scales, runs, changes = 50 }) {
  const server = await serveDemo(0, { root: PEER_DIST });
  const base = `http://127.0.0.1:${server.address().port}`;
  const patches = peerInteractions(changes);
  const measurements = [];
  const mismatches = [];
  const load = [];
  try {
    for (const scale of scales) {
      load.push({ scale, before: os.loadavg() });
      for (let run = 0; run < runs; run++) {
        const order = VARIANTS.map((_, i) => VARIANTS[(i + run) % VARIANTS.length]);
        const figuresByVariant = new Map();
        for (const variant of order) {
          const m = await measurePage(browser, `${base}/${variant.page}?data=scale-${scale}${variant.query ?? ''}`, {
            kit: variant.name === 'kit',
            patches,
          });
          measurements.push({ scale, variant: variant.name, run, ...m });
          const filter = summarise(m.steps.map((s) => s.ms));
          figuresByVariant.set(
            variant.name,
            m.steps.map((s) => s.figures),
          );
          console.log(
            `peer scale ${scale} ${variant.name} run ${run + 1}: painted at ${m.cold.painted.toFixed(0)} ms, filter p50 ${filter.p50.toFixed(0)} / p95 ${filter.p95.toFixed(0)} ms`,
          );
        }
        const kit = figuresByVariant.get('kit');
        for (const [name, list] of figuresByVariant) {
          if (name === 'kit') continue;
          list.forEach((figures, step) => {
            const diff = differingFigures(kit[step], figures);
            if (diff.length) mismatches.push({ scale, run, variant: name, step, patch: patches[step], diff });
          });
        }
      }
      load.at(-1).after = os.loadavg();
    }
  } finally {
    server.close();
  }
  return { measurements, mismatches, load, patches };
}

async function measurePage(browser, url, { kit, patches }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (kit) await page.addInitScript(installBenchHelpers);
    await page.goto(url);
    await page
      .waitForFunction(() => window.__peer, null, { timeout: 300_000, polling: 50 })
      .catch((e) => {
        throw new Error(`${url} never became ready: ${errors.join('; ') || e.message}`);
      });
    const cold = await page.evaluate(() => window.__peer.coldStart());
    const coldStatements = await page.evaluate(() => window.__peer.coldStatements());
    const files = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/data/'))
        .map((e) => ({
          file: new URL(e.name).pathname.split('/').pop(),
          bytes: e.encodedBodySize,
          start: e.startTime,
          end: e.responseEnd,
        })),
    );
    const steps = [];
    for (const patch of patches) {
      const step = await page.evaluate((p) => window.__peer.change(p), patch);
      const raw = await page.evaluate(() => window.__peer.rawMinimal());
      const figures = await page.evaluate(() => window.__peer.figures());
      steps.push({ ...step, raw, figures });
    }
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return { cold, coldStatements, files, steps };
  } finally {
    await context.close();
  }
}
