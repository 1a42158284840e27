import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { firstOfEachId, str } from './sql.js';

/**
 * The raw counts behind a seller's health, over the order lines the filters select (one order = one order line,
 * as everywhere in the kit). The rates and the score are computed from them by `src/models/health-score.ts`.
 *
 * - `orders`: order lines, whatever their outcome.
 * - `defects`: lines with a return, a cancellation, or a 1–2 star review (an order defect).
 * - `shipped` / `late`: completed + returned lines, and those of them with `was_late`.
 * - `cancelled`: cancelled lines.
 * - `reviews`, `rating_sum`, `sentiment_sum`: reviews of the lines (null without the reviews table).
 * - `revenue`: GMV of the completed lines.
 */
export type SellerCounts = {
  readonly orders: number;
  readonly defects: number;
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
  // mkt_orders carries each line's reviews (several reviews of one line count once as a defect).
  const negative = withReviews ? ` OR o.review_negative` : '';
  return `count(*)::INTEGER AS orders,
    count(*) FILTER (WHERE o.status IN ('returned', 'cancelled')${negative})::INTEGER AS defects,
    count(*) FILTER (WHERE o.status IN ('completed', 'returned'))::INTEGER AS shipped,
    count(*) FILTER (WHERE o.status IN ('completed', 'returned') AND o.was_late)::INTEGER AS late,
    count(*) FILTER (WHERE o.status = 'cancelled')::INTEGER AS cancelled,
    ${withReviews ? 'coalesce(sum(o.review_count), 0)::INTEGER' : 'NULL::INTEGER'} AS reviews,
    ${withReviews ? 'sum(o.rating_sum)::DOUBLE' : 'NULL::DOUBLE'} AS rating_sum,
    ${withReviews ? 'sum(o.sentiment_sum)::DOUBLE' : 'NULL::DOUBLE'} AS sentiment_sum,
    coalesce(sum(o.revenue) FILTER (WHERE o.status = 'completed'), 0)::DOUBLE AS revenue`;
}

function from(filters: FilterState, extra: string[] = []): string {
  const where = [...predicates(filters), ...extra];
  return `mkt_orders o${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
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
