import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { firstOfEachId, num, str, strList } from './sql.js';
import { SHIPPED } from './orders.js';

/**
 * "Customers who bought X also bought Y": item-to-item association rules over baskets, computed in DuckDB.
 *
 * A **basket** is an order (`order_key`, src/metrics/orders.ts; a line without an order id is its own order, so data
 * without order ids has no pairs) or, with `basket: 'customer'`, everything one customer bought in the filtered
 * window. An **item** is a product or, with `level: 'category'`, a category. Bought = a completed or returned line
 * (returned items were still bought together); cancelled lines are not. With n baskets, n_X of them holding X and
 * n_XY holding both:
 * - support(X → Y) = n_XY / n; confidence(X → Y) = n_XY / n_X (the share of X's baskets that also hold Y);
 * - lift(X → Y) = confidence / (n_Y / n) = n_XY · n / (n_X · n_Y): above 1, Y is bought with X more often than its
 *   own popularity explains.
 * Pairs seen in fewer than `minCount` baskets (default 2) are left out: one basket is an anecdote.
 */
export const CO_PURCHASE_REQUIRE = ['mkt_orders'] as const;

export interface CoPurchaseOptions {
  readonly level?: 'product' | 'category';
  readonly basket?: 'order' | 'customer';
  /** Smallest number of baskets holding both items (default 2). */
  readonly minCount?: number;
}

export type AssociationRow = {
  /** The item bought (antecedent) and the item bought with it (consequent): product ids or categories. */
  readonly x: string;
  readonly y: string;
  /** Product names (the categories themselves at category level). */
  readonly x_name: string;
  readonly y_name: string;
  /** Baskets holding both. */
  readonly together: number;
  readonly support: number;
  readonly confidence: number;
  readonly lift: number;
};

/** The baskets and the items in them, their number `n` and each item's number of baskets `k`. */
function basketsCte(filters: FilterState, options: CoPurchaseOptions): string {
  const basket = options.basket === 'customer' ? 'customer_key' : 'order_key';
  const item = options.level === 'category' ? 'category::VARCHAR' : 'product_id';
  const where = [SHIPPED, 'product_id IS NOT NULL', ...predicates(filters)];
  return `lines AS (
      SELECT DISTINCT ${basket} AS basket, ${item} AS item FROM mkt_orders WHERE ${where.join(' AND ')}
    ), n AS (SELECT count(DISTINCT basket)::DOUBLE AS n FROM lines),
    items AS (SELECT item, count(*)::DOUBLE AS k FROM lines GROUP BY item)`;
}

function rulesCte(filters: FilterState, options: CoPurchaseOptions, onlyX: string | null): string {
  const minCount = num(Math.max(1, Math.round(options.minCount ?? 2)));
  return `${basketsCte(filters, options)},
    pairs AS (
      SELECT a.item AS x, b.item AS y, count(*) AS together FROM lines a JOIN lines b ON a.basket = b.basket AND a.item <> b.item
      ${onlyX === null ? '' : `WHERE a.item = ${onlyX}`}
      GROUP BY ALL HAVING count(*) >= ${minCount}
    ), rules AS (
      SELECT p.x, p.y, p.together::INTEGER AS together, (p.together / n.n)::DOUBLE AS support, (p.together / ix.k)::DOUBLE AS confidence,
        (p.together * n.n / (ix.k * iy.k))::DOUBLE AS lift
      FROM pairs p, n JOIN items ix ON ix.item = p.x JOIN items iy ON iy.item = p.y
    )`;
}

function nameOf(options: CoPurchaseOptions, item: 'x' | 'y' | 'item'): string {
  const alias = item === 'item' ? 'name' : `${item}_name`;
  return options.level === 'category'
    ? `${item} AS ${alias}`
    : `coalesce((SELECT name FROM ${firstOfEachId('products')} p WHERE p.id = ${item}), ${item}) AS ${alias}`;
}

/**
 * The items bought with `item` (a product id, or a category at category level), highest confidence first (then
 * lift, then item); or, with `item` null, the pairs seen most often. At most `limit` rows.
 */
export function coPurchaseSql(
  filters: FilterState,
  item: string | null,
  options: CoPurchaseOptions & { readonly limit?: number } = {},
): string {
  const limit = num(Math.max(1, Math.round(options.limit ?? 20)));
  const order = item === null ? 'together DESC, lift DESC, x, y' : 'confidence DESC, lift DESC, y';
  return `WITH ${rulesCte(filters, options, item === null ? null : str(item))}
    SELECT x, y, ${nameOf(options, 'x')}, ${nameOf(options, 'y')}, together, support, confidence, lift
    FROM rules ORDER BY ${order} LIMIT ${limit}`;
}

export type NextBestRow = {
  readonly customer_id: string;
  readonly rank: number;
  /** The suggested item (product id or category) and its name. */
  readonly y: string;
  readonly y_name: string;
  /** The item the customer bought that suggests it. */
  readonly x: string;
  readonly confidence: number;
  readonly lift: number;
};

/**
 * Next best products for some customers (an early-warning list, say): the items they have not bought in the
 * filtered window that their own purchases point to, by the strongest rule X → Y among the items X they bought
 * (highest confidence, then lift, then item), keeping only rules with lift above 1. `perCustomer` suggestions each
 * (default 1); a customer whose items are in no rule gets none.
 */
export function nextBestProductsSql(
  filters: FilterState,
  customerIds: readonly string[],
  options: CoPurchaseOptions & { readonly perCustomer?: number } = {},
): string {
  if (customerIds.length === 0) {
    return `SELECT NULL::VARCHAR AS customer_id, 0 AS rank, NULL::VARCHAR AS y, NULL::VARCHAR AS y_name,
      NULL::VARCHAR AS x, 0::DOUBLE AS confidence, 0::DOUBLE AS lift WHERE false`;
  }
  const item = options.level === 'category' ? 'category::VARCHAR' : 'product_id';
  const per = num(Math.max(1, Math.round(options.perCustomer ?? 1)));
  const where = [SHIPPED, 'product_id IS NOT NULL', `customer_id IN ${strList(customerIds)}`, ...predicates(filters)];
  return `WITH ${rulesCte(filters, options, null)},
    owned AS (SELECT DISTINCT customer_id, ${item} AS item FROM mkt_orders WHERE ${where.join(' AND ')}),
    candidates AS (
      SELECT o.customer_id, r.y, r.x, r.confidence, r.lift
      FROM owned o JOIN rules r ON r.x = o.item
      WHERE r.lift > 1 AND NOT EXISTS (SELECT 1 FROM owned b WHERE b.customer_id = o.customer_id AND b.item = r.y)
      QUALIFY row_number() OVER (PARTITION BY o.customer_id, r.y ORDER BY r.confidence DESC, r.lift DESC, r.x) = 1
    )
    SELECT customer_id, row_number() OVER (PARTITION BY customer_id ORDER BY confidence DESC, lift DESC, y)::INTEGER AS rank,
      y, ${nameOf(options, 'y')}, x, confidence, lift
    FROM candidates QUALIFY rank <= ${per} ORDER BY customer_id, rank`;
}

export type BasketItemRow = {
  readonly item: string;
  readonly name: string;
  /** Baskets holding the item, and all the baskets. */
  readonly baskets: number;
  readonly n: number;
};

/** The items in the most baskets (most first, then by item), and the number of baskets: what to ask about. */
export function basketItemsSql(
  filters: FilterState,
  options: CoPurchaseOptions & { readonly limit?: number } = {},
): string {
  const limit = num(Math.max(1, Math.round(options.limit ?? 30)));
  return `WITH ${basketsCte(filters, options)}
    SELECT item, ${nameOf(options, 'item')}, k::INTEGER AS baskets, n.n::INTEGER AS n FROM items, n
    ORDER BY k DESC, item LIMIT ${limit}`;
}

/**
 * The rules of the most frequent pairs (`coPurchaseSql` without an item) with each pair once: the direction of the
 * higher confidence (the first listed on a tie). Both directions share support and lift.
 */
export function onePerPair<R extends Pick<AssociationRow, 'x' | 'y' | 'confidence'>>(rules: readonly R[]): R[] {
  const kept = new Map<string, R>();
  for (const r of rules) {
    const key = JSON.stringify([r.x, r.y].sort());
    const seen = kept.get(key);
    if (!seen || r.confidence > seen.confidence) kept.set(key, r);
  }
  return rules.filter((r) => kept.get(JSON.stringify([r.x, r.y].sort())) === r);
}
