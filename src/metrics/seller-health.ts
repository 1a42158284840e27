import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { orderCount } from './orders.js';
import { firstOfEachId, str } from './sql.js';

/**
 * The raw counts behind a seller's health, per order (an order = the seller's lines that share an order key, see
 * src/metrics/orders.ts; without order ids, each line), over the lines the filters select. The rates and the
 * score are computed from them by `src/models/health-score.ts`.
 *
 * - `orders`: orders, whatever their outcome.
 * - `defects`: orders with a 1–2 star review (REFERENCE.md's order defect: negative feedback; the data has no
 *   claims or chargebacks). Null without the reviews table.
 * - `shipped` / `late`: orders with a completed or returned line, and those of them with a line shipped late.
 * - `cancelled`: orders with a cancelled line.
 * - `returned`: orders with a returned line (shown, not scored: Walmart's refund/return limit is 6%).
 * - `reviews`, `rating_sum`, `sentiment_sum`: reviews of the lines (null without the reviews table).
 * - `revenue`: GMV of the completed lines.
 */
export type SellerCounts = {
  readonly orders: number;
  readonly defects: number | null;
  readonly returned: number;
  readonly shipped: number;
  readonly late: number;
  readonly cancelled: number;
  readonly reviews: number | null;
  readonly rating_sum: number | null;
  readonly sentiment_sum: number | null;
  readonly revenue: number;
};

export type SellerHealthRow = SellerCounts & {
  readonly seller_id: string;
  readonly name: string;
  /** Programme tier (gold, silver, ...). */
  readonly tier: string;
  readonly status: string;
};

export type SellerMonthRow = SellerCounts & {
  /** `YYYY-MM`. */
  readonly month: string;
};

function counts(withReviews: boolean): string {
  // mkt_orders carries each line's reviews (several reviews of one order count once as a defect).
  return `${orderCount()}::INTEGER AS orders,
    ${withReviews ? `${orderCount('o.review_negative')}::INTEGER` : 'NULL::INTEGER'} AS defects,
    ${orderCount(`o.status = 'returned'`)}::INTEGER AS returned,
    ${orderCount(`o.status IN ('completed', 'returned')`)}::INTEGER AS shipped,
    ${orderCount(`o.status IN ('completed', 'returned') AND o.was_late`)}::INTEGER AS late,
    ${orderCount(`o.status = 'cancelled'`)}::INTEGER AS cancelled,
    ${withReviews ? 'coalesce(sum(o.review_count), 0)::INTEGER' : 'NULL::INTEGER'} AS reviews,
    ${withReviews ? 'sum(o.rating_sum)::DOUBLE' : 'NULL::DOUBLE'} AS rating_sum,
    ${withReviews ? 'sum(o.sentiment_sum)::DOUBLE' : 'NULL::DOUBLE'} AS sentiment_sum,
    coalesce(sum(o.revenue) FILTER (WHERE o.status = 'completed'), 0)::DOUBLE AS revenue`;
}

function from(filters: FilterState, extra: string[] = []): string {
  const where = [`seller_id IS NOT NULL`, ...predicates(filters), ...extra];
  return `mkt_orders o WHERE ${where.join(' AND ')}`;
}

/** One row per seller with at least one order line in the filtered window. */
export function sellerHealthSql(filters: FilterState, options: { withReviews: boolean }): string {
  return `SELECT o.seller_id, coalesce(s.name, o.seller_id) AS name, coalesce(s.tier, 'unknown') AS tier,
      coalesce(s.status, 'unknown') AS status, ${counts(options.withReviews)}
    FROM (SELECT * FROM ${from(filters)}) o LEFT JOIN ${firstOfEachId('sellers')} s ON s.id = o.seller_id
    GROUP BY ALL ORDER BY o.seller_id`;
}

/** One seller's counts per calendar month of the filtered window (months without orders are absent). */
export function sellerMonthlySql(filters: FilterState, sellerId: string, options: { withReviews: boolean }): string {
  return `SELECT strftime(o.order_date, '%Y-%m') AS month, ${counts(options.withReviews)}
    FROM ${from(filters, [`seller_id = ${str(sellerId)}`])}
    GROUP BY month ORDER BY month`;
}
