import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { kpiPeriods, orderKpisSql, sessionKpisSql } from '../../src/metrics/kpis.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

describe('KPI SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  const february = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-01', dateTo: '2025-02-28' });

  it('kpiPeriods() compares February with the 28 days before it', () => {
    expect(kpiPeriods(february, '2025-01-10', '2025-03-10')).to.deep.equal({
      current: { from: '2025-02-01', to: '2025-02-28' },
      prior: { from: '2025-01-04', to: '2025-01-31' },
    });
  });

  it('orderKpisSql() counts only completed orders in each period', async () => {
    const [k] = await sql(engine, orderKpisSql(february, kpiPeriods(february, '2025-01-10', '2025-03-10')));
    // February completed: t3 (20, c1, s2) and t5 (100, c3, s1); t4 returned and t6 cancelled are left out.
    // 4–31 January completed: t1 (100, c1, s1) and t2 (40, c2, s2).
    expect(k).to.deep.equal({
      gmv: 120,
      orders: 2,
      sellers: 2,
      customers: 2,
      gmv_prior: 140,
      orders_prior: 2,
      sellers_prior: 2,
      customers_prior: 2,
    });
  });

  it('orderKpisSql() applies the category filter to both periods', async () => {
    const f = applyFilterPatch(february, { categories: ['Electronics'] });
    const [k] = await sql(engine, orderKpisSql(f, kpiPeriods(f, '2025-01-10', '2025-03-10')));
    // Electronics: t5 (100) in February, t1 (100) in January.
    expect([k.gmv, k.gmv_prior, k.customers, k.sellers]).to.deep.equal([100, 100, 1, 1]);
  });

  it('orderKpisSql() filters by customer region and seller tier', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { regions: ['Texas'], tiers: ['gold', 'silver'] });
    const [k] = await sql(engine, orderKpisSql(f, kpiPeriods(f, '2025-01-10', '2025-03-10')));
    // Texas customers are c2 and c3; gold/silver sellers s1, s2: t2 (40), t5 (100), t7 (100) completed.
    expect([k.gmv, k.orders, k.customers]).to.deep.equal([240, 3, 2]);
  });

  it('orderKpisSql() gives zeros, not nulls, for a prior period without data', async () => {
    // The whole range, 10 January – 10 March, is compared with the 60 days before it, where nothing was sold.
    // Completed in range: t1 100, t2 40, t3 20, t5 100, t7 100, t8 100; orders t1–t3, t5, t7, t8 (each its own).
    const [k] = await sql(engine, orderKpisSql(EMPTY_FILTERS, kpiPeriods(EMPTY_FILTERS, '2025-01-10', '2025-03-10')));
    expect(k).to.deep.equal({
      gmv: 460,
      orders: 6,
      sellers: 3,
      customers: 4,
      gmv_prior: 0,
      orders_prior: 0,
      sellers_prior: 0,
      customers_prior: 0,
    });
  });

  it('sessionKpisSql() counts sessions and sessions with a purchase', async () => {
    const [s] = await sql(engine, sessionKpisSql(february, kpiPeriods(february, '2025-01-10', '2025-03-10')));
    // February: S1 (purchase), S2, S3; January: S4 (purchase), S5.
    expect(s).to.deep.equal({ sessions: 3, purchases: 1, sessions_prior: 2, purchases_prior: 1 });
  });

  it('treats a category with a quote as a value, not as SQL', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ["Toys' OR 1=1 --"] });
    const [k] = await sql(engine, orderKpisSql(f, kpiPeriods(f, '2025-01-10', '2025-03-10')));
    expect(k.orders).to.equal(0);
  });
});
