import type { FilterState } from '../data/filter-state.js';
import { addDays, predicates } from './filter-sql.js';
import { date, num } from './sql.js';
import { COMPLETED } from './orders.js';

/**
 * Customer churn, month by month. At each reference date d (the first day of a month):
 * - **active** = customers with a completed purchase in the N days before d, [d − N, d);
 * - **churned** = those of them with no completed purchase in the N days from d, [d, d + N);
 * - **churn rate** = churned / active.
 * Reference dates are the month starts inside the filtered window whose look-back and look-ahead both fit
 * in the data (d − N ≥ first order day, d + N − 1 ≤ last order day); the two N-day windows may reach outside
 * the date filter, never outside the data. The other filters (category, tier, region, cohort, segment) decide
 * which purchases count as activity.
 */
export interface ChurnOptions {
  /** N, the activity window in days. */
  readonly days: number;
  /** Reference dates, `YYYY-MM-DD`, from {@link churnReferenceDates}. */
  readonly refDates: readonly string[];
  /** Pool the reference dates and break the rate down by RFM segment or by cohort instead. */
  readonly by?: 'segment' | 'cohort';
}

/** Month starts d in [from, to] with d − N ≥ minDate and d + N − 1 ≤ maxDate. */
export function churnReferenceDates(
  from: string,
  to: string,
  minDate: string,
  maxDate: string,
  days: number,
): string[] {
  const out: string[] = [];
  let d = `${from.slice(0, 7)}-01`;
  if (d < from) d = nextMonth(d);
  for (; d <= to; d = nextMonth(d)) {
    if (addDays(d, -days) >= minDate && addDays(d, days - 1) <= maxDate) out.push(d);
  }
  return out;
}

function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Active and churned customers per reference date (`ref_date`, `active`, `churned`, `rate`), or with `by`, per
 * segment / cohort pooled over the reference dates (`grp`, `customers`, `active`, `churned`, `rate`): pooled, `active`
 * and `churned` count customer-dates (a customer active at three reference dates counts three times), and
 * `customers` the distinct customers behind them, so that "35% of 28.2K" can say "28.2K customer-months of 7.4K
 * customers". Segments are those of
 * `mkt_customer_segments` (over all the data, copied into mkt_orders); a customer's cohort is the month of their
 * first purchase.
 */
export function churnSql(filters: FilterState, { days, refDates, by }: ChurnOptions): string {
  if (refDates.length === 0) {
    return by
      ? `SELECT NULL::VARCHAR AS grp, 0 AS customers, 0 AS active, 0 AS churned, NULL::DOUBLE AS rate WHERE false`
      : `SELECT NULL::VARCHAR AS ref_date, 0 AS active, 0 AS churned, NULL::DOUBLE AS rate WHERE false`;
  }
  const n = num(Math.max(1, Math.round(days)));
  const sorted = [...refDates].sort();
  // Only the days some reference date looks at: the fact table is sorted by date, so the rest is skipped unread.
  const where = [
    COMPLETED,
    `order_date >= ${date(sorted[0])} - ${n}`,
    `order_date < ${date(sorted[sorted.length - 1])} + ${n}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  const group = by === 'segment' ? `coalesce(a.segment, 'Others')` : by === 'cohort' ? 'a.cohort' : null;
  const perGroup = group ? `, ${group} AS grp` : '';
  const per = `SELECT r.d, a.customer_key${perGroup},
        bool_or(a.order_date < r.d) AS was_active, bool_or(a.order_date >= r.d) AS came_back
      FROM refs r JOIN act a ON a.order_date >= r.d - ${n} AND a.order_date < r.d + ${n}
      GROUP BY ALL`;
  const customers = group ? `count(DISTINCT customer_key) FILTER (WHERE was_active)::INTEGER AS customers, ` : '';
  const counts = `${customers}count(*) FILTER (WHERE was_active)::INTEGER AS active,
      count(*) FILTER (WHERE was_active AND NOT came_back)::INTEGER AS churned,
      (count(*) FILTER (WHERE was_active AND NOT came_back) / nullif(count(*) FILTER (WHERE was_active), 0))::DOUBLE AS rate`;
  // A reference date with no active customer still gets its row (0 active, rate null).
  const select = group
    ? `SELECT grp, ${counts} FROM per GROUP BY grp HAVING count(*) FILTER (WHERE was_active) > 0 ORDER BY grp`
    : `, agg AS (SELECT d, ${counts} FROM per GROUP BY d)
      SELECT strftime(r.d, '%Y-%m-%d') AS ref_date, coalesce(agg.active, 0)::INTEGER AS active,
        coalesce(agg.churned, 0)::INTEGER AS churned, agg.rate
      FROM refs r LEFT JOIN agg ON agg.d = r.d ORDER BY r.d`;
  return `WITH refs AS (SELECT unnest([${refDates.map(date).join(', ')}]) AS d),
    act AS (SELECT DISTINCT customer_key, order_date, cohort, segment FROM mkt_orders WHERE ${where.join(' AND ')}),
    per AS (${per})
    ${select}`;
}

/**
 * The purchase cycle: gaps in days between consecutive completed purchase days of each customer (`gap_days`, `gaps`:
 * how many), over the whole history whatever the date filter (a month's filter would cut every gap short), with the
 * other filters deciding which purchases count. Same-day purchases are one purchase day. Feeds `churnWindow()`
 * (src/models/churn-window.ts).
 */
export function interPurchaseGapsSql(filters: FilterState): string {
  const where = [COMPLETED, ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] })];
  return `WITH days AS (SELECT DISTINCT customer_key, order_date FROM mkt_orders WHERE ${where.join(' AND ')}),
    gaps AS (
      SELECT date_diff('day', lag(order_date) OVER (PARTITION BY customer_key ORDER BY order_date), order_date) AS gap
      FROM days
    )
    SELECT gap::INTEGER AS gap_days, count(*)::INTEGER AS gaps FROM gaps WHERE gap IS NOT NULL GROUP BY gap ORDER BY gap`;
}
