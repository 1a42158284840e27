import { decomposeDaily } from './stl.js';

export type PartKey = 'trend' | 'weekly' | 'yearly' | 'remainder';

export interface DecompositionPart {
  readonly key: PartKey;
  readonly values: Float64Array;
  /** The part's variance over the sum of the parts' variances (the shares add up to 1). */
  readonly share: number;
}

export interface DailyDecomposition {
  /** Trend, weekly, yearly (when fitted) and remainder, in that order. */
  readonly parts: readonly DecompositionPart[];
  /** A yearly pattern was fitted (the series spans two full years). */
  readonly yearly: boolean;
  /** The weekly part's mean per weekday, Monday first. */
  readonly weekdays: readonly number[];
}

/** The days a yearly pattern needs: two full cycles (see mstl). */
export const YEARLY_DAYS = 730;
/** The days a weekly pattern needs. */
export const WEEKLY_DAYS = 14;

/** Population variance. */
function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - mean) ** 2;
  return s / n;
}

/**
 * Each part's share of the variation: its variance over the sum of the parts' variances, so that the shares add
 * up to 1 (STL's parts are close to uncorrelated, so this is close to its share of the series' own variance). All
 * zero when nothing varies.
 */
export function varianceShares(parts: readonly ArrayLike<number>[]): number[] {
  const v = parts.map(variance);
  const total = v.reduce((a, b) => a + b, 0);
  return v.map((x) => (total > 0 ? x / total : 0));
}

/** Centred moving average over `span` (odd) points, the window shortened at the ends to the points there are. */
export function movingAverage(values: ArrayLike<number>, span: number): Float64Array {
  const half = Math.floor(span / 2);
  const n = values.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  return Float64Array.from({ length: n }, (_, i) => {
    const [a, b] = [Math.max(0, i - half), Math.min(n - 1, i + half)];
    return (prefix[b + 1] - prefix[a]) / (b - a + 1);
  });
}

/**
 * Days the yearly pattern is smoothed over. MSTL estimates each day of the year from that day's values alone (two
 * or three of them in two or three years), so left as it is, the yearly part repeats last year's noise and passes
 * single busy days for a season. A season is what stays after a month's moving average; the rest goes back to the
 * remainder, where day-to-day noise belongs.
 */
export const YEARLY_SMOOTHING_DAYS = 29;

/** The mean of a weekly part per weekday, Monday first; `firstDay` (`YYYY-MM-DD`) is the day of values[0]. */
export function weekdayMeans(weekly: ArrayLike<number>, firstDay: string): number[] {
  const start = (new Date(`${firstDay}T00:00:00Z`).getUTCDay() + 6) % 7;
  const sum = new Array<number>(7).fill(0);
  const count = new Array<number>(7).fill(0);
  for (let t = 0; t < weekly.length; t++) {
    const d = (start + t) % 7;
    sum[d] += weekly[t];
    count[d]++;
  }
  return sum.map((s, d) => (count[d] > 0 ? s / count[d] : 0));
}

/**
 * Trend, weekly and (from two years) yearly pattern (smoothed over a month, see YEARLY_SMOOTHING_DAYS) and
 * remainder of a daily series with every day present, adding up to it, each with its share of the variation; null when the series is shorter than the two weeks a weekly pattern needs.
 */
export function decomposeDays(values: ArrayLike<number>, firstDay: string): DailyDecomposition | null {
  if (values.length < WEEKLY_DAYS) return null;
  const fit = decomposeDaily(values);
  const seasonal = (period: number) => fit.seasonals.find((s) => s.period === period)?.values;
  const weekly = seasonal(7)!;
  const rough = seasonal(365);
  const yearly = rough && movingAverage(rough, YEARLY_SMOOTHING_DAYS);
  const remainder = rough ? fit.remainder.map((r, t) => r + rough[t] - yearly![t]) : fit.remainder;
  const series: [PartKey, Float64Array][] = [
    ['trend', fit.trend],
    ['weekly', weekly],
    ...(yearly ? [['yearly', yearly] as [PartKey, Float64Array]] : []),
    ['remainder', remainder],
  ];
  const shares = varianceShares(series.map(([, v]) => v));
  return {
    parts: series.map(([key, v], i) => ({ key, values: v, share: shares[i] })),
    yearly: yearly !== undefined,
    weekdays: weekdayMeans(weekly, firstDay),
  };
}
