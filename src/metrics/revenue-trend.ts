import type { FilterState } from '../data/filter-state.js';
import { COMPLETED, orderCount } from './orders.js';
import { dayNumber, daysInclusive, isoDay, predicates, priorPeriod } from './filter-sql.js';
import { date, num } from './sql.js';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export function isGranularity(value: unknown): value is Granularity {
  return (GRANULARITIES as readonly unknown[]).includes(value);
}

/** `[from, to]` inclusive, `YYYY-MM-DD`. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** The options of a trend: the prior-period overlay, and the data's first day (before it, the prior is unknown). */
export interface TrendOptions {
  readonly compare?: boolean;
  readonly dataStart?: string;
}

/**
 * GMV (revenue of completed order lines) and completed orders per day, ISO week (starting Monday) or calendar month
 * of the window: one row per bucket with sales, in order of `day`, the bucket's first day (days since 1970-01-01).
 * trendRows turns them into every bucket of the window: filling and dating 730 days in the browser costs a tenth of
 * what it costs in SQL.
 *
 * With `compare`, `gmv_prior` is the prior period of equal length shifted forward by that length, so each of
 * its days lands on the day of the window it is compared with (1–31 March is compared with 29 January –
 * 28 February, and 29 January is drawn on 1 March).
 */
export function revenueTrendSql(
  filters: FilterState,
  window: Window,
  granularity: Granularity,
  options: TrendOptions = {},
): string {
  if (!isGranularity(granularity)) throw new TypeError(`Unknown granularity ${JSON.stringify(granularity)}`);
  // A closed set, so it may be spelled into the SQL as a keyword.
  const g = granularity;
  const length = daysInclusive(window.from, window.to);
  const prior = priorPeriod(window.from, window.to);
  const common = [COMPLETED, ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] })];
  const current = [`order_date BETWEEN ${date(window.from)} AND ${date(window.to)}`, ...common];
  // A day is its own bucket: date_trunc would cast every line's date to a timestamp and back.
  const bucketOf = (day: string) => (g === 'day' ? `(${day})::DATE` : `date_trunc('${g}', ${day})::DATE`);
  const cur = `SELECT ${bucketOf('order_date')} AS bucket, sum(revenue) AS gmv, ${orderCount()} AS orders
    FROM mkt_orders WHERE ${current.join(' AND ')} GROUP BY 1`;
  const day = (bucket: string) => `(${bucket} - DATE '1970-01-01')::INTEGER AS day`;
  if (!options.compare)
    return `SELECT ${day('bucket')}, gmv::DOUBLE AS gmv, orders::INTEGER AS orders, NULL::DOUBLE AS gmv_prior FROM (${cur})
      ORDER BY day`;
  return `WITH cur AS (${cur}), prior AS (
      SELECT ${bucketOf(`order_date + ${num(length)}`)} AS bucket, sum(revenue) AS gmv
      FROM mkt_orders WHERE order_date BETWEEN ${date(prior.from)} AND ${date(prior.to)} AND ${common.join(' AND ')}
      GROUP BY 1)
    SELECT ${day('coalesce(c.bucket, p.bucket)')}, coalesce(c.gmv, 0)::DOUBLE AS gmv,
      coalesce(c.orders, 0)::INTEGER AS orders, coalesce(p.gmv, 0)::DOUBLE AS gmv_prior
    FROM cur c FULL JOIN prior p ON p.bucket = c.bucket ORDER BY day`;
}

/** A row of revenueTrendSql: a bucket with sales, in either period; `day` is its first day, since 1970-01-01. */
export type TrendSums = {
  readonly day: number;
  readonly gmv: number;
  readonly orders: number;
  readonly gmv_prior: number | null;
};

/** The first day of the bucket holding `day` (days since 1970-01-01, a Thursday). */
function bucketStart(day: number, g: Granularity): number {
  if (g === 'day') return day;
  if (g === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  return dayNumber(`${isoDay(day).slice(0, 7)}-01`);
}

/** The first day of the bucket after the one starting on `start` (31 days on is always in the next month). */
function nextBucket(start: number, g: Granularity): number {
  if (g === 'day') return start + 1;
  if (g === 'week') return start + 7;
  return bucketStart(start + 31, 'month');
}

/**
 * Every bucket of the window, in order, with the sums of revenueTrendSql (zero where a bucket has no sales). The
 * first and last bucket may cover only part of a week or month: `bucket_from` / `bucket_to` are the days of the
 * window it covers. With `compare`, `gmv_prior` is null for a bucket whose shifted prior days all lie before
 * `dataStart` (nothing is known of them), else the prior sales, zero when none.
 */
export function trendRows(
  sums: readonly TrendSums[],
  window: Window,
  granularity: Granularity,
  options: TrendOptions = {},
): TrendRow[] {
  const byDay = new Map(sums.map((s) => [s.day, s]));
  const [from, to] = [dayNumber(window.from), dayNumber(window.to)];
  const length = to - from + 1;
  const dataStart = dayNumber(options.dataStart ?? '0001-01-01');
  const out: TrendRow[] = [];
  for (let start = bucketStart(from, granularity); start <= to; start = nextBucket(start, granularity)) {
    const last = Math.min(nextBucket(start, granularity) - 1, to);
    const s = byDay.get(start);
    out.push({
      bucket: isoDay(start),
      bucket_from: isoDay(Math.max(start, from)),
      bucket_to: isoDay(last),
      gmv: s?.gmv ?? 0,
      orders: s?.orders ?? 0,
      gmv_prior: !options.compare || last - length < dataStart ? null : (s?.gmv_prior ?? 0),
    });
  }
  return out;
}

export type TrendRow = {
  readonly bucket: string;
  readonly bucket_from: string;
  readonly bucket_to: string;
  readonly gmv: number;
  readonly orders: number;
  readonly gmv_prior: number | null;
};
