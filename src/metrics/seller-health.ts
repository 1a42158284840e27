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

/** One row per seller with at least one order line in the filtered window. */
export function sellerHealthSql(filters: FilterState, options: SellerHealthOptions): string {
  const base = `SELECT o.seller_id, coalesce(s.name, o.seller_id) AS name, coalesce(s.tier, 'unknown') AS tier,
      coalesce(s.status, 'unknown') AS status, ${counts(options.withReviews)}
    FROM (SELECT * FROM ${from(filters)}) o LEFT JOIN ${firstOfEachId('sellers')} s ON s.id = o.seller_id
    GROUP BY ALL`;
  const tickets = options.withTickets ? ticketCounts(filters, 'seller_id') : null;
  return withTicketColumns(base, 'seller_id', tickets, 'seller_id');
}

/** One seller's counts per calendar month of the filtered window (months without orders are absent). */
export function sellerMonthlySql(filters: FilterState, sellerId: string, options: SellerHealthOptions): string {
  const base = `SELECT strftime(o.order_date, '%Y-%m') AS month, ${counts(options.withReviews)}
    FROM ${from(filters, [`seller_id = ${str(sellerId)}`])}
    GROUP BY month`;
  const tickets = options.withTickets
    ? ticketCounts(filters, `strftime(opened_date, '%Y-%m')`, [`seller_id = ${str(sellerId)}`])
    : null;
  return withTicketColumns(base, 'month', tickets, 'month');
}
