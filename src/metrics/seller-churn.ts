import type { FilterState } from '../data/filter-state.js';
import { addDays, daysInclusive, predicates } from './filter-sql.js';
import { date } from './sql.js';
import type { Window } from './revenue-trend.js';
import { COMPLETED } from './orders.js';

export const DEFAULT_CHURN_DAYS = 60;

/**
 * The two parts of a churn window of N days: the base period, from the window's first day to N days before its
 * end, and the last N days of the window. Null when the window is not longer than N days.
 */
export function churnPeriods(window: Window, days: number): { base: Window; recent: Window } | null {
  if (!(days >= 1) || daysInclusive(window.from, window.to) <= days) return null;
  const recentFrom = addDays(window.to, -(days - 1));
  return { base: { from: window.from, to: addDays(recentFrom, -1) }, recent: { from: recentFrom, to: window.to } };
}

export type ChurnRow = {
  readonly tier: string;
  /** Sellers with a completed sale in the base period. */
  readonly active: number;
  /** Of those, the ones with no completed sale in the last N days. */
  readonly churned: number;
};

/**
 * Seller churn by tier. A seller **churned** when they made a completed sale in the window before its last N
 * days and none in the last N days; churn rate = churned / sellers active before the last N days. Only completed
 * sales count, and the other filters (category, region, ...) narrow which sales count. The `status` column is
 * not used: it describes the account at the end of the data, not in the window.
 */
export function sellerChurnSql(filters: FilterState, periods: { base: Window; recent: Window }): string {
  const where = [
    COMPLETED,
    `seller_id IS NOT NULL`,
    `order_date BETWEEN ${date(periods.base.from)} AND ${date(periods.recent.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  return `WITH activity AS (
      SELECT seller_id, any_value(tier) AS tier,
        bool_or(order_date <= ${date(periods.base.to)}) AS before,
        bool_or(order_date >= ${date(periods.recent.from)}) AS recent
      FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY seller_id
    )
    SELECT coalesce(tier, 'unknown') AS tier, count(*)::INTEGER AS active, count(*) FILTER (WHERE NOT recent)::INTEGER AS churned
    FROM activity WHERE before GROUP BY ALL ORDER BY tier`;
}
