// The peer benchmark's report (issue 18): per scale, the kit against Mosaic with pre-aggregation off and on, the
// ratios the issue sets targets for, whether every view showed the same numbers, and where the kit's time goes.
import { median, summarise, verdict, verdictLine } from './report.mjs';

const VIEWS = ['trend', 'categories', 'tiers', 'kpis'];
const ms = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');
const x = (v) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const rawTotal = (step) => VIEWS.reduce((a, v) => a + step.raw[v], 0);

/** One page run's figures: cold start milestones, filter-change quantiles, and the kit-over-raw ratio. */
function perRun(m) {
  const times = m.steps.map((s) => s.ms);
  const { p50, p95, max } = summarise(times);
  const cube = summarise(m.steps.map((s) => s.cubeMs));
  return {
    ...m.cold,
    p50,
    p95,
    max,
    statements: median(m.steps.map((s) => s.statements.length)),
    raw: median(m.steps.map(rawTotal)),
    overRaw: times.reduce((a, b) => a + b, 0) / m.steps.reduce((a, s) => a + rawTotal(s), 0),
    cubeP50: cube.p50,
    cubeP95: cube.p95,
    bytes: dataFiles(m).reduce((a, f) => a + f.bytes, 0),
  };
}

/** Medians over runs of each per-run figure, per scale and variant. */
function medians(measurements) {
  const groups = new Map();
  for (const m of measurements) {
    const key = `${m.scale}|${m.variant}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(perRun(m));
  }
  const out = new Map();
  for (const [key, runs] of groups) {
    const med = {};
    for (const k of Object.keys(runs[0])) med[k] = median(runs.map((r) => r[k]));
    out.set(key, med);
  }
  return out;
}

/** A statement with its literals and spacing folded, so that one view's statements group together. */
export function statementShape(sql) {
  return sql
    .replace(/'[^']*'/g, "'?'")
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 110);
}

/** Which of the kit's four views sent a statement (src/metrics/: kpis, revenue-trend, category-performance, tier-contribution), or null. */
export function kitView(sql) {
  if (/count\(DISTINCT seller_id\)/.test(sql)) return 'kpis: orders, two periods';
  if (/sessions_prior/.test(sql)) return 'kpis: sessions (conversion), two periods';
  if (/- DATE '1970-01-01'\)::INTEGER AS day,/.test(sql)) return 'trend';
  if (/^\s*SELECT category, /.test(sql)) return 'categories';
  if (/coalesce\(tier, 'unknown'\)/.test(sql)) return 'tiers';
  return null;
}

/** What a cold-start statement of the kit does (src/data/: coerce-table, validate-schema, data-quality, derived-tables, dataset-info). */
function coldPhase(sql) {
  if (/^\s*CREATE (OR REPLACE TABLE mkt_|TYPE)/i.test(sql)) return 'derived tables and ENUM types';
  if (/mkt_raw_|^\s*(ALTER|DROP|CREATE) TABLE "|NOT IN \(/.test(sql)) return 'loading: typing and checking values';
  if (kitView(sql)) return 'the elements’ first queries';
  if (/information_schema/.test(sql)) return 'schema validation';
  if (/count\(\*\) OVER \(\)|IS NULL\) AS/.test(sql)) return 'data-quality checks';
  return 'dataset info';
}

/**
 * Statements about page events, sessions (built from them) or reviews: of the four views only the KPIs' conversion
 * rate (and the category chart's conversion measure, not shown) reads them. mkt_orders, which folds reviews in, is
 * counted with the rest.
 */
const optionalTables = (sql) =>
  !/TABLE mkt_orders/.test(sql) && /page_events|mkt_sessions|reviews|traffic_source/.test(sql);

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const dataFiles = (m) => m.files.filter((f) => f.file !== 'manifest.json');

function coldBreakdown(m) {
  const phases = new Map();
  for (const s of m.coldStatements) {
    const p = coldPhase(s.sql);
    const e = phases.get(p) ?? { n: 0, ms: 0, optional: 0 };
    e.n++;
    e.ms += s.ms;
    if (optionalTables(s.sql)) e.optional += s.ms;
    phases.set(p, e);
  }
  const slowest = [...m.coldStatements].sort((a, b) => b.ms - a.ms).slice(0, 6);
  return [
    `Kit (the run with the median cold start): ${dataFiles(m)
      .map((f) => `${f.file} ${mib(f.bytes)}`)
      .join(', ')}; downloads done at ${ms(Math.max(...m.files.map((f) => f.end)))} ms. ` +
      `DuckDB ready ${ms(m.cold.engineReady)} ms, tables loaded ${ms(m.cold.dataLoaded)} ms, data ready ${ms(m.cold.dataReady)} ms, all painted ${ms(m.cold.painted)} ms.`,
    '',
    '| kit statements before the first change | count | DuckDB time (ms) | of it on page events, sessions or reviews alone (ms) |',
    '|---|---|---|---|',
    ...[...phases].map(([p, e]) => `| ${p} | ${e.n} | ${ms(e.ms)} | ${ms(e.optional)} |`),
    '',
    'Slowest: ' + slowest.map((s) => `${ms(s.ms)} ms \`${statementShape(s.sql).slice(0, 60)}…\``).join('; ') + '.',
  ];
}

function mosaicCold(m) {
  const flat = m.coldStatements.find((s) => /CREATE TABLE orders/.test(s.sql));
  return (
    `Mosaic-off (the run with the median cold start): ${dataFiles(m).length} files, ${mib(dataFiles(m).reduce((a, f) => a + f.bytes, 0))}; ` +
    `DuckDB ready ${ms(m.cold.engineReady)} ms, tables loaded ${ms(m.cold.dataLoaded)} ms, flat table built ${ms(m.cold.dataReady)} ms ` +
    `(${ms(flat?.ms)} ms of DuckDB time), all painted ${ms(m.cold.painted)} ms (${m.coldStatements.length - 2} statements for the views’ first paint, ` +
    `${ms(m.coldStatements.slice(2).reduce((a, s) => a + s.ms, 0))} ms).`
  );
}

/** Per view: the kit's statements of a change (count, time while the page waited, raw) against that view's minimal SQL. */
function changeBreakdown(kitRuns) {
  const byView = new Map();
  let steps = 0;
  for (const m of kitRuns)
    for (const s of m.steps) {
      steps++;
      for (const st of s.statements) {
        const v = kitView(st.sql) ?? statementShape(st.sql);
        const e = byView.get(v) ?? { n: 0, ms: 0, raw: 0 };
        e.n++;
        e.ms += st.ms;
        e.raw += st.rawMs;
        byView.set(v, e);
      }
    }
  const all = kitRuns.flatMap((m) => m.steps);
  const mean = (f) => all.reduce((a, s) => a + f(s), 0) / all.length;
  const minimal = Object.fromEntries(VIEWS.map((v) => [v, mean((s) => s.raw[v])]));
  const sent = (s, key) => s.statements.reduce((a, t) => a + t[key], 0);
  return [
    `Kit, per filter change (means over ${steps} changes): ${x(mean((s) => s.statements.length))} statements, sent one after another; ` +
      `${ms(mean((s) => sent(s, 'ms')))} ms of DuckDB time while the page waited, ${ms(mean((s) => sent(s, 'rawMs')))} ms when run again raw, ` +
      `against ${ms(mean(rawTotal))} ms for the four minimal statements; the change took ${ms(mean((s) => s.ms))} ms until all four views had repainted.`,
    '',
    '| kit statement (view) | sent per change | time while the page waited (ms) | raw (ms) | minimal SQL of the view, raw (ms) |',
    '|---|---|---|---|---|',
    ...[...byView].map(([v, e]) => {
      const view = VIEWS.find((w) => v.startsWith(w));
      return `| ${v} | ${x(e.n / steps)} | ${x(e.ms / e.n)} | ${x(e.raw / e.n)} | ${view ? x(minimal[view]) : '—'} |`;
    }),
    '',
    'A statement is not sent when its SQL is in the cache (a filter state seen before), hence fewer than one per view per change. ' +
      'The minimal SQL of the KPIs is one statement; the kit sends two (orders, and sessions for the conversion rate).',
  ];
}

export function peerReport({ machine, runs, measurements, mismatches, load }) {
  const med = medians(measurements);
  const scales = [...new Set(measurements.map((m) => m.scale))];
  const rows = [];
  const ratios = [];
  const verdicts = [];
  for (const scale of scales) {
    const get = (variant) => med.get(`${scale}|${variant}`);
    const [kit, off, on] = [get('kit'), get('Mosaic-off'), get('Mosaic-on')];
    for (const [name, r] of [
      ['kit', kit],
      ['Mosaic-off', off],
      ['Mosaic-on', on],
    ])
      rows.push(
        `| ${scale} | ${name} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${ms(r.engineReady)} | ${ms(r.dataLoaded)} | ${ms(r.dataReady)} | ${ms(r.painted)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.statements} | ${x(r.raw)} | ${x(r.overRaw)} | ${name === 'Mosaic-on' ? `${ms(r.cubeP50)} / ${ms(r.cubeP95)}` : '—'} |`,
      );
    ratios.push(
      `| ${scale} | ${x(kit.p50 / off.p50)} | ${x(kit.p95 / off.p95)} | ${x(kit.p50 / on.p50)} | ${x(kit.p95 / on.p95)} | ${x(kit.painted / off.painted)} | ${x(kit.painted / on.painted)} | ${x(kit.overRaw)} |`,
    );
    verdicts.push(
      verdict(`scale ${scale}: filter p95 kit / Mosaic-off ${x(kit.p95 / off.p95)}`, kit.p95 / off.p95 <= 1, '≤ 1.0'),
      verdict(`scale ${scale}: kit / raw minimal SQL ${x(kit.overRaw)}`, kit.overRaw <= 1.5, '≤ 1.5'),
      verdict(
        `scale ${scale}: cold start to all painted, kit / Mosaic ${x(kit.painted / off.painted)} (${ms(kit.painted)} ms vs ${ms(off.painted)} ms)`,
        kit.painted / off.painted <= 1.2,
        '≤ 1.2',
      ),
    );
  }
  const steps = measurements.filter((m) => m.variant !== 'kit').reduce((a, m) => a + m.steps.length, 0);
  verdicts.push(
    verdict(
      mismatches.length === 0
        ? `the Mosaic pages showed the kit's numbers (KPIs, and the sums of the line and both bar charts) after every one of ${steps} changes`
        : `the Mosaic pages showed other numbers than the kit at ${mismatches.length} of ${steps} changes`,
      mismatches.length === 0,
      'all the same',
    ),
  );
  const atMedian = (variant, scale) => {
    const list = measurements.filter((m) => m.variant === variant && m.scale === scale);
    const sorted = [...list].sort((a, b) => a.cold.painted - b.cold.painted);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  };
  return [
    `Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, headless Chromium; ${machine.date.slice(0, 10)}. ` +
      `Load average (1, 5, 15 min) ${load.map((l) => `at scale ${l.scale}: ${l.before.map((v) => v.toFixed(1)).join(', ')} before, ${l.after?.map((v) => v.toFixed(1)).join(', ')} after`).join('; ')}.`,
    `Medians of ${runs} run(s) per page, interleaved in one browser (each run rotates which page goes first); each run is a fresh page and 50 filter changes (test/bench/interactions.mjs, peerInteractions). ` +
      'Both pages run DuckDB-WASM 1.32.0 (the kit’s build). Mosaic is vgplot 0.32.0; "Mosaic-on" builds its data-cube tables when a filter is activated (a hover) before the change is timed: "cubes" is that time per change, p50 / p95.',
    '',
    '| scale | page | data (MiB) | DuckDB ready (ms) | tables loaded (ms) | data ready (ms) | all painted (ms) | filter p50 (ms) | filter p95 (ms) | filter max (ms) | statements per change | minimal SQL raw per change (ms) | page / raw minimal SQL | cubes p50 / p95 (ms) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '| scale | filter p50 kit / Mosaic-off | filter p95 kit / Mosaic-off | filter p50 kit / Mosaic-on | filter p95 kit / Mosaic-on | cold start kit / Mosaic-off | cold start kit / Mosaic-on | kit / raw minimal SQL |',
    '|---|---|---|---|---|---|---|---|',
    ...ratios,
    '',
    `Targets of issue 18: ${verdicts.filter((v) => v.met).length} of ${verdicts.length} met.`,
    '',
    ...verdicts.map(verdictLine),
    ...(mismatches.length ? ['', 'Differences:', ...mismatches.slice(0, 10).map((d) => `- ${JSON.stringify(d)}`)] : []),
    '',
    '### Where the kit’s time goes',
    ...scales.flatMap((scale) => [
      '',
      `#### Scale ${scale}`,
      '',
      ...coldBreakdown(atMedian('kit', scale)),
      '',
      mosaicCold(atMedian('Mosaic-off', scale)),
      '',
      ...changeBreakdown(measurements.filter((m) => m.variant === 'kit' && m.scale === scale)),
    ]),
  ].join('\n');
}
