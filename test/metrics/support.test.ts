import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { supportSql, type SupportRow } from '../../src/metrics/support.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

const r6 = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

describe('support SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  it('supportSql() gives the contact rate, CSAT and median / p90 response and resolution times', async () => {
    const [all] = await sql<SupportRow>(engine, supportSql(EMPTY_FILTERS));
    // 5 tickets over 10 orders (o1..o10, any outcome): 500 per 1,000 orders.
    // CSAT answers 2, 4, 5, 3: mean 3.5; 4 or 5: 2 of 4 = 50 %.
    // First responses 0.5, 1, 2, 24, 48 h: median 2; p90 at rank 0.9 × 4 = 3.6: 24 + 0.6 × (48 − 24) = 38.4.
    // Resolutions 3, 12, 48, 48 h (tk4 open): median (12 + 48) / 2 = 30; p90 at 0.9 × 3 = 2.7: 48 + 0.7 × 0 = 48.
    expect({ ...all, per_1000_orders: r6(all.per_1000_orders), response_p90: r6(all.response_p90) }).to.deep.equal({
      grp: 'All',
      tickets: 5,
      orders: 10,
      per_1000_orders: 500,
      rated: 4,
      csat_mean: 3.5,
      csat_score: 0.5,
      response_median: 2,
      response_p90: 38.4,
      resolution_median: 30,
      resolution_p90: 48,
      unanswered: 0,
      open: 1,
    });
  });

  it('supportSql() compares tickets with the orders of each seller tier', async () => {
    const rows = await sql<SupportRow>(engine, supportSql(EMPTY_FILTERS, 'tier'));
    // gold (s1): tk3 over o1 o4 o5 o6 o8 o10 = 6 orders; new (s3): tk1 over o3 o7 o9; silver (s2): tk2 tk4 over
    // o2 o4 o6 o8. tk5 names no order or seller: (unknown), no orders.
    expect(rows.map((r) => [r.grp, r.tickets, r.orders, r6(r.per_1000_orders), r.csat_mean])).to.deep.equal([
      ['(unknown)', 1, 0, null, 3],
      ['gold', 1, 6, 166.666667, 5],
      ['new', 1, 3, 333.333333, 2],
      ['silver', 2, 4, 500, 4],
    ]);
  });

  it('supportSql() gives the (unknown) tier no contact rate: its tickets and its orders are not about each other', async () => {
    // o11: a cancelled order with no line (the optional orders table), so of no seller: the (unknown) tier's one order.
    const { engine: e2, close: c2 } = await openEngine(
      analyticsShop({
        rows: { orders: [{ id: 'o11', customer_id: 'c2', order_date: '2025-03-26', status: 'cancelled' }] },
      }),
    );
    try {
      const rows = await sql<SupportRow>(e2, supportSql(EMPTY_FILTERS, 'tier'));
      // tk5 (about no order) over o11 would read 1,000 per 1,000 orders.
      expect(rows.map((r) => [r.grp, r.tickets, r.orders, r6(r.per_1000_orders)])[0]).to.deep.equal([
        '(unknown)',
        1,
        1,
        null,
      ]);
    } finally {
      await c2();
    }
  });

  it('supportSql() gives a ticket the category of its seller’s lines in the order', async () => {
    const rows = await sql<SupportRow>(engine, supportSql(EMPTY_FILTERS, 'category'));
    // tk2 (o4, s2: L6 Books), tk4 (o8, s2: L14 Books), tk3 (o6, s1: L10 Electronics), tk1 (o3: Toys).
    expect(rows.map((r) => [r.grp, r.tickets, r.orders])).to.deep.equal([
      ['(unknown)', 1, 0],
      ['Books', 2, 4],
      ['Electronics', 1, 6],
      ['Toys', 1, 3],
    ]);
  });

  it('supportSql() by reason shares the total orders; by month counts the orders of the month', async () => {
    const reasons = await sql<SupportRow>(engine, supportSql(EMPTY_FILTERS, 'reason'));
    expect(reasons.map((r) => [r.grp, r.tickets, r.orders])).to.deep.equal([
      ['account question', 1, 10],
      ['damaged item', 1, 10],
      ['late delivery', 1, 10],
      ['return or refund', 1, 10],
      ['where is my order', 1, 10],
    ]);
    const months = await sql<SupportRow>(engine, supportSql(EMPTY_FILTERS, 'month'));
    // February: tk1 over o1 o2 o3; March: tk2..tk5 over o4..o10.
    expect(months.map((r) => [r.grp, r.tickets, r.orders, r.csat_mean])).to.deep.equal([
      ['2025-02', 1, 3, 2],
      ['2025-03', 4, 7, 4],
    ]);
  });

  it('supportSql() follows the date and region filters', async () => {
    const march = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01', dateTo: '2025-03-31' });
    const [m] = await sql<SupportRow>(engine, supportSql(march));
    // tk2..tk5: responses 0.5, 1, 24, 48: median 12.5; p90 at 2.7: 24 + 0.7 × 24 = 40.8; 4 tickets / 7 orders.
    expect([m.tickets, m.orders, r6(m.per_1000_orders), m.response_median, r6(m.response_p90)]).to.deep.equal([
      4, 7, 571.428571, 12.5, 40.8,
    ]);
    const texas = applyFilterPatch(EMPTY_FILTERS, { regions: ['Texas'] });
    const [t] = await sql<SupportRow>(engine, supportSql(texas));
    // Texas customers c2, c3, c6: tickets tk1 (c3), tk4 (c6), tk5 (c2); orders o2 o3 o7 o8 o9.
    expect([t.tickets, t.orders]).to.deep.equal([3, 5]);
  });

  it('supportSql() refuses an unknown group', () => {
    expect(() => supportSql(EMPTY_FILTERS, 'seller; DROP TABLE x' as never)).to.throw(TypeError);
  });
});
