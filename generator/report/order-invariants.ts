/**
 * Invariants of orders, payments and returns: the lines of an order share its customer and day, and the orders
 * table has one row per order (with line-less cancellations only as `cancelled` rows); each order's payments add up
 * to its lines' revenue; exactly the returned lines have one return, dated after delivery, refunding at most the
 * line; every purchase event names an order of the same customer and day.
 */
import { days, numbers, strings, type Tables } from './columns.js';
import type { Violations } from './invariants.js';

export function orderViolations(tables: Tables, end: number, v: Violations): void {
  const tx = tables.transactions;
  const ids = strings(tx, 'id');
  const orderId = strings(tx, 'order_id');
  const customer = strings(tx, 'customer_id');
  const day = days(tx, 'order_date');
  const revenue = numbers(tx, 'revenue');
  const status = strings(tx, 'status');
  const delivery = numbers(tx, 'delivery_days');
  const orders = new Map<string, { customer: string | null; day: number; total: number }>();
  for (let i = 0; i < tx.numRows; i++) {
    const id = orderId[i];
    v.check(id !== null, 'every generated line has an order_id', () => `${ids[i]}`);
    if (id === null) continue;
    const order = orders.get(id);
    if (!order) orders.set(id, { customer: customer[i], day: day[i], total: revenue[i] });
    else {
      v.check(
        order.customer === customer[i] && order.day === day[i],
        'lines of an order share customer and day',
        () => id,
      );
      order.total += revenue[i];
    }
  }

  const ot = tables.orders;
  const otIds = strings(ot, 'id');
  const otCustomer = strings(ot, 'customer_id');
  const otDay = days(ot, 'order_date');
  const otStatus = strings(ot, 'status');
  const listed = new Set<string>();
  for (let i = 0; i < ot.numRows; i++) {
    const id = otIds[i]!;
    listed.add(id);
    const order = orders.get(id);
    if (!order) {
      v.check(otStatus[i] === 'cancelled', 'an order without lines is cancelled', () => id);
      continue;
    }
    v.check(order.customer === otCustomer[i] && order.day === otDay[i], 'orders row = its lines', () => id);
  }
  for (const id of orders.keys()) v.check(listed.has(id), 'every order has an orders row', () => id);

  const paid = new Map<string, number>();
  const pOrder = strings(tables.payments, 'order_id');
  const pValue = numbers(tables.payments, 'value');
  const pInstallments = numbers(tables.payments, 'installments');
  for (let i = 0; i < tables.payments.numRows; i++) {
    const id = pOrder[i]!;
    v.check(orders.has(id), 'payment of an order with lines', () => id);
    v.check(pValue[i] > 0 && pInstallments[i] >= 1, 'payment value > 0, instalments >= 1', () => id);
    paid.set(id, (paid.get(id) ?? 0) + pValue[i]);
  }
  for (const [id, order] of orders) {
    v.check(
      Math.abs((paid.get(id) ?? 0) - order.total) < 0.005 * Math.max(1, order.total) + 0.011,
      "an order's payments add up to its lines' revenue",
      () => `${id}: ${paid.get(id)} vs ${order.total}`,
    );
  }

  const line = new Map(ids.map((id, i) => [id!, i]));
  const rt = tables.returns;
  const rtLine = strings(rt, 'transaction_id');
  const rtDay = days(rt, 'return_date');
  const refunded = numbers(rt, 'refunded');
  const returned = new Set<number>();
  for (let i = 0; i < rt.numRows; i++) {
    const t = line.get(rtLine[i]!);
    v.check(t !== undefined && status[t] === 'returned', 'a return is of a returned line', () => `${rtLine[i]}`);
    if (t === undefined) continue;
    v.check(!returned.has(t), 'one return per returned line', () => `${ids[t]}`);
    returned.add(t);
    v.check(
      rtDay[i] > day[t] + delivery[t] && rtDay[i] <= end,
      'return after delivery, within the data',
      () => `${ids[t]}`,
    );
    v.check(refunded[i] > 0 && refunded[i] <= revenue[t] + 1e-9, '0 < refunded <= revenue', () => `${ids[t]}`);
  }
  status.forEach((s, t) =>
    v.check(s !== 'returned' || returned.has(t), 'a returned line has a return', () => `${ids[t]}`),
  );

  const pe = tables.page_events;
  const type = strings(pe, 'event_type');
  const eOrder = strings(pe, 'order_id');
  const eCustomer = strings(pe, 'customer_id');
  const eTime = numbers(pe, 'event_time');
  for (let i = 0; i < pe.numRows; i++) {
    if (type[i] !== 'purchase') {
      v.check(eOrder[i] === null, 'only purchase events carry an order_id', () => `event row ${i}`);
      continue;
    }
    const order = eOrder[i] === null ? undefined : orders.get(eOrder[i]!);
    v.check(
      order !== undefined && order.customer === eCustomer[i] && order.day === Math.floor(eTime[i] / 86_400_000),
      'a purchase event names an order of its customer and day',
      () => `event row ${i}`,
    );
  }
}
