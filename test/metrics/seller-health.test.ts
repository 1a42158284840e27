import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { analyticsShop, SHOP } from '../fixtures/analytics-shop.js';
import { sellerHealthSql, sellerMonthlySql, type SellerHealthRow } from '../../src/metrics/seller-health.js';
import { churnPeriods, sellerChurnSql } from '../../src/metrics/seller-churn.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

// The tiny marketplace has no support tickets: their counts are unknown, not zero.
const NO_TICKETS = { tickets: null, late_responses: null, rated_tickets: null, dissatisfied: null };

describe('Seller health and churn SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  it('sellerHealthSql() counts defects, late shipments, cancellations and reviews per seller', async () => {
    const rows = await sql<SellerHealthRow>(engine, sellerHealthSql(EMPTY_FILTERS, { withReviews: true }));
    // No order ids in the tiny marketplace: each line is an order. A defect is an order with a 1–2 star review.
    // s1: t1 t5 t7 completed on time, one 5-star review (0.8). s2: t2, t3 late with a 2-star review (-0.5): one
    // defect. s3: t4 returned (1 star, -0.9: a defect and a return), t6 cancelled (not a defect), t8 late (4 stars,
    // 0.3): one defect, shipped t4 and t8, one late.
    expect(rows.map((r) => ({ ...r, sentiment_sum: Math.round(r.sentiment_sum! * 1000) / 1000 }))).to.deep.equal([
      {
        seller_id: 's1',
        name: 'Volt Works',
        tier: 'gold',
        status: 'active',
        orders: 3,
        defects: 0,
        returned: 0,
        shipped: 3,
        late: 0,
        cancelled: 0,
        reviews: 1,
        rating_sum: 5,
        sentiment_sum: 0.8,
        revenue: 300,
        ...NO_TICKETS,
      },
      {
        seller_id: 's2',
        name: 'Paper Lane',
        tier: 'silver',
        status: 'active',
        orders: 2,
        defects: 1,
        returned: 0,
        shipped: 2,
        late: 1,
        cancelled: 0,
        reviews: 1,
        rating_sum: 2,
        sentiment_sum: -0.5,
        revenue: 60,
        ...NO_TICKETS,
      },
      {
        seller_id: 's3',
        name: 'Toy Barn',
        tier: 'new',
        status: 'churned',
        orders: 3,
        defects: 1,
        returned: 1,
        shipped: 2,
        late: 1,
        cancelled: 1,
        reviews: 2,
        rating_sum: 5,
        sentiment_sum: -0.6,
        revenue: 100,
        ...NO_TICKETS,
      },
    ]);
  });

  it('sellerHealthSql() without reviews leaves the defect count unknown (defects are negative reviews)', async () => {
    const rows = await sql<SellerHealthRow>(engine, sellerHealthSql(EMPTY_FILTERS, { withReviews: false }));
    expect(rows.map((r) => [r.seller_id, r.defects, r.reviews, r.cancelled])).to.deep.equal([
      ['s1', null, null, 0],
      ['s2', null, null, 0],
      ['s3', null, null, 1],
    ]);
  });

  it('sellerHealthSql() counts only the order lines the filters select', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    const rows = await sql<SellerHealthRow>(engine, sellerHealthSql(f, { withReviews: true }));
    // February: s1 t5; s2 t3 (late, 2 stars); s3 t4 (returned, 1 star) and t6 (cancelled).
    expect(rows.map((r) => [r.seller_id, r.orders, r.defects, r.late, r.revenue])).to.deep.equal([
      ['s1', 1, 0, 0, 100],
      ['s2', 1, 1, 1, 20],
      ['s3', 2, 1, 0, 0],
    ]);
  });

  it('sellerMonthlySql() gives one seller month by month', async () => {
    const rows = await sql(engine, sellerMonthlySql(EMPTY_FILTERS, 's3', { withReviews: true }));
    // s3: February t4 (returned, 1 star: the defect) + t6 (cancelled); March t8 (late, completed, 100; 4 stars).
    expect(rows.map((r) => [r.month, r.orders, r.defects, r.shipped, r.late, r.cancelled, r.revenue])).to.deep.equal([
      ['2025-02', 2, 1, 1, 0, 1, 0],
      ['2025-03', 1, 0, 1, 1, 0, 100],
    ]);
  });

  it('sellerMonthlySql() treats a seller id with a quote as a value', async () => {
    const rows = await sql(engine, sellerMonthlySql(EMPTY_FILTERS, "s1' OR 1=1 --", { withReviews: true }));
    expect(rows).to.have.length(0);
  });

  it('churnPeriods() splits the window into a base period and the last N days', () => {
    // 10 Jan – 10 Mar is 22 + 28 + 10 = 60 days; the last 30 start on 9 February. A 60-day churn needs a longer window.
    expect(churnPeriods({ from: '2025-01-10', to: '2025-03-10' }, 30)).to.deep.equal({
      base: { from: '2025-01-10', to: '2025-02-08' },
      recent: { from: '2025-02-09', to: '2025-03-10' },
    });
    expect(churnPeriods({ from: '2025-01-10', to: '2025-03-10' }, 60)).to.equal(null);
    expect(churnPeriods({ from: '2025-01-10', to: '2025-03-10' }, 59)!.base).to.deep.equal({
      from: '2025-01-10',
      to: '2025-01-10',
    });
  });

  it('sellerChurnSql() counts sellers active before the last N days without a completed sale in them', async () => {
    const window = { from: '2025-01-10', to: '2025-03-10' };
    const thirty = await sql(engine, sellerChurnSql(EMPTY_FILTERS, churnPeriods(window, 30)!));
    // Base 10 Jan – 8 Feb: s1 (t1), s2 (t2, t3). Last 30 days: s1 sells (t5, t7), s2 does not. s3's only completed
    // sale (t8) is in the last 30 days, so s3 was not active before and is not counted.
    expect(thirty).to.deep.equal([
      { tier: 'gold', active: 1, churned: 0 },
      { tier: 'silver', active: 1, churned: 1 },
    ]);
    const five = await sql(engine, sellerChurnSql(EMPTY_FILTERS, churnPeriods(window, 5)!));
    // Last 5 days 6–10 March: s1's last sale was 5 March, so it churned too.
    expect(five).to.deep.equal([
      { tier: 'gold', active: 1, churned: 1 },
      { tier: 'silver', active: 1, churned: 1 },
    ]);
  });
});

describe('Seller health with support tickets (analytics shop)', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  const ticketColumns = (r: SellerHealthRow) => [
    r.seller_id,
    r.tickets,
    r.late_responses,
    r.rated_tickets,
    r.dissatisfied,
  ];

  it('sellerHealthSql() counts each seller’s tickets, late answers and 1–2 star CSAT answers', async () => {
    const rows = await sql<SellerHealthRow>(
      engine,
      sellerHealthSql(EMPTY_FILTERS, { withReviews: true, withTickets: true }),
    );
    // s1: tk3 (answered in 0.5 h, CSAT 5). s2: tk2 (24 h: on time, CSAT 4), tk4 (48 h: late, no CSAT).
    // s3: tk1 (2 h, CSAT 2: dissatisfied). tk5 names no seller.
    expect(rows.map(ticketColumns)).to.deep.equal([
      ['s1', 1, 0, 1, 0],
      ['s2', 2, 1, 1, 0],
      ['s3', 1, 0, 1, 1],
    ]);
  });

  it('sellerHealthSql() counts tickets opened in the date filter, and an unanswered overdue ticket as late', async () => {
    const noAnswer = SHOP.support_tickets!.map((t) => (t.id === 'tk1' ? { ...t, first_response_at: null } : t));
    const { engine: e2, close: c2 } = await openEngine(analyticsShop({ rows: { support_tickets: noAnswer } }));
    try {
      const all = await sql<SellerHealthRow>(
        e2,
        sellerHealthSql(EMPTY_FILTERS, { withReviews: true, withTickets: true }),
      );
      // tk1 (22 Feb) was never answered and the latest ticket is from 15 March: overdue, so late.
      expect(all.map(ticketColumns)[2]).to.deep.equal(['s3', 1, 1, 1, 1]);
      const march = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01', dateTo: '2025-03-31' });
      const rows = await sql<SellerHealthRow>(e2, sellerHealthSql(march, { withReviews: true, withTickets: true }));
      // March: s3 has o7 (cancelled) and o9 but tk1 was opened in February.
      expect(rows.map(ticketColumns)).to.deep.equal([
        ['s1', 1, 0, 1, 0],
        ['s2', 2, 1, 1, 0],
        ['s3', 0, 0, 0, 0],
      ]);
    } finally {
      await c2();
    }
  });

  it('sellerMonthlySql() gives one seller’s tickets month by month', async () => {
    const rows = await sql<SellerHealthRow & { month: string }>(
      engine,
      sellerMonthlySql(EMPTY_FILTERS, 's2', { withReviews: true, withTickets: true }),
    );
    // s2 sold in February (o2) and March (o4, o6, o8); its tickets tk2 and tk4 were opened in March.
    expect(rows.map((r) => [r.month, r.orders, r.tickets, r.late_responses])).to.deep.equal([
      ['2025-02', 1, 0, 0],
      ['2025-03', 3, 2, 1],
    ]);
  });
});
