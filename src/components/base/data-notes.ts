import type { OrderUnit } from '../../metrics/orders.js';

/**
 * The short reasons an element shows, visibly and in the same words everywhere, when the dataset lacks what a
 * figure needs (not only in a hover tooltip: a touch screen has none).
 */
export const NEEDS_PAGE_EVENTS = 'Needs page events, which this dataset does not have';
export const NO_SESSIONS_IN_SCOPE = 'No sessions in this selection';
/** Shown beside order figures when the order lines carry no `order_id`. */
export const LINES_AS_ORDERS = 'No order ids in this data: each order line counts as one order';

/** The name of an order figure: "Orders", or "Order lines" when the lines carry no `order_id` (each is an order). */
export function ordersLabel(unit: OrderUnit): string {
  return unit === 'line' ? 'Order lines' : 'Orders';
}

/** A count of orders in words, "3 orders", or "3 order lines" when the data has no order ids. */
export function ordersPhrase(n: number, formatted: string, unit: OrderUnit): string {
  const noun = unit === 'line' ? 'order line' : 'order';
  return `${formatted} ${n === 1 ? noun : `${noun}s`}`;
}
