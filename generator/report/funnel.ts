/** Session funnel of page_events: which steps each session reached, and whether purchases were preceded. */
import type { Table } from 'apache-arrow';
import { numbers, strings } from './columns.js';

export interface FunnelReport {
  sessions: number;
  eventsPerSession: number;
  anonymousSessionShare: number;
  /** Share of sessions reaching each step (any product). */
  reached: { view: number; add_to_cart: number; checkout_start: number; purchase: number };
  viewToCart: number;
  cartToCheckout: number;
  checkoutToPurchase: number;
  sessionConversion: number;
  conversionBySource: Record<string, number>;
}

export interface SessionRows {
  /** Row indices of each session, in file order. */
  readonly rows: Map<string, number[]>;
  readonly type: string[];
  readonly product: (string | null)[];
  readonly customer: (string | null)[];
  readonly source: string[];
  readonly time: Float64Array;
}

export function sessionRows(events: Table): SessionRows {
  const session = strings(events, 'session_id') as string[];
  const rows = new Map<string, number[]>();
  session.forEach((id, i) => {
    const list = rows.get(id);
    if (list) list.push(i);
    else rows.set(id, [i]);
  });
  return {
    rows,
    type: strings(events, 'event_type') as string[],
    product: strings(events, 'product_id'),
    customer: strings(events, 'customer_id'),
    source: strings(events, 'traffic_source') as string[],
    time: numbers(events, 'event_time'),
  };
}

const STEPS = ['view', 'add_to_cart', 'checkout_start', 'purchase'] as const;

export function funnelReport(events: Table, grouped = sessionRows(events)): FunnelReport {
  const reached = { view: 0, add_to_cart: 0, checkout_start: 0, purchase: 0 };
  let anonymous = 0;
  let cartAndCheckout = 0;
  let checkoutAndPurchase = 0;
  const bySource: Record<string, { sessions: number; purchases: number }> = {};
  for (const rows of grouped.rows.values()) {
    const types = new Set(rows.map((i) => grouped.type[i]));
    for (const step of STEPS) if (types.has(step)) reached[step]++;
    if (types.has('add_to_cart') && types.has('checkout_start')) cartAndCheckout++;
    if (types.has('checkout_start') && types.has('purchase')) checkoutAndPurchase++;
    if (grouped.customer[rows[0]] === null) anonymous++;
    const source = (bySource[grouped.source[rows[0]]] ??= { sessions: 0, purchases: 0 });
    source.sessions++;
    if (types.has('purchase')) source.purchases++;
  }
  const sessions = grouped.rows.size;
  const rate = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    sessions,
    eventsPerSession: rate(events.numRows, sessions),
    anonymousSessionShare: rate(anonymous, sessions),
    reached: {
      view: rate(reached.view, sessions),
      add_to_cart: rate(reached.add_to_cart, sessions),
      checkout_start: rate(reached.checkout_start, sessions),
      purchase: rate(reached.purchase, sessions),
    },
    viewToCart: rate(reached.add_to_cart, reached.view),
    cartToCheckout: rate(cartAndCheckout, reached.add_to_cart),
    checkoutToPurchase: rate(checkoutAndPurchase, reached.checkout_start),
    sessionConversion: rate(reached.purchase, sessions),
    conversionBySource: Object.fromEntries(
      Object.keys(bySource)
        .sort()
        .map((s) => [s, rate(bySource[s].purchases, bySource[s].sessions)]),
    ),
  };
}
