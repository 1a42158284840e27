import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';

export type PaymentMethodRow = {
  readonly method: string;
  /** Orders paid (at least in part) this way. */
  readonly orders: number;
  readonly payments: number;
  readonly value: number;
  /** Mean instalments of this method's payments. */
  readonly installments: number;
};

/**
 * Payments by method for the orders the filters select (an order is selected when one of its lines matches; any
 * outcome, since an order is paid when it is placed), from `mkt_payments` (the optional payments table with each
 * payment's order key). Largest value first.
 */
export function paymentMethodsSql(filters: FilterState): string {
  const where = predicates(filters);
  return `WITH selected AS (SELECT DISTINCT order_key FROM mkt_orders${where.length ? ` WHERE ${where.join(' AND ')}` : ''})
    SELECT coalesce(method, 'unknown') AS method, count(DISTINCT p.order_key)::INTEGER AS orders,
      count(*)::INTEGER AS payments, coalesce(sum(value), 0)::DOUBLE AS value,
      avg(installments)::DOUBLE AS installments
    FROM mkt_payments p SEMI JOIN selected s ON s.order_key = p.order_key
    GROUP BY ALL ORDER BY value DESC, method`;
}
