import type { FilterState } from '../data/filter-state.js';
import { COMPLETED, orderCount } from './orders.js';
import { daysInclusive, predicates, priorPeriod } from './filter-sql.js';
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

/**
 * GMV (revenue of completed order lines) and completed order lines per day, ISO week (starting Monday) or
 * calendar month of the window, every bucket present (zero when it has no sales). The first and last bucket
 * may cover only part of a week or month: `bucket_from` / `bucket_to` are the days of the window it covers.
 *
 * With `compare`, `gmv_prior` is the prior period of equal length shifted forward by that length, so each of
 * its days lands on the day of the window it is compared with (1–31 March is compared with 29 January –
 * 28 February, and 29 January is drawn on 1 March); it is null for buckets that lie wholly before `dataStart`.
 */
export function revenueTrendSql(
  filters: FilterState,
  window: Window,
  granularity: Granularity,
  options: { compare?: boolean; dataStart?: string } = {},
): string {
  if (!isGranularity(granularity)) throw new TypeError(`Unknown granularity ${JSON.stringify(granularity)}`);
  // A closed set, so it may be spelled into the SQL as a keyword (INTERVAL 1 MONTH).
  const g = granularity;
  const length = daysInclusive(window.from, window.to);
  const prior = priorPeriod(window.from, window.to);
  const common = [COMPLETED, ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] })];
  const current = [`order_date BETWEEN ${date(window.from)} AND ${date(window.to)}`, ...common];
  // Grouped on dates and formatted once per bucket: strftime on every line costs more than the aggregation. A day
  // is its own bucket: date_trunc would cast every line's date to a timestamp and back.
  const bucketOf = (day: string) => (g === 'day' ? `(${day})::DATE` : `date_trunc('${g}', ${day})::DATE`);
  const priorCte = options.compare
    ? `, prior AS (
        SELECT ${bucketOf(`order_date + ${num(length)}`)} AS bucket, sum(revenue) AS gmv
        FROM mkt_orders WHERE order_date BETWEEN ${date(prior.from)} AND ${date(prior.to)} AND ${common.join(' AND ')}
        GROUP BY 1)`
    : '';
  // A bucket of the prior series has data only if some of its shifted days fall on or after the data's start.
  const priorValue = options.compare
    ? `CASE WHEN b.bucket_to_day - ${num(length)} < ${date(options.dataStart ?? '0001-01-01')} THEN NULL
        ELSE coalesce(p.gmv, 0) END::DOUBLE AS gmv_prior`
    : `NULL::DOUBLE AS gmv_prior`;
  return `WITH starts AS (
      SELECT b::DATE AS start FROM range(date_trunc('${g}', ${date(window.from)})::TIMESTAMP,
        (${date(window.to)} + 1)::TIMESTAMP, INTERVAL 1 ${g.toUpperCase()}) t(b)
    ), b AS (
      SELECT start, strftime(start, '%Y-%m-%d') AS bucket, greatest(start, ${date(window.from)}) AS bucket_from_day,
        least((start + INTERVAL 1 ${g.toUpperCase()})::DATE - 1, ${date(window.to)}) AS bucket_to_day
      FROM starts
    ), cur AS (
      SELECT ${bucketOf('order_date')} AS bucket, sum(revenue) AS gmv, ${orderCount()} AS orders
      FROM mkt_orders WHERE ${current.join(' AND ')} GROUP BY 1
    )${priorCte}
    SELECT b.bucket, strftime(b.bucket_from_day, '%Y-%m-%d') AS bucket_from, strftime(b.bucket_to_day, '%Y-%m-%d') AS bucket_to,
      coalesce(c.gmv, 0)::DOUBLE AS gmv, coalesce(c.orders, 0)::INTEGER AS orders, ${priorValue}
    FROM b LEFT JOIN cur c ON c.bucket = b.start ${options.compare ? 'LEFT JOIN prior p ON p.bucket = b.start' : ''}
    ORDER BY b.bucket`;
}

export type TrendRow = {
  readonly bucket: string;
  readonly bucket_from: string;
  readonly bucket_to: string;
  readonly gmv: number;
  readonly orders: number;
  readonly gmv_prior: number | null;
};
