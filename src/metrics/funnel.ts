import type { FilterState } from '../data/filter-state.js';
import { predicates, type WhereOptions } from './filter-sql.js';
import { orderCount } from './orders.js';

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

/** Sessions of one traffic source and first-product category that reached funnel depth `depth` (0-4). */
export type SessionDepthRow = {
  readonly source: string;
  readonly category: string;
  readonly depth: number;
  readonly sessions: number;
};

/**
 * Sessions per traffic source, category and funnel depth: columns `source`, `category`, `depth`, `sessions`. One
 * scan answers every funnel element and the session journeys of a dashboard, whatever their breakdown: the
 * category filter is left out of the SQL and applied to these rows instead (see `inCategories`), because the funnel
 * by category ignores it.
 */
export function sessionDepthsSql(filters: FilterState): string {
  return `SELECT coalesce(traffic_source, '(unknown)') AS source, category::VARCHAR AS category,
      depth::INTEGER AS depth, count(*)::INTEGER AS sessions
    FROM mkt_sessions ${sessionWhere(filters, ['categories'])}
    GROUP BY ALL ORDER BY source, category, depth`;
}

/** The rows of the filtered categories (all rows when no category is filtered). */
export function inCategories(rows: readonly SessionDepthRow[], categories: readonly string[]): SessionDepthRow[] {
  if (categories.length === 0) return [...rows];
  const wanted = new Set(categories);
  return rows.filter((r) => wanted.has(r.category));
}

export interface FunnelRow {
  /** The group; null for the overall funnel. */
  readonly grp: string | null;
  readonly sessions: number;
  readonly viewed: number;
  readonly carted: number;
  readonly checked_out: number;
  readonly purchased: number;
}

/**
 * Sessions reaching each step, overall (one row, `grp` null) or per source or category, largest group first: a
 * session of depth d reached steps 1..d. The category filter applies, except to the funnel by category, which
 * shows every category so that they stay comparable.
 */
export function funnelRows(
  depths: readonly SessionDepthRow[],
  breakdown: FunnelBreakdown,
  categories: readonly string[],
): FunnelRow[] {
  const rows = breakdown === 'category' ? depths : inCategories(depths, categories);
  const groups = new Map<string | null, number[]>();
  for (const r of rows) {
    const key = breakdown === 'none' ? null : breakdown === 'category' ? r.category : r.source;
    if (!groups.has(key)) groups.set(key, [0, 0, 0, 0, 0]);
    const reached = groups.get(key)!;
    for (let step = 0; step <= Math.min(4, Math.max(0, r.depth)); step++) reached[step] += r.sessions;
  }
  return [...groups]
    .map(([grp, r]) => ({ grp, sessions: r[0], viewed: r[1], carted: r[2], checked_out: r[3], purchased: r[4] }))
    .sort((a, b) => b.sessions - a.sessions || (String(a.grp) < String(b.grp) ? -1 : 1));
}

/** Sessions per traffic source and depth in the filtered categories: what the session journeys draw. */
export function sessionPathRows(
  depths: readonly SessionDepthRow[],
  categories: readonly string[],
): { source: string; depth: number; sessions: number }[] {
  const out = new Map<string, { source: string; depth: number; sessions: number }>();
  for (const r of inCategories(depths, categories)) {
    const key = `${r.source}\u0000${r.depth}`;
    const row = out.get(key) ?? { source: r.source, depth: r.depth, sessions: 0 };
    row.sessions += r.sessions;
    out.set(key, row);
  }
  return [...out.values()];
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

/**
 * Orders placed (any outcome) in the filtered window, to reconcile the funnel's purchases with the orders: equal
 * when every order has a tracked session, fewer purchases when the clickstream is a sample of the traffic.
 */
export function ordersPlacedSql(filters: FilterState): string {
  const where = predicates(filters);
  return `SELECT ${orderCount()}::INTEGER AS orders FROM mkt_orders${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}
