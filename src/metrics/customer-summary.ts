import type { FilterKey, FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { date } from './sql.js';
import { COMPLETED } from './orders.js';

export interface CustomerSummaryOptions {
  /** Calibration end, `YYYY-MM-DD` (inclusive): orders after it are ignored, T is counted to it. */
  readonly end: string;
  /** Filters deliberately ignored (the segments widget ignores `segment`). */
  readonly ignore?: readonly FilterKey[];
}

/**
 * One row per customer with a completed order in the filtered window up to `end`, in the BG/NBD conventions of
 * the CDNOW data (Fader, Hardie & Lee 2005):
 * - order lines of one customer on one day are one purchase (their revenue summed), and so are several orders
 *   of one day: repeat purchases are distinct purchase days, whatever `order_id` says, as in the CDNOW summary;
 * - `x`: repeat purchases = purchase days − 1; `tx`: weeks from the first to the last purchase day;
 *   `T`: weeks from the first purchase day to `end` (the calibration period is the filtered window, and a
 *   customer is "born" at their first purchase inside it);
 * - `mx`: mean value of the repeat purchases (the first excluded), 0 when x = 0;
 * - `monetary`: all revenue in the window; `recency_days`: days from the last purchase to `end`.
 */
export function customerSummarySql(filters: FilterState, { end, ignore = [] }: CustomerSummaryOptions): string {
  const where = [COMPLETED, `order_date <= ${date(end)}`, ...predicates(filters, { ignore: [...ignore, 'dateTo'] })];
  if (filters.dateTo && !ignore.includes('dateTo') && filters.dateTo < end)
    where.push(`order_date <= ${date(filters.dateTo)}`);
  return `WITH days AS (
      SELECT customer_id, order_date, sum(revenue)::DOUBLE AS amount
      FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY customer_id, order_date
    )
    SELECT customer_id, (count(*) - 1)::INTEGER AS x,
      (date_diff('day', min(order_date), max(order_date)) / 7)::DOUBLE AS tx,
      (date_diff('day', min(order_date), ${date(end)}) / 7)::DOUBLE AS T,
      coalesce((sum(amount) - arg_min(amount, order_date)) / nullif(count(*) - 1, 0), 0)::DOUBLE AS mx,
      sum(amount)::DOUBLE AS monetary,
      date_diff('day', max(order_date), ${date(end)})::INTEGER AS recency_days
    FROM days GROUP BY customer_id ORDER BY customer_id`;
}
