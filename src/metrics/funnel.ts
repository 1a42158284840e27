import type { FilterState } from '../data/filter-state.js';
import { predicates, type WhereOptions } from './filter-sql.js';

/** The funnel's steps, in order, with the mkt_sessions flag each one reads (`depth` counts them, see SESSION_DEPTH). */
export const FUNNEL_STEPS = [
  { key: 'viewed', label: 'Viewed a product' },
  { key: 'carted', label: 'Added to cart' },
  { key: 'checked_out', label: 'Started checkout' },
  { key: 'purchased', label: 'Purchased' },
] as const;
export type FunnelStepKey = (typeof FUNNEL_STEPS)[number]['key'];

/** What the funnel is broken down by: nothing, the session's first product category, or its traffic source. */
export type FunnelBreakdown = 'none' | 'category' | 'source';
export const FUNNEL_BREAKDOWNS: readonly FunnelBreakdown[] = ['none', 'category', 'source'];

/**
 * How far a session got: the number of consecutive funnel steps it reached from the first one (0 to 4).
 * A session reaches a step when it has that event AND reached every earlier step; the order of the events
 * inside the session is not checked (mkt_sessions keeps one flag per step). So the funnel never widens:
 * a session with an add-to-cart but no view (possible in other clickstreams) stops at step 0. Stored as
 * `mkt_sessions.depth`.
 */
export const SESSION_DEPTH = `(CASE WHEN NOT coalesce(viewed, false) THEN 0 WHEN NOT coalesce(carted, false) THEN 1
  WHEN NOT coalesce(checked_out, false) THEN 2 WHEN NOT coalesce(purchased, false) THEN 3 ELSE 4 END)`;

function sessionWhere(filters: FilterState, ignore: WhereOptions['ignore'] = []): string {
  const parts = predicates(filters, { dateColumn: 'session_date', ignore });
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

/**
 * Sessions reaching each step, overall or per group (`category` or `traffic_source`): columns `grp` (null when
 * not broken down), `sessions`, `viewed`, `carted`, `checked_out`, `purchased`. Groups come largest first.
 * Broken down by category, the category filter is ignored so that every category stays comparable.
 */
export function funnelSql(filters: FilterState, breakdown: FunnelBreakdown = 'none'): string {
  const group =
    breakdown === 'category'
      ? `coalesce(category, '(none)')`
      : breakdown === 'source'
        ? `coalesce(traffic_source, '(unknown)')`
        : 'NULL';
  const where = sessionWhere(filters, breakdown === 'category' ? ['categories'] : []);
  return `SELECT ${group} AS grp, count(*)::INTEGER AS sessions,
      count(*) FILTER (WHERE depth >= 1)::INTEGER AS viewed,
      count(*) FILTER (WHERE depth >= 2)::INTEGER AS carted,
      count(*) FILTER (WHERE depth >= 3)::INTEGER AS checked_out,
      count(*) FILTER (WHERE depth >= 4)::INTEGER AS purchased
    FROM mkt_sessions ${where}
    GROUP BY 1 ORDER BY sessions DESC, grp`;
}

/** Sessions per traffic source and how far they got: columns `source`, `depth`, `sessions`. */
export function sessionPathsSql(filters: FilterState): string {
  return `SELECT coalesce(traffic_source, '(unknown)') AS source, depth::INTEGER AS depth, count(*)::INTEGER AS sessions
    FROM mkt_sessions ${sessionWhere(filters)}
    GROUP BY ALL ORDER BY source, depth`;
}

/**
 * Known visitors' repeat-purchase paths in the window, one row per (source, purchases) with `customers`:
 * `source` is the traffic source of the visitor's first session in the window (by its first event), `purchases` is 0, 1 or 2 (two or more) sessions
 * with a purchase. Anonymous sessions are left out: they cannot be followed from visit to visit. Measured on the
 * clickstream: an order without a tracked session does not count.
 */
export function repeatPathsSql(filters: FilterState): string {
  const where = sessionWhere(filters);
  return `SELECT source, least(purchases, 2)::INTEGER AS purchases, count(*)::INTEGER AS customers
    FROM (
      SELECT customer_id, arg_min(coalesce(traffic_source, '(unknown)'), started) AS source,
        count(*) FILTER (WHERE depth = 4) AS purchases
      FROM mkt_sessions ${where === '' ? 'WHERE' : `${where} AND`} customer_id IS NOT NULL
      GROUP BY customer_id
    )
    GROUP BY ALL ORDER BY source, purchases`;
}

/** A traffic source as words: `organic_search` → `Organic search`. */
export function sourceLabel(source: string): string {
  const text = source.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
