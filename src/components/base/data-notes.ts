/**
 * The short reasons an element shows, visibly and in the same words everywhere, when the dataset lacks what a
 * figure needs (not only in a hover tooltip: a touch screen has none).
 */
export const NEEDS_PAGE_EVENTS = 'Needs page events, which this dataset does not have';
export const NO_SESSIONS_IN_SCOPE = 'No sessions in this selection';
/** Shown beside order figures when the order lines carry no `order_id`. */
export const LINES_AS_ORDERS = 'No order ids in this data: each order line counts as one order';
