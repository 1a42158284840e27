import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { COMPLETED, SHIPPED } from './orders.js';
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
 * - `tickets`, `late_responses`, `rated_tickets`, `dissatisfied` (with `withTickets`, from the optional
 *   support_tickets table through `mkt_tickets`): the seller's tickets opened in the date filter, those answered late
 *   (after 24 h, or not yet though due), those with a CSAT answer, and those answered 1 or 2. Null without tickets.
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
  readonly tickets: number | null;
  readonly late_responses: number | null;
  readonly rated_tickets: number | null;
  readonly dissatisfied: number | null;
};

export interface SellerHealthOptions {
  readonly withReviews: boolean;
  /** Count the sellers' support tickets (needs mkt_tickets); default false. */
  readonly withTickets?: boolean;
}

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

/**
 * Each order's outcome, one row per (`key`, order): its lines' flags and sums. Counting these rows per key gives the
 * orders of each outcome without a count(DISTINCT) per figure (five of them cost 30 to 50 ms per filter change at
 * scale 1, the slowest statement of the Sellers page).
 */
function perOrder(key: string, where: readonly string[], withReviews: boolean): string {
  return `SELECT ${key} AS key, order_key,
      ${withReviews ? 'bool_or(review_negative)' : 'NULL::BOOLEAN'} AS defect,
      bool_or(status = 'returned'::mkt_status) AS returned,
      bool_or(${SHIPPED}) AS shipped,
      bool_or(${SHIPPED} AND was_late) AS late,
      bool_or(status = 'cancelled'::mkt_status) AS cancelled,
      sum(review_count) AS reviews, sum(rating_sum) AS rating_sum, sum(sentiment_sum) AS sentiment_sum,
      sum(revenue) FILTER (WHERE ${COMPLETED}) AS revenue
    FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY ALL`;
}

/** The counts of SellerCounts but the tickets per `key`, from perOrder's rows (mkt_orders carries each line's reviews). */
function countsPerKey(key: string, where: readonly string[], withReviews: boolean): string {
  const reviewed = (sql: string, type: string) => (withReviews ? sql : `NULL::${type}`);
  return `SELECT key, count(*)::INTEGER AS orders,
      ${reviewed('count(*) FILTER (WHERE defect)::INTEGER', 'INTEGER')} AS defects,
      count(*) FILTER (WHERE returned)::INTEGER AS returned,
      count(*) FILTER (WHERE shipped)::INTEGER AS shipped,
      count(*) FILTER (WHERE late)::INTEGER AS late,
      count(*) FILTER (WHERE cancelled)::INTEGER AS cancelled,
      ${reviewed('coalesce(sum(reviews), 0)::INTEGER', 'INTEGER')} AS reviews,
      ${reviewed('sum(rating_sum)::DOUBLE', 'DOUBLE')} AS rating_sum,
      ${reviewed('sum(sentiment_sum)::DOUBLE', 'DOUBLE')} AS sentiment_sum,
      coalesce(sum(revenue), 0)::DOUBLE AS revenue
    FROM (${perOrder(key, where, withReviews)}) GROUP BY key`;
}

const COUNT_COLUMNS =
  'orders, defects, returned, shipped, late, cancelled, reviews, rating_sum, sentiment_sum, revenue';

const lineFilters = (filters: FilterState, extra: string[] = []) => [
  `seller_id IS NOT NULL`,
  ...predicates(filters),
  ...extra,
];

/** The seller ticket counts per `key` (seller_id, or month for one seller), as a subquery; null columns without tickets. */
function ticketCounts(filters: FilterState, key: string, extra: string[] = []): string {
  const where = [`seller_id IS NOT NULL`, ...predicates(filters, { dateColumn: 'opened_date' }), ...extra];
  return `SELECT ${key} AS key, count(*)::INTEGER AS tickets,
      count(*) FILTER (WHERE late_response)::INTEGER AS late_responses, count(csat)::INTEGER AS rated_tickets,
      count(*) FILTER (WHERE csat <= 2)::INTEGER AS dissatisfied
    FROM mkt_tickets WHERE ${where.join(' AND ')} GROUP BY ALL`;
}

function withTicketColumns(base: string, key: string, tickets: string | null, order: string): string {
  const columns = ['tickets', 'late_responses', 'rated_tickets', 'dissatisfied'];
  if (!tickets)
    return `SELECT *, ${columns.map((c) => `NULL::INTEGER AS ${c}`).join(', ')} FROM (${base}) ORDER BY ${order}`;
  return `SELECT b.*, ${columns.map((c) => `coalesce(t.${c}, 0)::INTEGER AS ${c}`).join(', ')}
    FROM (${base}) b LEFT JOIN (${tickets}) t ON t.key = b.${key} ORDER BY ${order}`;
}

/** One row per seller with at least one order line in the filtered window; the sellers table is joined per seller. */
export function sellerHealthSql(filters: FilterState, options: SellerHealthOptions): string {
  const base = `SELECT c.key AS seller_id, coalesce(s.name, c.key) AS name, coalesce(s.tier, 'unknown') AS tier,
      coalesce(s.status, 'unknown') AS status, ${COUNT_COLUMNS}
    FROM (${countsPerKey('seller_id', lineFilters(filters), options.withReviews)}) c
    LEFT JOIN ${firstOfEachId('sellers')} s ON s.id = c.key`;
  const tickets = options.withTickets ? ticketCounts(filters, 'seller_id') : null;
  return withTicketColumns(base, 'seller_id', tickets, 'seller_id');
}

/** One seller's counts per calendar month of the filtered window (months without orders are absent). */
export function sellerMonthlySql(filters: FilterState, sellerId: string, options: SellerHealthOptions): string {
  const where = lineFilters(filters, [`seller_id = ${str(sellerId)}`]);
  const base = `SELECT key AS month, ${COUNT_COLUMNS}
    FROM (${countsPerKey(`strftime(order_date, '%Y-%m')`, where, options.withReviews)})`;
  const tickets = options.withTickets
    ? ticketCounts(filters, `strftime(opened_date, '%Y-%m')`, [`seller_id = ${str(sellerId)}`])
    : null;
  return withTicketColumns(base, 'month', tickets, 'month');
}
