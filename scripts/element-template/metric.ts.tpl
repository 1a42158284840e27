import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';

/** __TITLE__: GMV of completed orders by category, largest first. (A starting point: write the new measure here.) */
export function __CAMEL__Sql(filters: FilterState): string {
  const where = [`status = 'completed'`, ...predicates(filters)];
  return `SELECT category AS key, sum(revenue)::DOUBLE AS value FROM mkt_orders WHERE ${where.join(' AND ')}
    GROUP BY category ORDER BY value DESC, key`;
}
