import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { date } from './sql.js';
import type { Window } from './revenue-trend.js';
import { COMPLETED } from './orders.js';

/** GMV of completed orders per category in the current window and in the prior one (same length, just before). */
export function categoryChangeSql(filters: FilterState, current: Window, prior: Window): string {
  const where = [
    COMPLETED,
    `order_date BETWEEN ${date(prior.from)} AND ${date(current.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  return `SELECT coalesce(category, 'Unknown') AS category,
      coalesce(sum(revenue) FILTER (WHERE order_date >= ${date(current.from)}), 0)::DOUBLE AS gmv,
      coalesce(sum(revenue) FILTER (WHERE order_date <= ${date(prior.to)}), 0)::DOUBLE AS gmv_prior
    FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY ALL ORDER BY category`;
}

/**
 * Seller churn per product category, with the definition of `sellerChurnSql` (src/metrics/seller-churn.ts): a
 * seller active (a completed sale) in the base period with no completed sale in the recent period churned; a
 * seller selling in several categories counts in each. Could be merged into seller-churn.ts as a `by` option.
 */
export function sellerChurnByCategorySql(filters: FilterState, periods: { base: Window; recent: Window }): string {
  const where = [
    COMPLETED,
    `seller_id IS NOT NULL`,
    `order_date BETWEEN ${date(periods.base.from)} AND ${date(periods.recent.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  return `WITH activity AS (
      SELECT seller_id, coalesce(category, 'Unknown') AS category,
        bool_or(order_date <= ${date(periods.base.to)}) AS before,
        bool_or(order_date >= ${date(periods.recent.from)}) AS recent
      FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY ALL
    )
    SELECT category, count(*)::INTEGER AS active, count(*) FILTER (WHERE NOT recent)::INTEGER AS churned
    FROM activity WHERE before GROUP BY ALL ORDER BY category`;
}
