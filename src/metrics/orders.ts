/**
 * How the kit counts orders. An order is the lines of mkt_orders that share an `order_key` (the dataset's
 * `transactions.order_id`; a line without one is its own order), so every "orders" figure is a count of distinct
 * keys, never of rows: an order of three lines is one order, and its GMV is the sum of its lines.
 * Within a filter, an order counts when at least one of its lines matches (an order that spans two categories
 * counts once in each, and once in the total).
 */
export function orderCount(condition?: string): string {
  return `count(DISTINCT order_key)${condition ? ` FILTER (WHERE ${condition})` : ''}`;
}

/**
 * The lines that count towards GMV: the completed ones of mkt_orders. The status is compared as its ENUM type
 * (mkt_status), in about half the time of the plain string, which DuckDB-WASM compares row by row as VARCHAR.
 */
export const COMPLETED = `status = 'completed'::mkt_status`;

/**
 * The lines that were shipped: completed or returned. Compared by the ENUM's codes: written as
 * `status IN ('completed', 'returned')` every row's status is cast to text (4.3 ms against 3.8 over scale 1's
 * lines), and with the ENUM values themselves DuckDB-WASM took 9.5 ms.
 */
export const SHIPPED = `enum_code(status) IN (enum_code('completed'::mkt_status), enum_code('returned'::mkt_status))`;

/**
 * The number of distinct values of an integer key (`order_key`, `customer_key`), exactly: a bitstring spanning the
 * key's range (from the column's statistics) takes about half the time of count(DISTINCT) on DuckDB. Only where the
 * groups are few (none, payment methods, FEW_GROUPS categories): each holds a bitstring as long as the key's range
 * (175 kB at scale 10).
 */
export function distinctKeys(column: string, condition?: string): string {
  return `coalesce(bit_count(bitstring_agg(${column})${condition ? ` FILTER (WHERE ${condition})` : ''}), 0)`;
}

/** The unit the order figures of a dataset count: orders when its lines carry order ids, else lines. */
export type OrderUnit = 'order' | 'line';

export function orderUnit(info: { readonly orderIds: boolean } | null | undefined): OrderUnit {
  return info?.orderIds ? 'order' : 'line';
}

/** The most groups whose orders are counted with a bitstring each (ordersPerGroup): 11 MB at scale 10. */
export const FEW_GROUPS = 64;

/**
 * Orders per group of a GROUP BY over `groups` groups at most: a bitstring per group when they are few (at scale 10,
 * 42 ms against 114 for count(DISTINCT) over 13 categories), else count(DISTINCT), whose memory does not grow with
 * the number of groups.
 */
export function ordersPerGroup(groups: number | undefined, condition?: string): string {
  return groups !== undefined && groups <= FEW_GROUPS ? distinctKeys('order_key', condition) : orderCount(condition);
}
