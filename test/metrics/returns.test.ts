import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import {
  returnChangeSql,
  rankReturns,
  returnRateChange,
  returnsSetsSql,
  returnsSql,
  type ReturnChangeRow,
  type ReturnSetRow,
  type ReturnRow,
} from '../../src/metrics/returns.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

const r4 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
const pick = (r: ReturnRow) => [
  r.grp,
  r.name,
  r.delivered,
  r.returned,
  r4(r.return_rate),
  r.delivered_revenue,
  r.returned_revenue,
  r.refunded,
];

// Delivered (completed or returned) lines: every line but L11 (cancelled): 15, worth 710. Returned: L4 (Toys, p3,
// s3, ordered in February, 50, refunded 50, damaged) and L10 (Electronics, p4, s1, March, 10, refunded 8.5, wrong size).
describe('returns SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  const withReturns = { withReturns: true };

  it('returnsSql() gives the return rate, returned revenue and refunds overall', async () => {
    const [all] = await sql<ReturnRow>(engine, returnsSql(EMPTY_FILTERS, 'all', withReturns));
    expect(pick(all)).to.deep.equal(['All', 'All', 15, 2, 0.1333, 710, 60, 58.5]);
  });

  it('returnsSql() by category, seller and product', async () => {
    // Books L3 L6 L9 L14 (100); Electronics L1 L2 L5 L7 L8 L10 L12 L13 L16 (460); Toys L4 L15 (150).
    expect((await sql<ReturnRow>(engine, returnsSql(EMPTY_FILTERS, 'category', withReturns))).map(pick)).to.deep.equal([
      ['Books', 'Books', 4, 0, 0, 100, 0, 0],
      ['Electronics', 'Electronics', 9, 1, 0.1111, 460, 10, 8.5],
      ['Toys', 'Toys', 2, 1, 0.5, 150, 50, 50],
    ]);
    const sellers = await sql<ReturnRow>(engine, returnsSql(EMPTY_FILTERS, 'seller', withReturns));
    expect(sellers.map((r) => [r.grp, r.name, r.delivered, r.returned])).to.deep.equal([
      ['s1', 'Volt Works', 9, 1],
      ['s2', 'Paper Lane', 4, 0],
      ['s3', 'Toy Barn', 2, 1],
    ]);
    const products = await sql<ReturnRow>(engine, returnsSql(EMPTY_FILTERS, 'product', withReturns));
    expect(products.map((r) => [r.grp, r.name, r.delivered, r.returned, r.refunded])).to.deep.equal([
      ['p1', 'Headphones', 4, 0, 0],
      ['p2', 'Novel', 4, 0, 0],
      ['p3', 'Robot', 2, 1, 50],
      ['p4', 'Cable', 5, 1, 8.5],
    ]);
  });

  it('returnsSql() by reason divides by every delivered line', async () => {
    const rows = await sql<ReturnRow>(engine, returnsSql(EMPTY_FILTERS, 'reason', withReturns));
    expect(rows.map(pick)).to.deep.equal([
      ['damaged', 'damaged', 15, 1, 0.0667, 710, 50, 50],
      ['wrong size', 'wrong size', 15, 1, 0.0667, 710, 10, 8.5],
    ]);
  });

  it('returnsSql() by month of the order, and under the filters', async () => {
    const months = await sql<ReturnRow>(engine, returnsSql(EMPTY_FILTERS, 'month', withReturns));
    // February: L1 L2 L3 L4, L4 returned; March: 11 lines, L10 returned.
    expect(months.map((r) => [r.grp, r.delivered, r.returned, r.refunded])).to.deep.equal([
      ['2025-02-01', 4, 1, 50],
      ['2025-03-01', 11, 1, 8.5],
    ]);
    const f = applyFilterPatch(EMPTY_FILTERS, { regions: ['California'] });
    const [ca] = await sql<ReturnRow>(engine, returnsSql(f, 'all', withReturns));
    // California: c1 (L1 L2 L5 L6), c5 (L9, L10 returned).
    expect([ca.delivered, ca.returned, ca.refunded]).to.deep.equal([6, 1, 8.5]);
  });

  it('returnsSetsSql() answers the total, the categories and the months in one statement', async () => {
    const rows = await sql<ReturnSetRow>(
      engine,
      returnsSetsSql(EMPTY_FILTERS, ['all', 'category', 'month'], withReturns),
    );
    const part = (name: string) => rows.filter((r) => r.part === name).map(pick);
    expect(part('all')).to.deep.equal([['All', 'All', 15, 2, 0.1333, 710, 60, 58.5]]);
    expect(part('category')).to.deep.equal([
      ['Books', 'Books', 4, 0, 0, 100, 0, 0],
      ['Electronics', 'Electronics', 9, 1, 0.1111, 460, 10, 8.5],
      ['Toys', 'Toys', 2, 1, 0.5, 150, 50, 50],
    ]);
    // February: L1 L2 L3 L4 (Toys L4 returned, 50, refunded 50); March: 11 lines, L10 returned (10, refunded 8.5).
    expect(
      rows.filter((r) => r.part === 'month').map((r) => [r.grp, r.delivered, r.returned, r.refunded]),
    ).to.deep.equal([
      ['2025-02-01', 4, 1, 50],
      ['2025-03-01', 11, 1, 8.5],
    ]);
    expect(rows.length).to.equal(6);
  });

  it('returnsSetsSql() under the filters, without the returns table, and for the total alone', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { regions: ['California'] });
    const rows = await sql<ReturnSetRow>(engine, returnsSetsSql(f, ['month', 'all'], { withReturns: false }));
    // California: c1 (L1 L2 in February; L5 L6 in March), c5 (L9, L10 returned, in March).
    expect(rows.map((r) => [r.part, r.grp, r.delivered, r.returned, r.refunded])).to.deep.equal([
      ['all', 'All', 6, 1, null],
      ['month', '2025-02-01', 2, 0, null],
      ['month', '2025-03-01', 4, 1, null],
    ]);
    // A window without a delivered line: the total, if any, counts 0, never null.
    const nothing = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2024-01-01', dateTo: '2024-01-31' });
    for (const sets of [['all'], ['all', 'category', 'week']] as const) {
      const empty = await sql<ReturnSetRow>(engine, returnsSetsSql(nothing, sets, withReturns));
      expect(empty.map((r) => [r.part, r.delivered, r.returned, r.delivered_revenue])).to.deep.equal(
        empty.length ? [['all', 0, 0, 0]] : [],
      );
    }
    const [total] = await sql<ReturnSetRow>(engine, returnsSetsSql(f, ['all'], withReturns));
    expect([total.part, total.delivered, total.returned, total.refunded]).to.deep.equal(['all', 6, 1, 8.5]);
    expect(() => returnsSetsSql(f, [], withReturns)).to.throw(TypeError);
    expect(() => returnsSetsSql(f, ['all', 'all'], withReturns)).to.throw(TypeError);
    expect(() => returnsSetsSql(f, ['reason' as 'all'], withReturns)).to.throw(TypeError);
  });

  it('returnsSetsSql() keeps every category in the bars while the total and the months follow the category filter', async () => {
    const toys = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys'] });
    const sets = ['all', 'category', 'month'] as const;
    const rows = await sql<ReturnSetRow>(
      engine,
      returnsSetsSql(toys, sets, { withReturns: true, everyCategory: true }),
    );
    const part = (name: string) => rows.filter((r) => r.part === name);
    // Toys: L4 (February, 50, returned, refunded 50) and L15 (March, 100).
    expect(part('all').map(pick)).to.deep.equal([['All', 'All', 2, 1, 0.5, 150, 50, 50]]);
    expect(part('category').map(pick)).to.deep.equal([
      ['Books', 'Books', 4, 0, 0, 100, 0, 0],
      ['Electronics', 'Electronics', 9, 1, 0.1111, 460, 10, 8.5],
      ['Toys', 'Toys', 2, 1, 0.5, 150, 50, 50],
    ]);
    expect(part('month').map((r) => [r.grp, r.delivered, r.returned, r.refunded])).to.deep.equal([
      ['2025-02-01', 1, 1, 50],
      ['2025-03-01', 1, 0, 0],
    ]);
    // Without everyCategory, the bars follow the filter too.
    const narrowed = await sql<ReturnSetRow>(engine, returnsSetsSql(toys, sets, withReturns));
    expect(narrowed.filter((r) => r.part === 'category').map((r) => r.grp)).to.deep.equal(['Toys']);
  });

  it("returnsSetsSql() adds the prior window's total, under the other filters and without refunds", async () => {
    // 1–14 March: L5 L6 L7 L8 L9 L10 (returned, refunded 8.5) L12 L13 L14; 15–28 February: L3 and L4 (returned).
    const early = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01', dateTo: '2025-03-14' });
    const prior = { from: '2025-02-15', to: '2025-02-28' };
    const totals = await sql<ReturnSetRow>(engine, returnsSetsSql(early, ['all'], { withReturns: true, prior }));
    expect(totals.map((r) => [r.part, r.delivered, r.returned, r4(r.return_rate), r.refunded])).to.deep.equal([
      ['all', 9, 1, 0.1111, 8.5],
      ['prior', 2, 1, 0.5, null],
    ]);
    // Electronics in 1–14 March: L5 L7 L8 L10 L12 L13; the bars keep Books (L6 L9 L14); Toys has no line then.
    // Electronics had no line in 15–28 February: the prior total counts 0 and has no rate.
    const electronics = applyFilterPatch(early, { categories: ['Electronics'] });
    const rows = await sql<ReturnSetRow>(
      engine,
      returnsSetsSql(electronics, ['all', 'category', 'month'], { withReturns: true, everyCategory: true, prior }),
    );
    expect(rows.map((r) => [r.part, r.grp, r.delivered, r.returned, r.return_rate, r.refunded])).to.deep.equal([
      ['all', 'All', 6, 1, 1 / 6, 8.5],
      ['category', 'Books', 3, 0, 0, 0],
      ['category', 'Electronics', 6, 1, 1 / 6, 8.5],
      ['month', '2025-03-01', 6, 1, 1 / 6, 8.5],
      ['prior', 'All', 0, 0, null, null],
    ]);
    // Texas (c2, c3, c6): March L12 L13 L14 and L15; February L3 and L4 (returned).
    const texas = applyFilterPatch(EMPTY_FILTERS, { regions: ['Texas'], dateFrom: '2025-03-01', dateTo: '2025-03-31' });
    const tx = await sql<ReturnSetRow>(
      engine,
      returnsSetsSql(texas, ['all'], { withReturns: false, prior: { from: '2025-02-01', to: '2025-02-28' } }),
    );
    expect(tx.map((r) => [r.part, r.delivered, r.returned, r.refunded])).to.deep.equal([
      ['all', 4, 0, null],
      ['prior', 2, 1, null],
    ]);
  });

  it('returnChangeSql() puts each category of March beside its February', async () => {
    // March: Books L6 L9 L14 (80); Electronics L5 L7 L8 L10 (returned) L12 L13 L16 (340); Toys L15 (100; L11 was
    // cancelled). February: Books L3; Electronics L1 L2; Toys L4 (returned).
    const march = { from: '2025-03-01', to: '2025-03-31' };
    const february = { from: '2025-02-01', to: '2025-02-28' };
    const rows = await sql<ReturnChangeRow>(engine, returnChangeSql(EMPTY_FILTERS, march, february));
    expect(rows).to.deep.equal([
      { name: 'Books', delivered: 3, returned: 0, delivered_revenue: 80, delivered_prior: 1, returned_prior: 0 },
      { name: 'Electronics', delivered: 7, returned: 1, delivered_revenue: 340, delivered_prior: 2, returned_prior: 0 },
      { name: 'Toys', delivered: 1, returned: 0, delivered_revenue: 100, delivered_prior: 1, returned_prior: 1 },
    ]);
    // Texas (c2, c3, c6): March L12 L13 L14 (o8, c6) and L15 (o9, c3); February L3 (c2) and L4 (c3, returned).
    const texas = applyFilterPatch(EMPTY_FILTERS, { regions: ['Texas'], dateFrom: '2025-03-01', dateTo: '2025-03-31' });
    const tx = await sql<ReturnChangeRow>(engine, returnChangeSql(texas, march, february));
    expect(tx.map((r) => [r.name, r.delivered, r.returned, r.delivered_prior, r.returned_prior])).to.deep.equal([
      ['Books', 1, 0, 1, 0],
      ['Electronics', 2, 0, 0, 0],
      ['Toys', 1, 0, 1, 1],
    ]);
  });

  it('returnRateChange() gives the rate of a window and of the one before, and the change', async () => {
    // 1–14 March: L5 L6 L7 L8 L9 L10 (returned) L12 L13 L14 = 1 of 9; 15–28 February: L3 and L4 (returned) = 1 of 2.
    const total = async (dateFrom: string, dateTo: string) => {
      const f = applyFilterPatch(EMPTY_FILTERS, { dateFrom, dateTo });
      return (await sql<ReturnSetRow>(engine, returnsSetsSql(f, ['all'], withReturns)))[0];
    };
    const [march, february] = [await total('2025-03-01', '2025-03-14'), await total('2025-02-15', '2025-02-28')];
    const change = returnRateChange(march, february);
    expect([change.rate, change.priorRate]).to.deep.equal([1 / 9, 1 / 2]);
    expect(change.change).to.be.closeTo(1 / 9 - 1 / 2, 1e-12);
    // Nothing delivered before (January): no prior rate, no change.
    const january = await total('2025-01-01', '2025-01-31');
    expect(january === undefined || january.delivered === 0).to.equal(true);
    expect(returnRateChange(march, january)).to.deep.equal({ rate: 1 / 9, priorRate: null, change: null });
  });

  it('returnsSql() without the returns table gives rates but no refunds, and no reasons', async () => {
    const { engine: e2, close: c2 } = await openEngine(analyticsShop({ without: ['returns'] }));
    try {
      const [all] = await sql<ReturnRow>(e2, returnsSql(EMPTY_FILTERS, 'all', { withReturns: false }));
      expect(pick(all)).to.deep.equal(['All', 'All', 15, 2, 0.1333, 710, 60, null]);
      expect(() => returnsSql(EMPTY_FILTERS, 'reason', { withReturns: false })).to.throw(TypeError);
    } finally {
      await c2();
    }
  });

  it('rankReturns() orders categories by rate, and keeps the sellers with most returns', () => {
    const row = (grp: string, delivered: number, returned: number): ReturnRow => ({
      grp,
      name: grp,
      delivered,
      returned,
      return_rate: delivered ? returned / delivered : null,
      delivered_revenue: 0,
      returned_revenue: 0,
      refunded: null,
    });
    const groups = [row('a', 10, 1), row('b', 2, 1), row('c', 100, 5), row('d', 4, 0), row('e', 0, 0)];
    // Rates 0.1, 0.5, 0.05, 0, none: b a c d e.
    expect(rankReturns(groups, 'category').map((r) => r.grp)).to.deep.equal(['b', 'a', 'c', 'd', 'e']);
    // Most returns: c (5), then a and b (1 each; b's rate is higher); d and e had none. The first two.
    expect(rankReturns(groups, 'seller', 2).map((r) => r.grp)).to.deep.equal(['c', 'b']);
  });
});
