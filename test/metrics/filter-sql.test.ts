import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { whereClause } from '../../src/metrics/filter-sql.js';
import { COMPLETED } from '../../src/metrics/orders.js';
import { applyFilterPatch, EMPTY_FILTERS, type FilterPatch } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

// The list filters compare the fact tables' ENUM columns by the type's codes (filter-sql.ts): the same rows as the
// plain string comparison, a value the data lacks included. Completed lines of the analytics shop, by hand:
// s1 gold (p1, p4): L1 100, L2 20, L5 100, L7 100, L8 10, L12 100, L13 10, L16 10 = 450; s2 silver (p2): L3 20,
// L6 20, L9 40, L14 20 = 100; s3 new (p3): L15 100 (L4 returned, L11 cancelled). Texas (c2, c3, c6): L3 20, L12 100,
// L13 10, L14 20, L15 100 = 250.
describe('list filters on the ENUM columns of mkt_orders', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  const gmv = async (patch: FilterPatch) => {
    const where = whereClause(applyFilterPatch(EMPTY_FILTERS, patch));
    const and = where ? `${where} AND ${COMPLETED}` : `WHERE ${COMPLETED}`;
    const [row] = await sql<{ gmv: number }>(
      engine,
      `SELECT coalesce(sum(revenue), 0)::DOUBLE AS gmv FROM mkt_orders ${and}`,
    );
    return row.gmv;
  };

  for (const [patch, expected] of [
    [{}, 650],
    [{ tiers: ['new'] }, 100],
    [{ tiers: ['gold', 'new'] }, 550],
    [{ tiers: ['gold', 'platinum'] }, 450],
    [{ tiers: ['platinum'] }, 0],
    [{ regions: ['Texas', 'Nowhere'] }, 250],
    [{ categories: ['Books'] }, 100],
    [{ categories: ["Books'); DROP TABLE mkt_orders; --"] }, 0],
    [{ tiers: ['gold', 'silver'], regions: ['Texas'], categories: ['Books', 'Electronics'] }, 150],
  ] as [FilterPatch, number][]) {
    it(`GMV ${expected} for ${JSON.stringify(patch)}`, async () => {
      expect(await gmv(patch)).to.equal(expected);
    });
  }

  it('leaves the table whole after a value written as SQL', async () => {
    const [row] = await sql<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM mkt_orders`);
    // 16 lines of o1–o10 (every order has lines).
    expect(row.n).to.equal(16);
  });
});
