// The least SQL the four views of the peer benchmark need: one statement per view, as Mosaic sends them, with no
// comparison period, no zero-filled buckets and no sessions, and filters written plainly, as Mosaic writes them
// (`tier IN ('gold', 'new')`; the kit compares its ENUM columns by code: src/metrics/filter-sql.ts). The benchmark
// runs it raw on each page's database after every filter change: the floor the kit's time is measured against
// (issue 18: kit ≤ 1.5 × this).
import type { FilterKey, FilterState } from '../../../src/data/filter-state.js';
import { date, strList } from '../../../src/metrics/sql.js';

/** The views both pages show, in the order the report lists them. */
export const VIEWS = ['trend', 'categories', 'tiers', 'kpis'] as const;
export type View = (typeof VIEWS)[number];

/** Where a page keeps its order lines, and how to count distinct customers there. */
export interface OrderLines {
  readonly table: string;
  /** A condition keeping completed lines, or null when the table holds nothing else. */
  readonly completed: string | null;
  /** The column counted for active customers (the kit keeps an integer key, faster to count than strings). */
  readonly customer: string;
  /** The column counted for orders (src/metrics/orders.ts: distinct orders, not lines). */
  readonly order: string;
}

/** The kit's date-sorted wide table (src/data/derived-tables.ts). */
export const KIT_ORDER_LINES: OrderLines = {
  table: 'mkt_orders',
  completed: `status = 'completed'`,
  customer: 'customer_key',
  order: 'order_key',
};

/** The Mosaic page's flat table: completed order lines only, joined with their dimensions at load. */
export const MOSAIC_ORDER_LINES: OrderLines = {
  table: 'orders',
  completed: null,
  customer: 'customer_id',
  order: 'order_id',
};

/** The filters the peer benchmark changes (peerInteractions), as plain SQL; `ignore` leaves one out. */
function plainPredicates(filters: FilterState, ignore: readonly FilterKey[]): string[] {
  const parts: string[] = [];
  if (filters.dateFrom) parts.push(`order_date >= ${date(filters.dateFrom)}`);
  if (filters.dateTo) parts.push(`order_date <= ${date(filters.dateTo)}`);
  const lists = { categories: 'category', tiers: 'tier', regions: 'region' } as const;
  for (const [key, column] of Object.entries(lists) as [keyof typeof lists, string][])
    if (!ignore.includes(key) && filters[key].length > 0) parts.push(`${column} IN ${strList(filters[key])}`);
  return parts;
}

/** The four statements for one filter state; the category view ignores the category filter, as both pages do. */
export function minimalSql(filters: FilterState, lines: OrderLines): Record<View, string> {
  const where = (ignore: readonly FilterKey[] = []) => {
    const parts = [...(lines.completed ? [lines.completed] : []), ...plainPredicates(filters, ignore)];
    return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  };
  const from = `FROM ${lines.table}`;
  return {
    trend: `SELECT order_date, sum(revenue)::DOUBLE AS gmv ${from} ${where()} GROUP BY order_date`,
    categories: `SELECT category, sum(revenue)::DOUBLE AS gmv ${from} ${where(['categories'])} GROUP BY category`,
    tiers: `SELECT date_trunc('month', order_date) AS month, tier, sum(revenue)::DOUBLE AS gmv ${from} ${where()} GROUP BY ALL`,
    kpis: `SELECT sum(revenue)::DOUBLE AS gmv, count(DISTINCT ${lines.order})::INTEGER AS orders, count(DISTINCT seller_id)::INTEGER AS sellers,
      count(DISTINCT ${lines.customer})::INTEGER AS customers ${from} ${where()}`,
  };
}
