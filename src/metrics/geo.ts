import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { COMPLETED, orderCount } from './orders.js';

/**
 * GMV (revenue of completed order lines), completed orders and customers (distinct customers with a
 * completed order) per customer region. The region filter is ignored, so the map keeps every region and shows
 * the selected one highlighted; the other filters apply.
 */
export function regionSql(filters: FilterState): string {
  const where = [COMPLETED, ...predicates(filters, { ignore: ['regions'] })];
  return `SELECT coalesce(region, 'Unknown') AS region, sum(revenue)::DOUBLE AS gmv, ${orderCount()}::INTEGER AS orders,
      count(DISTINCT customer_key)::INTEGER AS customers
    FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY ALL ORDER BY gmv DESC, region`;
}

/**
 * Every customer region of the dataset with its number of customers, whatever the filters: the map is chosen
 * from these, so that filtering never switches it.
 */
export function regionNamesSql(): string {
  return `SELECT region, count(*)::INTEGER AS customers FROM customers WHERE region IS NOT NULL GROUP BY ALL ORDER BY region`;
}
