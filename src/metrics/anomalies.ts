import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { COMPLETED, SHIPPED, orderCount } from './orders.js';
import { date, num } from './sql.js';
import type { Window } from './revenue-trend.js';

/**
 * Daily series for anomaly detection, each for the whole selection (`dim` = 'all', `slice` = 'All'), per product
 * category (`dim` = 'category') and per seller tier (`dim` = 'tier'), in one scan with GROUPING SETS. Days with
 * no rows are absent (the caller fills them with zeros).
 */
const SLICES = `CASE WHEN GROUPING(category) = 0 THEN 'category' WHEN GROUPING(tier) = 0 THEN 'tier' ELSE 'all' END AS dim,
  CASE WHEN GROUPING(category) = 0 THEN coalesce(category, 'Unknown') WHEN GROUPING(tier) = 0 THEN coalesce(tier, 'unknown') ELSE 'All' END AS slice`;
const SETS = (day: string) => `GROUPING SETS ((${day}), (${day}, category), (${day}, tier))`;

/**
 * Per slice and day: `gmv` and `orders` (completed orders), `shipped` (orders with a completed or returned line)
 * and `late` (of them, with a line shipped late): GMV, orders and the late-shipment rate late / shipped.
 */
export function dailyOrderSeriesSql(filters: FilterState, window: Window): string {
  const where = [
    `order_date BETWEEN ${date(window.from)} AND ${date(window.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  return `SELECT ${SLICES}, strftime(order_date, '%Y-%m-%d') AS day,
      coalesce(sum(revenue) FILTER (WHERE ${COMPLETED}), 0)::DOUBLE AS gmv,
      ${orderCount(COMPLETED)}::INTEGER AS orders,
      ${orderCount(SHIPPED)}::INTEGER AS shipped,
      ${orderCount(`${SHIPPED} AND was_late`)}::INTEGER AS late
    FROM mkt_orders WHERE ${where.join(' AND ')}
    GROUP BY ${SETS('order_date')} ORDER BY dim, slice, day`;
}

/** Per slice and day: `sessions` and `purchases` (sessions with a purchase): the conversion rate. */
export function dailySessionSeriesSql(filters: FilterState, window: Window): string {
  const where = [
    `session_date BETWEEN ${date(window.from)} AND ${date(window.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'], dateColumn: 'session_date' }),
  ];
  return `SELECT ${SLICES}, strftime(session_date, '%Y-%m-%d') AS day,
      count(*)::INTEGER AS sessions, count(*) FILTER (WHERE purchased)::INTEGER AS purchases
    FROM mkt_sessions WHERE ${where.join(' AND ')}
    GROUP BY ${SETS('session_date')} ORDER BY dim, slice, day`;
}

/**
 * Seller churn per slice and ISO week (Monday to Sunday; `day` is the Monday): `active` = sellers with a completed
 * sale that week, `churned` = those of them whose last completed sale (over all the data the non-date filters
 * select) fell in that week. Churn is too rare an event to score per day. Only whole weeks inside the window that
 * end at least `quietDays` before the data's last day `dataEnd` are returned: a seller quiet for less than that
 * cannot be called churned yet.
 */
export function weeklySellerChurnSql(filters: FilterState, window: Window, dataEnd: string, quietDays = 30): string {
  const common = [COMPLETED, `seller_id IS NOT NULL`, ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] })];
  const lastJudged = `least(${date(window.to)}, ${date(dataEnd)} - ${num(Math.max(1, Math.round(quietDays)))})`;
  return `WITH o AS (SELECT seller_id, order_date, category, tier FROM mkt_orders WHERE ${common.join(' AND ')}),
    last AS (SELECT seller_id, date_trunc('week', max(order_date))::DATE AS last_week FROM o GROUP BY seller_id),
    d AS (
      SELECT DISTINCT o.seller_id, date_trunc('week', o.order_date)::DATE AS week, o.category, o.tier,
        (l.last_week = date_trunc('week', o.order_date)::DATE) AS is_last
      FROM o JOIN last l USING (seller_id)
    )
    SELECT ${SLICES}, strftime(week, '%Y-%m-%d') AS day,
      count(DISTINCT seller_id)::INTEGER AS active,
      count(DISTINCT seller_id) FILTER (WHERE is_last)::INTEGER AS churned
    FROM d WHERE week >= ${date(window.from)} AND week + 6 <= ${lastJudged}
    GROUP BY ${SETS('week')} ORDER BY dim, slice, day`;
}
