import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { productPerformanceSql, type ProductRow } from '../../src/metrics/products.js';
import { kpiPeriods } from '../../src/metrics/kpis.js';
import { productMovers, rankProducts } from '../../src/models/product-ranking.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

const both = { withSessions: true, withReviews: true };

describe('product performance SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  const march = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01', dateTo: '2025-03-31' });
  const periods = kpiPeriods(march, '2025-02-10', '2025-03-25');

  it('productPerformanceSql() gives GMV, units, returns, rating and conversion, now and in the prior period', async () => {
    // Prior period as the KPIs: the 31 days before March, 29 January – 28 February.
    expect(periods.prior).to.deep.equal({ from: '2025-01-29', to: '2025-02-28' });
    const rows = await sql<ProductRow>(engine, productPerformanceSql(march, periods, both));
    // March completed: p1 L5 L7 L12 (300, 3 units, orders o4 o5 o8); p2 L6 20, L9 40 ×2, L14 20 (80, 4 units);
    // p3 L15 100 ×2 (L11 cancelled is not delivered); p4 L8 L13 L16 (30; L10 returned: 1 of 4 delivered).
    // Prior: p1 L1 100; p2 L3 20; p3 L4 returned (no GMV); p4 L2 20 ×2.
    // March reviews: L5 4★ (p1), L9 2★ (p2), L15 4★ (p3). Sessions touching each product in March and buying it:
    // p1 S1 (bought) S2 S4; p2 S1 S3 (both bought); p3 S4 S5 (bought) S7; p4 S3 (bought).
    expect(
      rows.map((r) => [
        r.product_id,
        r.name,
        r.category,
        r.gmv,
        r.gmv_prior,
        r.units,
        r.units_prior,
        r.orders,
        r.delivered,
        r.returned,
        r.reviews,
        r.rating,
        r.sessions,
        r.purchase_sessions,
      ]),
    ).to.deep.equal([
      ['p1', 'Headphones', 'Electronics', 300, 100, 3, 1, 3, 3, 0, 1, 4, 3, 1],
      ['p3', 'Robot', 'Toys', 100, 0, 2, 0, 1, 1, 0, 1, 4, 3, 1],
      ['p2', 'Novel', 'Books', 80, 20, 4, 1, 3, 3, 0, 1, 2, 2, 2],
      ['p4', 'Cable', 'Electronics', 30, 20, 3, 2, 3, 4, 1, 0, null, 1, 1],
    ]);
  });

  it('productPerformanceSql() lists a product seen in sessions without a sale in the window', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-11', dateTo: '2025-02-13' });
    const rows = await sql<ProductRow>(
      engine,
      productPerformanceSql(f, kpiPeriods(f, '2025-02-10', '2025-03-25'), both),
    );
    // 11–13 February: no sale; S6 (12 Feb) views p1 and p4. Prior period 8–10 February: o1 (p1 100, p4 20).
    expect(rows.map((r) => [r.product_id, r.gmv, r.gmv_prior, r.sessions, r.purchase_sessions])).to.deep.equal([
      ['p1', 0, 100, 1, 0],
      ['p4', 0, 20, 1, 0],
    ]);
  });

  it('productPerformanceSql() without sessions or reviews leaves conversion and rating unknown', async () => {
    const rows = await sql<ProductRow>(
      engine,
      productPerformanceSql(march, periods, { withSessions: false, withReviews: false }),
    );
    expect(rows.map((r) => [r.product_id, r.gmv, r.reviews, r.rating, r.sessions])).to.deep.equal([
      ['p1', 300, null, null, null],
      ['p3', 100, null, null, null],
      ['p2', 80, null, null, null],
      ['p4', 30, null, null, null],
    ]);
  });

  it('productPerformanceSql() filters by the product’s category and the customer’s region', async () => {
    const f = applyFilterPatch(march, { categories: ['Electronics'], regions: ['California'] });
    const rows = await sql<ProductRow>(engine, productPerformanceSql(f, periods, both));
    // California customers c1, c5. Electronics lines in March: c1's L5 (p1, o4); c5's L10 (p4, returned).
    // Prior: c1's L1 (p1 100) and L2 (p4 20). Sessions by California customers: S1 (c1: p1 bought), S3 (c5: p4 bought).
    expect(rows.map((r) => [r.product_id, r.gmv, r.gmv_prior, r.delivered, r.returned, r.sessions])).to.deep.equal([
      ['p1', 100, 100, 1, 0, 1],
      ['p4', 0, 20, 1, 1, 1],
    ]);
  });

  it('productPerformanceSql() filters sessions by two categories and two tiers of the product they touch', async () => {
    const f = applyFilterPatch(march, { categories: ['Electronics', 'Toys'], tiers: ['gold', 'new'] });
    const rows = await sql<ProductRow>(engine, productPerformanceSql(f, periods, both));
    // Gold s1 sells p1 and p4 (Electronics), new s3 sells p3 (Toys); p2 (silver, Books) is out. Sales and sessions
    // as in the first test: p1 300 (prior 100), 3 sessions, 1 bought; p3 100 (prior 0), 3 and 1; p4 30 (prior 20), 1
    // and 1.
    expect(rows.map((r) => [r.product_id, r.gmv, r.gmv_prior, r.sessions, r.purchase_sessions])).to.deep.equal([
      ['p1', 300, 100, 3, 1],
      ['p3', 100, 0, 3, 1],
      ['p4', 30, 20, 1, 1],
    ]);
  });

  it('ranks the shop’s products and finds the movers (the SQL rows feed the model)', async () => {
    const rows = await sql<ProductRow>(engine, productPerformanceSql(march, periods, both));
    const ids = (ranked: { row: ProductRow }[]) => ranked.map((x) => x.row.product_id);
    expect(ids(rankProducts(rows, 'gmv', { direction: 'best', limit: 2 }))).to.deep.equal(['p1', 'p3']);
    // Conversion with at least 2 sessions: p2 2/2, then p1 and p3 at 1/3 (by name: Headphones, Robot); p4 has 1.
    expect(ids(rankProducts(rows, 'conversion', { direction: 'best', limit: 5, minVolume: 2 }))).to.deep.equal([
      'p2',
      'p1',
      'p3',
    ]);
    // Movers: p1 +200, p3 +100, p2 +60, p4 +10; nothing fell.
    const { gainers, losers } = productMovers(rows, 3);
    expect(gainers.map((m) => [m.row.product_id, m.change, m.relative])).to.deep.equal([
      ['p1', 200, 2],
      ['p3', 100, null],
      ['p2', 60, 3],
    ]);
    expect(losers).to.deep.equal([]);
  });
});
