import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { whatIfOrdersSql, type WhatIfOrderRow } from '../../src/metrics/what-if.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

/**
 * The analytics shop's orders (test/fixtures/analytics-shop.ts), by hand:
 * - completed orders (a completed line): o1 o2 o4 o5 o6 o8 o9 o10 = 8; shipped (a completed or returned line): those
 *   and o3 = 9 (o7 is only cancelled); GMV of the completed lines 650.
 * - Electronics (p1, p4; seller s1, gold): completed o1 (two lines) o4 o5 (two) o8 (two) o10 = 5, shipped + o6 (L10
 *   returned) = 6, GMV 100+20+100+100+10+100+10+10 = 450.
 * - Books (p2; s2, silver): o2 o4 o6 o8 = 4 completed and shipped, GMV 20+20+40+20 = 100.
 * - Toys (p3; s3, new): completed o9 = 1, shipped o3 o9 = 2, GMV 100.
 * The orders of two categories (o4, o8) count once in each and once in all: 5 + 4 + 1 = 10 against 8.
 */
const EXPECTED = [
  ['all', 'All', 8, 9, 650],
  ['category', 'Books', 4, 4, 100],
  ['category', 'Electronics', 5, 6, 450],
  ['category', 'Toys', 1, 2, 100],
  ['tier', 'gold', 5, 6, 450],
  ['tier', 'new', 1, 2, 100],
  ['tier', 'silver', 4, 4, 100],
];

describe('what-if baseline SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  // Without a slice count, and with more slices than FEW_GROUPS: count(DISTINCT); with few: a bitstring per slice.
  for (const slices of [undefined, 9, 1000]) {
    it(`counts each slice's orders once per order (slices: ${slices})`, async () => {
      const found = await sql<WhatIfOrderRow>(engine, whatIfOrdersSql(EMPTY_FILTERS, { slices }));
      expect(found.map((r) => [r.dim, r.slice, r.orders, r.shipped, Math.round(r.gmv * 100) / 100])).to.deep.equal(
        EXPECTED,
      );
    });
  }
});
