/**
 * Storefront sessions of one day. page_events is a sampled clickstream: a share of the orders (see
 * `trackedOrderShare`) get a purchase session, and browsing-only sessions are added so that the session
 * funnel follows FUNNEL (cart 8.5% of sessions, checkout 50% of carts, purchase 70% of checkouts, about 3%
 * session conversion). In a purchase session every bought product is viewed, added to the cart and
 * checked out, in that order, before its purchase event; all events of a session fall on its day.
 */
import { HOUR_WEIGHTS, msOfDay } from './calendar.js';
import { FUNNEL, KNOWN_VISITOR_SHARE } from './params.js';
import { cumulate, type Rng } from './random.js';
import { TRAFFIC_SOURCES, type EventType } from '../../src/schema/tables.js';

export type TrafficSource = (typeof TRAFFIC_SOURCES)[number];

export interface PurchaseVisit {
  readonly customer: number;
  readonly products: readonly number[];
  /** The order the session placed: its purchase events carry it. */
  readonly orderId: string;
  /** The campaign credited with the order: the session came through its link. */
  readonly campaign?: { readonly id: string; readonly channel: TrafficSource };
}

export interface SessionEvent {
  product: number;
  type: EventType;
  time: number;
}

export interface Session {
  start: number;
  /** -1 for an anonymous visitor. */
  customer: number;
  source: TrafficSource;
  events: SessionEvent[];
  /** The order placed, on a purchase session. */
  orderId?: string;
  /** The campaign whose link started it (its source is then the campaign's channel). */
  campaign?: string;
}

const HOURS = cumulate(HOUR_WEIGHTS);
const BROWSING_SOURCES = cumulate([0.22, 0.32, 0.16, 0.14, 0.07, 0.09]);
const BUYING_SOURCES = cumulate([0.3, 0.27, 0.15, 0.06, 0.15, 0.07]);
const MEAN_EXTRA_VIEWS = (1 - 0.45) / 0.45;

const conversion = FUNNEL.cart * FUNNEL.checkout * FUNNEL.purchase;
const checkoutAbandon = (FUNNEL.cart * FUNNEL.checkout * (1 - FUNNEL.purchase)) / (1 - conversion);
const cartAbandon = (FUNNEL.cart * (1 - FUNNEL.checkout)) / (1 - conversion);

/** Expected events per session, to size the clickstream from its row target. */
export function eventsPerSession(linesPerOrder: number): number {
  const views = 1 + MEAN_EXTRA_VIEWS;
  const browsing = views + checkoutAbandon * 2 + cartAbandon;
  return (1 - conversion) * browsing + conversion * (4 * linesPerOrder + 1);
}

/** Browsing-only sessions and the share of orders that get a purchase session, for an event target. */
export function sessionBudget(eventTarget: number, orders: number, linesPerOrder: number) {
  const sessions = eventTarget / eventsPerSession(linesPerOrder);
  const purchaseSessions = Math.min(orders, sessions * conversion);
  return {
    browsingSessions: Math.round(purchaseSessions * (1 / conversion - 1)),
    trackedOrderShare: orders > 0 ? purchaseSessions / orders : 0,
  };
}

function timeline(
  day: number,
  steps: Omit<SessionEvent, 'time'>[],
  rng: Rng,
): { start: number; events: SessionEvent[] } {
  const gaps = steps.map((_, i) => (i === 0 ? 0 : rng.int(8_000, 150_000)));
  const duration = gaps.reduce((a, b) => a + b, 0);
  const dayStart = msOfDay(day);
  let start = dayStart + rng.pickCumulative(HOURS) * 3_600_000 + rng.int(0, 3_599_999);
  start = Math.min(start, dayStart + 86_400_000 - 1 - duration);
  let t = start;
  return { start, events: steps.map((step, i) => ({ ...step, time: (t += gaps[i]) })) };
}

export function browsingSession(day: number, customerCount: number, pickProduct: () => number, rng: Rng): Session {
  const viewed: number[] = [];
  const views = 1 + Math.min(14, rng.geometric(0.45));
  for (let i = 0; i < views; i++) viewed.push(pickProduct());
  const steps: Omit<SessionEvent, 'time'>[] = viewed.map((product) => ({ product, type: 'view' }));
  const r = rng.next();
  if (r < checkoutAbandon + cartAbandon) {
    const product = rng.pick(viewed);
    steps.push({ product, type: 'add_to_cart' });
    if (r < checkoutAbandon) steps.push({ product, type: 'checkout_start' });
  }
  const known = customerCount > 0 && rng.chance(KNOWN_VISITOR_SHARE);
  const { start, events } = timeline(day, steps, rng);
  return {
    start,
    customer: known ? rng.int(0, customerCount - 1) : -1,
    source: TRAFFIC_SOURCES[rng.pickCumulative(BROWSING_SOURCES)],
    events,
  };
}

export function purchaseSession(day: number, visit: PurchaseVisit, pickProduct: () => number, rng: Rng): Session {
  const viewed = [...visit.products];
  const extra = Math.min(10, rng.geometric(0.5));
  for (let i = 0; i < extra; i++) viewed.push(pickProduct());
  const steps: Omit<SessionEvent, 'time'>[] = rng.shuffle(viewed).map((product) => ({ product, type: 'view' }));
  for (const type of ['add_to_cart', 'checkout_start', 'purchase'] as const) {
    for (const product of visit.products) steps.push({ product, type });
  }
  const { start, events } = timeline(day, steps, rng);
  const source = TRAFFIC_SOURCES[rng.pickCumulative(BUYING_SOURCES)];
  return {
    start,
    customer: visit.customer,
    source: visit.campaign?.channel ?? source,
    events,
    orderId: visit.orderId,
    ...(visit.campaign ? { campaign: visit.campaign.id } : {}),
  };
}
