import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { COMPLETED, ordersPerGroup } from './orders.js';

export const CATEGORY_METRICS = ['gmv', 'orders', 'conversion'] as const;
export type CategoryMetric = (typeof CATEGORY_METRICS)[number];

export function isCategoryMetric(value: unknown): value is CategoryMetric {
  return (CATEGORY_METRICS as readonly unknown[]).includes(value);
}

export type CategoryRow = {
  readonly category: string;
  readonly gmv: number;
  readonly orders: number;
  /** Null when the dataset has no page events. */
  readonly sessions: number | null;
  readonly purchases: number | null;
};

export interface CategoryPerformanceOptions {
  readonly withSessions: boolean;
  /** How many categories the data has (DatasetInfo), when known: few are counted faster (ordersPerGroup). */
  readonly categories?: number;
}

/**
 * Per product category: GMV and number of completed orders (mkt_orders; an order with lines in two categories counts in each), and, with `withSessions`, sessions
 * and sessions with a purchase (mkt_sessions, by the category of the session's first product). The category
 * filter is ignored on purpose: the chart draws every category and highlights the selected ones.
 */
export function categoryPerformanceSql(filters: FilterState, options: CategoryPerformanceOptions): string {
  const orderWhere = [COMPLETED, `category IS NOT NULL`, ...predicates(filters, { ignore: ['categories'] })];
  const orders = `SELECT category, sum(revenue) AS gmv, ${ordersPerGroup(options.categories)} AS orders FROM mkt_orders
    WHERE ${orderWhere.join(' AND ')} GROUP BY category`;
  if (!options.withSessions) {
    return `SELECT category, gmv::DOUBLE AS gmv, orders::INTEGER AS orders, NULL::INTEGER AS sessions, NULL::INTEGER AS purchases
      FROM (${orders}) ORDER BY category`;
  }
  const sessionWhere = [
    `category IS NOT NULL`,
    ...predicates(filters, { ignore: ['categories'], dateColumn: 'session_date' }),
  ];
  const sessions = `SELECT category, count(*) AS sessions, count(*) FILTER (WHERE purchased) AS purchases FROM mkt_sessions
    WHERE ${sessionWhere.join(' AND ')} GROUP BY category`;
  return `SELECT category, coalesce(o.gmv, 0)::DOUBLE AS gmv, coalesce(o.orders, 0)::INTEGER AS orders,
      coalesce(s.sessions, 0)::INTEGER AS sessions, coalesce(s.purchases, 0)::INTEGER AS purchases
    FROM (${orders}) o FULL OUTER JOIN (${sessions}) s USING (category)
    ORDER BY category`;
}

/** The value a bar shows; conversion is null without sessions. */
export function categoryValue(row: CategoryRow, metric: CategoryMetric): number | null {
  if (metric === 'gmv') return row.gmv;
  if (metric === 'orders') return row.orders;
  return row.sessions ? (row.purchases ?? 0) / row.sessions : null;
}

/** The categories sorted by a measure, largest first (unknown values last, then by name). */
export function sortCategories(rows: readonly CategoryRow[], metric: CategoryMetric): CategoryRow[] {
  return [...rows].sort((a, b) => {
    const va = categoryValue(a, metric) ?? -Infinity;
    const vb = categoryValue(b, metric) ?? -Infinity;
    return vb - va || a.category.localeCompare(b.category);
  });
}
