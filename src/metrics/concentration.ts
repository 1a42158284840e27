import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { COMPLETED } from './orders.js';

/**
 * GMV (completed lines) per customer or per seller in the filtered window, smallest first: the values the
 * concentration model (src/models/concentration.ts: Lorenz curve, Gini, top shares, value tiers) takes. Only those
 * with GMV in the window are listed: the curve is of the buyers (or selling sellers), not of everyone registered.
 */
export const CONCENTRATION_REQUIRE = ['mkt_orders'] as const;

export type EntityValueRow = { readonly id: string; readonly value: number };

export function entityValuesSql(filters: FilterState, entity: 'customer' | 'seller'): string {
  const column = entity === 'seller' ? 'seller_id' : 'customer_id';
  const where = [COMPLETED, `${column} IS NOT NULL`, ...predicates(filters)];
  return `SELECT ${column} AS id, sum(revenue)::DOUBLE AS value FROM mkt_orders WHERE ${where.join(' AND ')}
    GROUP BY ${column} HAVING sum(revenue) > 0 ORDER BY value, id`;
}
