/**
 * Funnel invariants of page_events: keys exist, events fall in the date range, a session keeps one visitor
 * and one traffic source, and every purchase is preceded in its session by a view, an add_to_cart and a
 * checkout_start of the same product and matches an order line (customer, product, day).
 */
import type { Violations } from './invariants.js';
import { MS_PER_DAY, type Tables } from './columns.js';
import { sessionRows } from './funnel.js';

export interface OrderLookup {
  start: number;
  end: number;
  customers: Map<string, number>;
  products: Map<string, number>;
  orderDay: Int32Array;
  txCustomer: number[];
  txProduct: number[];
  status: (string | null)[];
}

const PRECEDING = ['view', 'add_to_cart', 'checkout_start'];

export function funnelOrderViolations(tables: Tables, lookup: OrderLookup, v: Violations): void {
  const lines = new Set<string>();
  for (let i = 0; i < lookup.orderDay.length; i++) {
    lines.add(`${lookup.txCustomer[i]}|${lookup.txProduct[i]}|${lookup.orderDay[i]}`);
  }
  const g = sessionRows(tables.page_events);
  for (const [session, rows] of g.rows) {
    const first = rows[0];
    for (const i of rows) {
      const day = Math.floor(g.time[i] / MS_PER_DAY);
      v.check(day >= lookup.start && day <= lookup.end, 'event_time within the date range', () => session);
      v.check(
        g.customer[i] === g.customer[first] && g.source[i] === g.source[first],
        'one visitor and source per session',
        () => session,
      );
      v.check(
        g.customer[i] === null || lookup.customers.has(g.customer[i]!),
        'page_events.customer_id exists',
        () => session,
      );
      v.check(
        g.product[i] === null || lookup.products.has(g.product[i]!),
        'page_events.product_id exists',
        () => session,
      );
      if (g.type[i] !== 'purchase') continue;
      for (const step of PRECEDING) {
        const before = rows.some((j) => g.type[j] === step && g.product[j] === g.product[i] && g.time[j] < g.time[i]);
        v.check(before, `purchase preceded by ${step} of the product`, () => session);
      }
      const key = `${lookup.customers.get(g.customer[i] ?? '') ?? -1}|${lookup.products.get(g.product[i] ?? '') ?? -1}|${day}`;
      v.check(lines.has(key), 'purchase event matches an order line', () => session);
    }
  }
}
