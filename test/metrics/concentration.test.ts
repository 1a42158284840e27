import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { entityValuesSql, type EntityValueRow } from '../../src/metrics/concentration.js';
import { gini, topShare } from '../../src/models/concentration.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

describe('concentration SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  it('entityValuesSql() gives each customer’s completed GMV, smallest first', async () => {
    const rows = await sql<EntityValueRow>(engine, entityValuesSql(EMPTY_FILTERS, 'customer'));
    // c1 100 + 20 + 100 + 20; c2 20 (o7 cancelled); c3 100 (L4 returned); c4 100 + 10 + 10; c5 40; c6 130.
    expect(rows.map((r) => [r.id, r.value])).to.deep.equal([
      ['c2', 20],
      ['c5', 40],
      ['c3', 100],
      ['c4', 120],
      ['c6', 130],
      ['c1', 240],
    ]);
  });

  it('entityValuesSql() per seller feeds the Gini and the top share', async () => {
    const rows = await sql<EntityValueRow>(engine, entityValuesSql(EMPTY_FILTERS, 'seller'));
    // s1 (p1, p4) 450, s2 (p2) 100, s3 (p3) 100. Gini: (−2·100 + 0·100 + 2·450) / (3 · 650) = 700 / 1950 = 14/39.
    expect(rows.map((r) => [r.id, r.value])).to.deep.equal([
      ['s2', 100],
      ['s3', 100],
      ['s1', 450],
    ]);
    const values = rows.map((r) => r.value);
    expect(gini(values)).to.be.closeTo(14 / 39, 1e-12);
    // The top third (s1) holds 450 / 650.
    expect(topShare(values, 1 / 3)).to.be.closeTo(450 / 650, 1e-12);
  });

  it('entityValuesSql() follows the filters', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Books'], dateFrom: '2025-03-01' });
    const rows = await sql<EntityValueRow>(engine, entityValuesSql(f, 'customer'));
    // March Books: c1 L6 20, c5 L9 40, c6 L14 20.
    expect(rows.map((r) => [r.id, r.value])).to.deep.equal([
      ['c1', 20],
      ['c6', 20],
      ['c5', 40],
    ]);
  });
});
