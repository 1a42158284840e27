import type { FilterState } from '../data/filter-state.js';
import { UNKNOWN } from '../data/derived-tables.js';
import { predicates } from './filter-sql.js';
import type { KpiPeriods } from './kpis.js';
import { COMPLETED, SHIPPED, orderCount } from './orders.js';
import { date, firstOfEachId, strList } from './sql.js';
import type { ProductFigures } from '../models/product-ranking.js';

/**
 * Product performance over the KPI periods (src/metrics/kpis.ts `kpiPeriods()`: the filtered window and the period of
 * equal length just before it), one row per product with a line or a session in either:
 * - `gmv` / `gmv_prior`, `units` / `units_prior`: revenue and quantity of completed lines; `orders`: completed
 *   orders with the product (current period);
 * - `delivered`, `returned`: lines delivered (completed or returned) and returned → return rate = returned / delivered;
 * - `reviews`, `rating` (mean stars of the reviews of the period's lines; null without reviews);
 * - `sessions`, `purchase_sessions` (with page events): sessions of the period with an event on the product, and those
 *   that purchased it → conversion = purchase sessions / sessions. Null without page events.
 * Category and tier filters select the product's own category and seller tier; region, cohort and segment the
 * customer's (of the order, or of the session).
 */
export const PRODUCTS_REQUIRE = ['mkt_orders'] as const;
export const PRODUCTS_USE = ['mkt_sessions'] as const;

/** One product's figures (those the ranking reads, src/models/product-ranking.ts) and where it sits. */
export type ProductRow = ProductFigures & {
  readonly category: string;
  readonly seller_id: string | null;
  readonly units_prior: number;
  readonly orders: number;
};

export interface ProductOptions {
  readonly withSessions: boolean;
  readonly withReviews: boolean;
}

function sessionsCte(filters: FilterState, periods: KpiPeriods): string {
  const { from, to } = periods.current;
  const where = predicates(filters, { dateColumn: 'session_date', range: periods.current });
  return `, touched AS (
      SELECT session_id, product_id, bool_or(event_type = 'purchase') AS bought FROM page_events
      WHERE product_id IS NOT NULL AND event_time >= ${date(from)} AND event_time < ${date(to)} + 1 GROUP BY ALL
    ), ses AS (
      SELECT product_id, count(*) AS sessions, count(*) FILTER (WHERE bought) AS purchase_sessions FROM (
        SELECT t.product_id, t.bought, s.session_date, s.region, s.cohort, s.segment,
          coalesce(p.category, '${UNKNOWN}')::mkt_category AS category,
          coalesce(sl.tier, '${UNKNOWN}')::mkt_tier AS tier
        FROM touched t JOIN mkt_sessions s USING (session_id)
        LEFT JOIN ${firstOfEachId('products')} p ON p.id = t.product_id
        LEFT JOIN ${firstOfEachId('sellers')} sl ON sl.id = p.seller_id
      ) ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY product_id
    )`;
}

/** Sales, returns, ratings and conversion of every product active in the current or prior period. */
export function productPerformanceSql(filters: FilterState, periods: KpiPeriods, options: ProductOptions): string {
  const { current, prior } = periods;
  const cur = `order_date BETWEEN ${date(current.from)} AND ${date(current.to)}`;
  const before = `order_date BETWEEN ${date(prior.from)} AND ${date(prior.to)}`;
  const where = [
    'product_id IS NOT NULL',
    `order_date BETWEEN ${date(prior.from)} AND ${date(current.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  const done = COMPLETED;
  const sales = `SELECT product_id,
      coalesce(sum(revenue) FILTER (WHERE ${cur} AND ${done}), 0) AS gmv,
      coalesce(sum(revenue) FILTER (WHERE ${before} AND ${done}), 0) AS gmv_prior,
      coalesce(sum(quantity) FILTER (WHERE ${cur} AND ${done}), 0) AS units,
      coalesce(sum(quantity) FILTER (WHERE ${before} AND ${done}), 0) AS units_prior,
      ${orderCount(`${cur} AND ${done}`)} AS orders,
      count(*) FILTER (WHERE ${cur} AND ${SHIPPED}) AS delivered,
      count(*) FILTER (WHERE ${cur} AND status = 'returned'::mkt_status) AS returned,
      coalesce(sum(review_count) FILTER (WHERE ${cur}), 0) AS reviews,
      sum(rating_sum) FILTER (WHERE ${cur}) AS rating_sum
    FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY product_id`;
  const sessions = options.withSessions ? sessionsCte(filters, periods) : '';
  const join = options.withSessions ? 'FULL OUTER JOIN ses s USING (product_id)' : '';
  const count = (column: string) => `coalesce(o.${column}, 0)`;
  return `WITH sales AS (${sales})${sessions}
    SELECT product_id, coalesce(p.name, product_id) AS name, coalesce(p.category, '${UNKNOWN}') AS category,
      p.seller_id, ${count('gmv')}::DOUBLE AS gmv, ${count('gmv_prior')}::DOUBLE AS gmv_prior,
      ${count('units')}::INTEGER AS units, ${count('units_prior')}::INTEGER AS units_prior,
      ${count('orders')}::INTEGER AS orders, ${count('delivered')}::INTEGER AS delivered,
      ${count('returned')}::INTEGER AS returned,
      ${options.withReviews ? `${count('reviews')}::INTEGER` : 'NULL::INTEGER'} AS reviews,
      ${options.withReviews ? '(o.rating_sum / nullif(o.reviews, 0))::DOUBLE' : 'NULL::DOUBLE'} AS rating,
      ${options.withSessions ? 'coalesce(s.sessions, 0)::INTEGER' : 'NULL::INTEGER'} AS sessions,
      ${options.withSessions ? 'coalesce(s.purchase_sessions, 0)::INTEGER' : 'NULL::INTEGER'} AS purchase_sessions
    FROM sales o ${join} LEFT JOIN ${firstOfEachId('products')} p ON p.id = product_id
    ORDER BY gmv DESC, product_id`;
}

/** The names of some products (`id`, `name`), for labels: a product filter holds ids. */
export function productNamesSql(ids: readonly string[]): string {
  if (ids.length === 0) return `SELECT NULL::VARCHAR AS id, NULL::VARCHAR AS name WHERE false`;
  return `SELECT id, name FROM ${firstOfEachId('products')} WHERE id IN ${strList(ids)} ORDER BY name, id`;
}
