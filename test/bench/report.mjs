import { spawnSync } from 'node:child_process';

export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

const median = (values) => {
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

/** Medians over runs of each page's p50 / p95 / max and ratios, as a Markdown table. */
export function markdownReport({ machine, runs, measurements, generator }) {
  const groups = new Map();
  for (const m of measurements) {
    const key = `${m.scale}|${m.page}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const rows = [];
  for (const [key, list] of groups) {
    const [scale, page] = key.split('|');
    const per = list.map((m) => {
      const s = summarise(m.steps.map((x) => x.ms));
      const kit = m.steps.reduce((a, x) => a + x.ms, 0);
      const raw = m.steps.reduce((a, x) => a + x.rawMs, 0);
      const dataReady = m.cold.dataReady ?? NaN;
      return {
        ...s,
        ratio: kit / Math.max(raw, 1e-9),
        longest: Math.max(...m.steps.map((x) => x.longestTask)),
        engine: m.cold.engineReady,
        loaded: m.cold.dataLoaded,
        ready: dataReady,
        painted: m.cold.painted,
        overhead: (m.cold.painted - dataReady) / dataReady,
      };
    });
    const med = (k) => median(per.map((p) => p[k]));
    rows.push(
      `| ${scale} | ${page} | ${med('engine').toFixed(0)} | ${med('ready').toFixed(0)} | ${med('painted').toFixed(0)} | ${(100 * med('overhead')).toFixed(0)}% | ${med('p50').toFixed(0)} | ${med('p95').toFixed(0)} | ${med('max').toFixed(0)} | ${med('ratio').toFixed(2)} | ${med('longest').toFixed(0)} |`,
    );
  }
  const gen = generator.map((g) => `| ${g.scale} | ${g.seconds.toFixed(1)} s | ${g.peakMiB} MiB |`).join('\n');
  return [
    `Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, headless Chromium; ${machine.date.slice(0, 10)}. Medians of ${runs} run(s).`,
    '',
    '| scale | page | DuckDB ready (ms) | data ready (ms) | all painted (ms) | elements add | filter p50 (ms) | filter p95 (ms) | filter max (ms) | kit / raw SQL | longest task (ms) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    generator.length ? '| generator scale | time | peak memory |\n|---|---|---|\n' + gen : '',
  ].join('\n');
}
