import type { FilterState } from '../data/filter-state.js';
import { UNKNOWN } from '../data/derived-tables.js';
import { predicates } from './filter-sql.js';
import { orderCount } from './orders.js';

/**
 * Customer service from the optional `support_tickets` table (through `mkt_tickets`, which carries each ticket's
 * category, seller tier, customer region, cohort and segment; see src/data/derived-tables.ts).
 *
 * - **tickets**: tickets opened in the date filter; **orders**: orders placed in it (any outcome, src/metrics/orders.ts);
 *   **per 1,000 orders** = 1000 × tickets / orders (the contact rate; null without orders in the group).
 * - **CSAT**: `csat_mean`, the mean survey answer (1–5), and `csat_score`, the share of answers of 4 or 5 (the usual
 *   "CSAT %"), over the tickets answered (`rated`).
 * - **first response** and **resolution** times, hours from opening: median and 90th percentile (linear
 *   interpolation between order statistics, R's type 7 / DuckDB's `quantile_cont`) over the tickets answered or
 *   resolved; `unanswered` and `open` count the others.
 * - `by`: one row per seller tier, category, reason or opening month (`YYYY-MM`; orders by order month), or one row,
 *   `All`. A ticket about no order has no category or tier (`(unknown)`); per-tier and per-category order counts are
 *   the orders with a line of that tier or category (an order of two categories counts in each). The `(unknown)`
 *   tier or category has no contact rate: its tickets are about no order, its orders are others (an order without
 *   lines, of no seller), and their ratio would mean nothing.
 */
export const SUPPORT_REQUIRE = ['mkt_tickets'] as const;

export const SUPPORT_GROUPS = ['all', 'tier', 'category', 'reason', 'month'] as const;
export type SupportGroup = (typeof SUPPORT_GROUPS)[number];

export type SupportRow = {
  readonly grp: string;
  readonly tickets: number;
  readonly orders: number;
  readonly per_1000_orders: number | null;
  readonly rated: number;
  readonly csat_mean: number | null;
  readonly csat_score: number | null;
  readonly response_median: number | null;
  readonly response_p90: number | null;
  readonly resolution_median: number | null;
  readonly resolution_p90: number | null;
  readonly unanswered: number;
  readonly open: number;
};

const TICKET_GROUP: Record<SupportGroup, string> = {
  all: `'All'`,
  tier: 'tier::VARCHAR',
  category: 'category::VARCHAR',
  reason: 'reason',
  month: `strftime(opened_date, '%Y-%m')`,
};
const ORDER_GROUP: Record<SupportGroup, string | null> = {
  all: `'All'`,
  tier: 'tier::VARCHAR',
  category: 'category::VARCHAR',
  reason: null,
  month: `strftime(order_date, '%Y-%m')`,
};

/** Ticket volume, contact rate, CSAT and response and resolution times, overall or per group. */
export function supportSql(filters: FilterState, by: SupportGroup = 'all'): string {
  if (!(SUPPORT_GROUPS as readonly string[]).includes(by)) throw new TypeError(`Unknown group ${JSON.stringify(by)}`);
  const ticketWhere = predicates(filters, { dateColumn: 'opened_date' });
  const orderWhere = predicates(filters);
  const where = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');
  const orderGroup = ORDER_GROUP[by];
  const orders = orderGroup
    ? `SELECT ${orderGroup} AS grp, ${orderCount()} AS orders FROM mkt_orders ${where(orderWhere)} GROUP BY ALL`
    : `SELECT ${orderCount()} AS orders FROM mkt_orders ${where(orderWhere)}`;
  return `WITH t AS (SELECT ${TICKET_GROUP[by]} AS grp, * FROM mkt_tickets ${where(ticketWhere)}),
    o AS (${orders}),
    agg AS (
      SELECT grp, count(*) AS tickets, count(csat) AS rated, avg(csat) AS csat_mean,
        count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat_score,
        quantile_cont(response_hours, 0.5) AS response_median, quantile_cont(response_hours, 0.9) AS response_p90,
        quantile_cont(resolution_hours, 0.5) AS resolution_median,
        quantile_cont(resolution_hours, 0.9) AS resolution_p90,
        count(*) FILTER (WHERE response_hours IS NULL) AS unanswered,
        count(*) FILTER (WHERE resolution_hours IS NULL) AS open
      FROM t GROUP BY grp
    )
    SELECT a.grp, a.tickets::INTEGER AS tickets, coalesce(o.orders, 0)::INTEGER AS orders,
      (CASE WHEN ${by === 'tier' || by === 'category' ? `a.grp = '${UNKNOWN}'` : 'false'} THEN NULL
        ELSE 1000.0 * a.tickets / nullif(o.orders, 0) END)::DOUBLE AS per_1000_orders, a.rated::INTEGER AS rated,
      a.csat_mean::DOUBLE AS csat_mean, a.csat_score::DOUBLE AS csat_score,
      a.response_median::DOUBLE AS response_median, a.response_p90::DOUBLE AS response_p90,
      a.resolution_median::DOUBLE AS resolution_median, a.resolution_p90::DOUBLE AS resolution_p90,
      a.unanswered::INTEGER AS unanswered, a.open::INTEGER AS open
    FROM agg a ${orderGroup ? 'LEFT JOIN o USING (grp)' : ', o'} ORDER BY a.grp`;
}

/** What a support chart compares across groups: contact rate, CSAT %, median first response or resolution time. */
export const SUPPORT_MEASURES = ['rate', 'csat', 'response', 'resolution'] as const;
export type SupportMeasure = (typeof SUPPORT_MEASURES)[number];

/** A group's value of a measure (null when it has none: no orders, no rated or answered ticket). */
export function supportValue(row: SupportRow, measure: SupportMeasure): number | null {
  if (measure === 'rate') return row.per_1000_orders;
  if (measure === 'csat') return row.csat_score;
  return measure === 'response' ? row.response_median : row.resolution_median;
}

/**
 * The groups worst first: the highest contact rate or time, the lowest CSAT; groups without a value last; months
 * in their order. Ties by group.
 */
export function supportWorstFirst(
  rows: readonly SupportRow[],
  measure: SupportMeasure,
  by: SupportGroup,
): SupportRow[] {
  if (by === 'month') return [...rows].sort((a, b) => a.grp.localeCompare(b.grp));
  const sign = measure === 'csat' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [va, vb] = [supportValue(a, measure), supportValue(b, measure)];
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || a.grp.localeCompare(b.grp);
    return sign * (va - vb) || a.grp.localeCompare(b.grp);
  });
}
