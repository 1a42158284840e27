/**
 * Anomaly detection over the kit's daily series: GMV, orders and late-shipment rate from the orders, conversion
 * from the sessions, weekly seller churn, for the whole selection, per category and per seller tier. Each series
 * is scored with `scoreSeries()` (./anomaly.ts) when it has enough volume, and runs of flagged points become one
 * anomaly each, largest |score| first. Pure: rows in, scored series and anomalies out.
 */
import { addDays } from '../metrics/filter-sql.js';
import { enoughEvents, episodes, median, scoreSeries, type AnomalyOptions } from './anomaly.js';
import { runToEnd, type Steps } from './in-slices.js';

export type AnomalyMetric = 'gmv' | 'orders' | 'conversion' | 'late_rate' | 'churn';
export type AnomalyDim = 'all' | 'category' | 'tier';

/** One scored series: daily, or weekly for churn. */
export interface AnomalySeries {
  readonly metric: AnomalyMetric;
  readonly unit: 'day' | 'week';
  /** `YYYY-MM-DD` of each point (the Monday for weeks). */
  readonly days: readonly string[];
  readonly dim: AnomalyDim;
  readonly slice: string;
  readonly observed: number[];
  readonly expected: number[];
  readonly scores: number[];
  readonly flagged: boolean[];
}

/** One unusual movement: a run of flagged days of one series, reported at its most extreme day. */
export interface Anomaly {
  readonly series: number;
  readonly metric: AnomalyMetric;
  readonly dim: AnomalyDim;
  readonly slice: string;
  readonly from: string;
  readonly to: string;
  /** The most extreme day. */
  readonly day: string;
  readonly observed: number;
  readonly expected: number;
  readonly score: number;
}

export type OrderSeriesRow = {
  dim: AnomalyDim;
  slice: string;
  day: string;
  gmv: number;
  orders: number;
  shipped: number;
  late: number;
};
export type SessionSeriesRow = { dim: AnomalyDim; slice: string; day: string; sessions: number; purchases: number };
export type ChurnSeriesRow = { dim: AnomalyDim; slice: string; day: string; active: number; churned: number };

/** Shortest window worth decomposing: four weeks. */
export const MIN_DAYS = 28;
/** Smallest typical daily volume (median over days) for a series to be scored; below it, noise dominates. */
const MIN_ORDERS = 5;
/** Least expected events (and non-events) per point for a rate series (n·p). */
const MIN_EVENTS = 2;
/** Fewest weeks a churn series needs. */
const MIN_WEEKS = 8;

export interface DetectionInput {
  /** Every day of the window, `YYYY-MM-DD`. */
  readonly days: readonly string[];
  readonly orders: readonly OrderSeriesRow[];
  readonly sessions: readonly SessionSeriesRow[];
  readonly churn: readonly ChurnSeriesRow[];
  readonly threshold: number;
}

export interface Detection {
  readonly series: AnomalySeries[];
  readonly anomalies: Anomaly[];
  /** Series left out for too little volume. */
  readonly skipped: number;
}

interface Group {
  readonly dim: AnomalyDim;
  readonly slice: string;
  readonly days: readonly string[];
}

/**
 * Scores every series the rows hold. GMV and orders are scored on a square-root scale when the median day has 5
 * completed orders; rates are weighted by their daily volume and scored when n·p ≥ 2 (events and non-events);
 * seller churn per week, rises only.
 */
export function detectAnomalies(input: DetectionInput): Detection {
  return runToEnd(detectionSteps(input));
}

/** `detectAnomalies` one group of series at a time (see ./in-slices.ts). */
export function* detectionSteps({ days, orders, sessions, churn, threshold }: DetectionInput): Steps<Detection> {
  const out: AnomalySeries[] = [];
  let skipped = 0;
  const add = (
    metric: AnomalyMetric,
    group: Group,
    values: number[],
    options: AnomalyOptions,
    enough: boolean,
    unit: 'day' | 'week' = 'day',
  ) => {
    if (!enough || values.filter(Number.isFinite).length < (unit === 'day' ? MIN_DAYS : MIN_WEEKS)) {
      skipped++;
      return;
    }
    const scored = scoreSeries(
      values,
      unit === 'day' ? { period: 7, threshold, ...options } : { period: 1, window: 9, threshold, ...options },
    );
    out.push({
      metric,
      unit,
      dim: group.dim,
      slice: group.slice,
      days: unit === 'day' ? days : group.days,
      observed: values,
      expected: scored.map((p) => p.expected),
      scores: scored.map((p) => p.score),
      flagged: scored.map((p) => p.flagged),
    });
  };
  const rate = (events: number[], trials: number[]) =>
    events.map((x, i) => (trials[i] > 0 ? x / trials[i] : Number.NaN));
  for (const group of groupBy(orders, days)) {
    const col = (k: keyof OrderSeriesRow) => group.rows.map((r) => (r ? (r[k] as number) : 0));
    const [gmv, count, shipped, late] = [col('gmv'), col('orders'), col('shipped'), col('late')];
    const busy = median(count) >= MIN_ORDERS;
    add('gmv', group, gmv, { transform: 'sqrt' }, busy);
    add('orders', group, count, { transform: 'sqrt' }, busy);
    const lateRate = rate(late, shipped);
    add('late_rate', group, lateRate, { weights: shipped }, enoughEvents(lateRate, shipped, MIN_EVENTS));
    yield;
  }
  for (const group of groupBy(sessions, days)) {
    const s = group.rows.map((r) => r?.sessions ?? 0);
    const conversion = rate(
      group.rows.map((r) => r?.purchases ?? 0),
      s,
    );
    add('conversion', group, conversion, { weights: s }, enoughEvents(conversion, s, MIN_EVENTS));
    yield;
  }
  const weeks = [...new Set(churn.map((r) => r.day))].sort();
  for (const group of groupBy(churn, weeks)) {
    const a = group.rows.map((r) => r?.active ?? 0);
    const churnRate = rate(
      group.rows.map((r) => r?.churned ?? 0),
      a,
    );
    add('churn', group, churnRate, { weights: a, direction: 'up' }, enoughEvents(churnRate, a, MIN_EVENTS), 'week');
    yield;
  }
  return { series: out, anomalies: anomaliesOf(out), skipped };
}

/** The flagged runs of every series as anomalies, largest |score| first (then earliest). */
export function anomaliesOf(series: readonly AnomalySeries[]): Anomaly[] {
  const anomalies: Anomaly[] = [];
  series.forEach((s, index) => {
    const points = s.observed.map((observed, i) => ({
      index: i,
      observed,
      expected: s.expected[i],
      score: s.scores[i],
      flagged: s.flagged[i],
    }));
    for (const e of episodes(points)) {
      anomalies.push({
        series: index,
        metric: s.metric,
        dim: s.dim,
        slice: s.slice,
        from: s.days[e.start],
        to: s.unit === 'week' ? addDays(s.days[e.end], 6) : s.days[e.end],
        day: s.days[e.peak.index],
        observed: e.peak.observed,
        expected: e.peak.expected,
        score: e.peak.score,
      });
    }
  });
  return anomalies.sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.day.localeCompare(b.day));
}

/** Rows of one (dim, slice) per group, placed on `days` (null where a day has no row); all, categories, tiers. */
export function groupBy<R extends { dim: AnomalyDim; slice: string; day: string }>(
  rows: readonly R[],
  days: readonly string[],
) {
  const at = new Map(days.map((d, i) => [d, i]));
  const groups = new Map<string, Group & { rows: (R | null)[] }>();
  for (const r of rows) {
    const key = `${r.dim}\u0000${r.slice}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { dim: r.dim, slice: r.slice, days, rows: new Array<R | null>(days.length).fill(null) }));
    const i = at.get(r.day);
    if (i !== undefined) g.rows[i] = r;
  }
  const order: Record<AnomalyDim, number> = { all: 0, category: 1, tier: 2 };
  return [...groups.values()].sort((a, b) => order[a.dim] - order[b.dim] || a.slice.localeCompare(b.slice));
}
