import { EMPTY_FILTERS, type FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { date, num, str } from './sql.js';
import { COMPLETED } from './orders.js';

/** One row of the RFM rule table: inclusive score ranges for R, F and M. */
export interface RfmRule {
  readonly segment: string;
  readonly r: readonly [number, number];
  readonly f: readonly [number, number];
  readonly m: readonly [number, number];
}

/** The rfm R package's rule table (REFERENCE.md): the first matching row wins; anything else is "Others". */
export const RFM_RULES: readonly RfmRule[] = [
  { segment: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: 'Loyal Customers', r: [2, 5], f: [3, 5], m: [3, 5] },
  { segment: 'Potential Loyalist', r: [3, 5], f: [1, 3], m: [1, 3] },
  { segment: 'New Customers', r: [4, 5], f: [1, 1], m: [1, 1] },
  { segment: 'Promising', r: [3, 4], f: [1, 1], m: [1, 1] },
  { segment: 'Need Attention', r: [2, 3], f: [2, 3], m: [2, 3] },
  { segment: 'About To Sleep', r: [2, 3], f: [1, 2], m: [1, 2] },
  { segment: 'At Risk', r: [1, 2], f: [2, 5], m: [2, 5] },
  { segment: "Can't Lose Them", r: [1, 1], f: [4, 5], m: [4, 5] },
  { segment: 'Lost', r: [1, 2], f: [1, 2], m: [1, 2] },
];
export const OTHER_SEGMENT = 'Others';
/** Every segment name the rules can produce, in rule order, "Others" last. */
export const RFM_SEGMENTS: readonly string[] = [...RFM_RULES.map((r) => r.segment), OTHER_SEGMENT];

export interface RfmOptions {
  /**
   * Last day of the window, `YYYY-MM-DD`; recency is counted to it. Defaults to the filter's `dateTo`, else the
   * last order day in the data.
   */
  readonly end?: string | null;
  /** Leave the rows unsorted (inside an aggregate, where sorting 10⁵ customers would be wasted). */
  readonly unordered?: boolean;
  /**
   * Instead of scanning `mkt_orders`: a SELECT giving each customer's `customer_id`, `recency`, `frequency` and
   * `monetary` as defined below (the segments table reads them from mkt_customer_facts, built before mkt_orders).
   */
  readonly per?: string;
}

/** The window end as SQL: the given day, else the filter's last day, else the data's last order day. */
export function windowEnd(filters: FilterState, end?: string | null): string {
  const day = end ?? filters.dateTo;
  return day ? date(day) : `(SELECT max(order_date) FROM mkt_orders)`;
}

/** The rule table as one CASE expression over r_score, f_score, m_score. */
export function rfmSegmentCase(): string {
  const between = (col: string, [lo, hi]: readonly [number, number]) => `${col} BETWEEN ${num(lo)} AND ${num(hi)}`;
  const whens = RFM_RULES.map(
    (rule) =>
      `WHEN ${between('r_score', rule.r)} AND ${between('f_score', rule.f)} AND ${between('m_score', rule.m)} THEN ${str(rule.segment)}`,
  );
  return `CASE ${whens.join(' ')} ELSE ${str(OTHER_SEGMENT)} END`;
}

/** The quintile breaks: the 20th, 40th, 60th and 80th percentiles. */
const BREAKS = [0.2, 0.4, 0.6, 0.8];

/**
 * A 1–5 score of `column` against its quintile breaks `q` (a list of four): 1 + the number of breaks the value
 * exceeds, or 5 − that number when `descending` (recency: fewer days, higher score).
 */
function scoreSql(column: string, q: string, descending = false): string {
  const above = BREAKS.map((_, k) => `(${column} > ${q}[${k + 1}])::INTEGER`).join(' + ');
  return `(${descending ? 5 : 1} ${descending ? '-' : '+'} (${above}))::INTEGER`;
}

/**
 * One row per customer with a completed order in the filtered window:
 * - `recency`: days from the customer's last purchase to the window end (0 = bought on the last day);
 * - `frequency`: distinct purchase *days* (order lines of one day are one basket, as in the BG/NBD data);
 * - `monetary`: revenue of the completed order lines;
 * - `r_score`, `f_score`, `m_score`: quintile scores 1–5 (5 = most recent / most frequent / most spent), the rfm
 *   R package's way: the breaks are the 20th, 40th, 60th and 80th percentiles of the customers' values (linear
 *   interpolation, R's default quantile type 7, DuckDB's quantile_cont), and a score is 1 + the number of breaks
 *   the value exceeds (for recency 5 − that number). A value equal to a break takes the lower score.
 *   Ties: every customer with the same value gets the same score, whatever the ids or the row order. When one
 *   value covers several quintiles (most customers buy once), the breaks coincide and scores are skipped: on
 *   repeat-poor data frequency is 1 for everyone who bought once and 5 for everyone who bought again, and a group
 *   is larger than a fifth. (The package adds 1 to each break, the same thing for whole days and counts; money is
 *   compared with the break itself.) The element says when a score lumps most customers together
 *   (rfmSegmentStats' `ties`);
 * - `segment`: the first matching row of {@link RFM_RULES}, else "Others".
 * The segment filter is ignored here (a customer's segment cannot depend on the segment being filtered).
 */
export function rfmSql(filters: FilterState, options: RfmOptions = {}): string {
  const where = [COMPLETED, ...predicates(filters, { ignore: ['segment'] })];
  const q = (column: string) => `quantile_cont(${column}, [${BREAKS.join(', ')}])`;
  const per =
    options.per ??
    `SELECT customer_id, date_diff('day', max(order_date), ${windowEnd(filters, options.end)})::INTEGER AS recency,
        count(DISTINCT order_date)::INTEGER AS frequency, sum(revenue)::DOUBLE AS monetary
      FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY customer_id`;
  return `WITH per AS (${per}), breaks AS (
      SELECT ${q('recency')} AS rq, ${q('frequency')} AS fq, ${q('monetary')} AS mq FROM per
    ), scored AS (
      SELECT per.*, ${scoreSql('recency', 'rq', true)} AS r_score, ${scoreSql('frequency', 'fq')} AS f_score,
        ${scoreSql('monetary', 'mq')} AS m_score
      FROM per, breaks
    )
    SELECT customer_id, recency, frequency, monetary, r_score, f_score, m_score, ${rfmSegmentCase()} AS segment
    FROM scored ${options.unordered ? '' : 'ORDER BY customer_id'}`;
}

/** Customers, revenue, mean frequency and mean recency per rules-based segment, largest first. */
export function rfmSegmentSummarySql(filters: FilterState, options: RfmOptions = {}): string {
  return `SELECT segment, count(*)::INTEGER AS customers, sum(monetary)::DOUBLE AS revenue,
      (sum(monetary) / sum(sum(monetary)) OVER ())::DOUBLE AS revenue_share,
      avg(frequency)::DOUBLE AS avg_frequency, avg(recency)::DOUBLE AS avg_recency
    FROM (${rfmSql(filters, { ...options, unordered: true })}) GROUP BY segment ORDER BY customers DESC, segment`;
}

/**
 * The table behind the `segment` filter: each customer's segment over *all* the data (no filters; recency to
 * the last order day), copied into mkt_orders and mkt_sessions as their `segment` column. It is built once after load, so cross-filtering by segment selects the same customers
 * whatever else is filtered; the segments widget shows segments of the filtered window and says when the two
 * can differ.
 */
export function customerSegmentsTableSql(): string {
  // The customers with a completed line, recency counted to the last order day of any status (as the data's end).
  const per = `SELECT customer_id,
      date_diff('day', last_order_date, (SELECT max(order_date) FROM transactions))::INTEGER AS recency,
      frequency, monetary
    FROM mkt_customer_facts WHERE last_order_date IS NOT NULL`;
  return `CREATE OR REPLACE TABLE mkt_customer_segments AS
    SELECT customer_id, segment, r_score, f_score, m_score FROM (${rfmSql(EMPTY_FILTERS, { unordered: true, per })})`;
}
