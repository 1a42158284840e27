import { spawnSync } from 'node:child_process';

export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall time and peak RSS of one generator run, measured by /usr/bin/time. */
export function generatorCost(scale, out) {
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', 'npx', 'tsx', 'generator/cli.ts', '--scale', scale, '--seed', '42', '--out', out],
    { encoding: 'utf8' },
  );
  const line = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kib] = line.split(' ').map(Number);
  return { scale, seconds, peakMiB: Math.round(kib / 1024) };
}

/**
 * Medians over runs, as a Markdown table: per page, the time from a filter change until its aggregate elements
 * have repainted (p50 / p95 / max) and until its model elements have (p95), and the kit's time over the raw DuckDB
 * time of the same SQL (pages without model elements only).
 */
export function markdownReport({ machine, runs, measurements, generator }) {
  const groups = new Map();
  for (const m of measurements) {
    const key = `${m.scale}|${m.page}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const rows = [];
  const verdicts = [];
  for (const [key, list] of groups) {
    const [scale, page] = key.split('|');
    const per = list.map((m) => {
      const s = summarise(m.steps.map((x) => x.aggregateMs));
      const models = summarise(m.steps.map((x) => x.modelMs));
      const hasModels = m.steps.some((x) => x.modelMs > 0);
      // The raw SQL of a page with model elements includes the models' queries; its ratio would flatter the kit.
      const kit = m.steps.reduce((a, x) => a + x.ms, 0);
      const raw = m.steps.reduce((a, x) => a + x.rawMs, 0);
      const dataReady = m.cold.dataReady ?? NaN;
      return {
        ...s,
        modelP95: hasModels ? models.p95 : NaN,
        ratio: hasModels ? NaN : kit / Math.max(raw, 1e-9),
        longest: Math.max(...m.steps.map((x) => x.longestTask)),
        engine: m.cold.engineReady,
        loaded: m.cold.dataLoaded,
        ready: dataReady,
        painted: m.cold.painted,
        allLoaded: m.cold.allLoaded ?? dataReady,
        // Issue 7: what the elements add to instantiating DuckDB and loading the data, the tables loaded after the
        // data was ready for the views that read them included. Before 2026-12-07 this was measured from data ready.
        overhead: (m.cold.painted - (m.cold.allLoaded ?? dataReady)) / (m.cold.allLoaded ?? dataReady),
        afterReady: (m.cold.painted - dataReady) / dataReady,
      };
    });
    const med = (k) => median(per.map((p) => p[k]));
    const fixed = (k, digits = 0) => (Number.isNaN(med(k)) ? '—' : med(k).toFixed(digits));
    verdicts.push(...pageVerdicts(scale, page, med));
    rows.push(
      `| ${scale} | ${page} | ${fixed('engine')} | ${fixed('ready')} | ${fixed('allLoaded')} | ${fixed('painted')} | ${(100 * med('overhead')).toFixed(0)}% | ${(100 * med('afterReady')).toFixed(0)}% | ${fixed('p50')} | ${fixed('p95')} | ${fixed('max')} | ${fixed('ratio', 2)} | ${fixed('modelP95')} | ${fixed('longest')} |`,
    );
  }
  const gen = generator.map((g) => `| ${g.scale} | ${g.seconds.toFixed(1)} s | ${g.peakMiB} MiB |`).join('\n');
  const scale1 = generator.find((g) => g.scale === '1');
  for (const g of generator) {
    const limit = g.scale === '1' ? 20 : 10 * (scale1?.seconds ?? 20);
    verdicts.push(
      verdict(
        `generator, scale ${g.scale}: ${g.seconds.toFixed(1)} s`,
        g.seconds <= limit,
        g.scale === '1' ? '≤ 20 s' : `≤ 10 × scale 1, ${limit.toFixed(0)} s`,
      ),
    );
  }
  return [
    `Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, headless Chromium; ${machine.date.slice(0, 10)}. Medians of ${runs} run(s).`,
    '',
    '| scale | page | DuckDB ready (ms) | data ready (ms) | all loaded (ms) | all painted (ms) | elements add | painted after data ready | aggregates p50 (ms) | aggregates p95 (ms) | aggregates max (ms) | kit / raw SQL | models p95 (ms) | longest task (ms) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    generator.length ? '| generator scale | time | peak memory |\n|---|---|---|\n' + gen : '',
    '',
    `Targets of issue 7: ${verdicts.filter((v) => v.met).length} of ${verdicts.length} met.`,
    '',
    ...verdicts.map(verdictLine),
  ].join('\n');
}

export function verdict(what, met, target) {
  return { what, met, target };
}

export const verdictLine = (v) => `- ${v.met ? 'met' : '**not met**'}: ${v.what} (target ${v.target})`;

/** The targets for one page at one scale, from the medians over runs. */
function pageVerdicts(scale, page, med) {
  const out = [];
  const at = `scale ${scale}, ${page}`;
  const ms = (v) => `${v.toFixed(0)} ms`;
  const aggregateLimit = scale === '1' ? 100 : 300;
  out.push(verdict(`${at}: aggregates p95 ${ms(med('p95'))}`, med('p95') <= aggregateLimit, `≤ ${aggregateLimit} ms`));
  if (!Number.isNaN(med('ratio')))
    out.push(verdict(`${at}: kit / raw SQL ${med('ratio').toFixed(2)}`, med('ratio') <= 1.5, '≤ 1.5'));
  if (scale === '1' && !Number.isNaN(med('modelP95'))) {
    out.push(verdict(`${at}: models p95 ${ms(med('modelP95'))}`, med('modelP95') <= 500, '≤ 500 ms'));
    out.push(verdict(`${at}: longest task ${ms(med('longest'))}`, med('longest') <= 50, '≤ 50 ms'));
  }
  const add = 100 * med('overhead');
  const afterReady = (100 * med('afterReady')).toFixed(0);
  out.push(
    verdict(
      `${at}: elements add ${add.toFixed(0)}% to loading the data (painted ${afterReady}% after data ready)`,
      add <= 30,
      '≤ 30%',
    ),
  );
  return out;
}
