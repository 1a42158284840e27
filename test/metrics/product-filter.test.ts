import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { categoryPerformanceSql } from '../../src/metrics/category-performance.js';
import { supportSql, type SupportRow } from '../../src/metrics/support.js';
import { productNamesSql } from '../../src/metrics/products.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

// The `products` filter on each fact table: order lines by their product, sessions by their first product (as the
// category filter), tickets by the product of the ticket's order line (of the seller it names).
describe('the product filter on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());
  const novel = applyFilterPatch(EMPTY_FILTERS, { products: ['p2'] });

  it('selects the order lines and first-product sessions of the product', async () => {
    const rows = await sql(engine, categoryPerformanceSql(novel, { withSessions: true }));
    // Completed p2 (Novel, Books) lines: L3 20 (o2), L6 20 (o4), L9 40 (o6), L14 20 (o8): GMV 100 over 4 orders.
    // Sessions whose first event is on p2: S3 only (S1 opens on p1), and it purchased.
    expect(rows.map((r) => [r.category, r.gmv, r.orders, r.sessions, r.purchases])).to.deep.equal([
      ['Books', 100, 4, 1, 1],
    ]);
  });

  it('selects the tickets about an order line of the product', async () => {
    const [all] = await sql<SupportRow>(engine, supportSql(novel));
    // tk2 (o4, seller s2: L6 p2) and tk4 (o8, s2: L14 p2); tk1 is about p3, tk3 about p4 (s1's L10), tk5 no order.
    // Orders with a p2 line (any outcome): o2 o4 o6 o8. CSAT: tk2 4, tk4 unrated.
    expect([all.tickets, all.orders, all.per_1000_orders, all.rated, all.csat_mean]).to.deep.equal([2, 4, 500, 1, 4]);
  });

  it('productNamesSql() names the products of a filter, and treats ids as values', async () => {
    expect(await sql(engine, productNamesSql(['p2', 'p1']))).to.deep.equal([
      { id: 'p1', name: 'Headphones' },
      { id: 'p2', name: 'Novel' },
    ]);
    expect(await sql(engine, productNamesSql(["p1' OR 1=1 --"]))).to.deep.equal([]);
    expect(await sql(engine, productNamesSql([]))).to.deep.equal([]);
  });
});
