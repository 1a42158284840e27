import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import {
  basketItemsSql,
  coPurchaseSql,
  nextBestProductsSql,
  onePerPair,
  type AssociationRow,
  type NextBestRow,
} from '../../src/metrics/co-purchase.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const rule = (r: AssociationRow) => [r.x, r.y, r.y_name, r.together, r4(r.support), r4(r.confidence), r4(r.lift)];

// Baskets = orders with a bought (completed or returned) line; o7 was cancelled. n = 9:
//   o1 {p1 p4}  o2 {p2}  o3 {p3}  o4 {p1 p2}  o5 {p1 p4}  o6 {p2 p4}  o8 {p1 p2 p4}  o9 {p3}  o10 {p4}
// n_p1 = 4 (o1 o4 o5 o8), n_p2 = 4 (o2 o4 o6 o8), n_p3 = 2, n_p4 = 5 (o1 o5 o6 o8 o10).
// Pairs: p1 & p4 in o1 o5 o8 = 3; p1 & p2 in o4 o8 = 2; p2 & p4 in o6 o8 = 2.
describe('co-purchase SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  it('coPurchaseSql() gives support, confidence and lift of what is bought with a product', async () => {
    const rows = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, 'p1'));
    // p1 → p4: support 3/9 = 0.3333, confidence 3/4 = 0.75, lift 3·9 / (4·5) = 1.35.
    // p1 → p2: support 2/9 = 0.2222, confidence 2/4 = 0.5, lift 2·9 / (4·4) = 1.125.
    expect(rows.map(rule)).to.deep.equal([
      ['p1', 'p4', 'Cable', 3, 0.3333, 0.75, 1.35],
      ['p1', 'p2', 'Novel', 2, 0.2222, 0.5, 1.125],
    ]);
  });

  it('coPurchaseSql() is not symmetric in confidence: p4 → p2 has lift below 1', async () => {
    const rows = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, 'p4'));
    // p4 → p1: 3/5 = 0.6, lift 1.35; p4 → p2: 2/5 = 0.4, lift 2·9 / (5·4) = 0.9.
    expect(rows.map(rule)).to.deep.equal([
      ['p4', 'p1', 'Headphones', 3, 0.3333, 0.6, 1.35],
      ['p4', 'p2', 'Novel', 2, 0.2222, 0.4, 0.9],
    ]);
  });

  it('coPurchaseSql() works on categories, and lists the most frequent pairs without an item', async () => {
    // Categories: p1 p4 Electronics, p2 Books, p3 Toys. E in o1 o4 o5 o6 o8 o10 = 6, B in o2 o4 o6 o8 = 4, both in
    // o4 o6 o8 = 3: Books → Electronics confidence 3/4 = 0.75, lift 3·9 / (4·6) = 1.125.
    const books = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, 'Books', { level: 'category' }));
    expect(books.map(rule)).to.deep.equal([['Books', 'Electronics', 'Electronics', 3, 0.3333, 0.75, 1.125]]);
    const top = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, null, { limit: 2 }));
    expect(top.map((r) => [r.x, r.y, r.together])).to.deep.equal([
      ['p1', 'p4', 3],
      ['p4', 'p1', 3],
    ]);
  });

  it('onePerPair() keeps each pair once, in the direction of the higher confidence', async () => {
    const rows = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, null));
    // p1 → p4 (0.75) over p4 → p1 (0.6); p1 → p2 and p2 → p1 both 0.5: the first listed; p2 → p4 (0.5) over p4 → p2 (0.4).
    expect(onePerPair(rows).map((r) => [r.x, r.y, r4(r.confidence)])).to.deep.equal([
      ['p1', 'p4', 0.75],
      ['p1', 'p2', 0.5],
      ['p2', 'p4', 0.5],
    ]);
  });

  it('coPurchaseSql() with customer baskets counts what each customer bought in the window', async () => {
    // Customers: c1 {p1 p2 p4}, c2 {p2}, c3 {p3}, c4 {p1 p4}, c5 {p2 p4}, c6 {p1 p2 p4}: n = 6; n_p1 = 3, n_p4 = 4,
    // n_p2 = 4. p1 & p4: c1 c4 c6 → confidence 3/3 = 1, lift 3·6 / (3·4) = 1.5; p1 & p2: c1 c6 → 2/3, lift 1.
    const rows = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, 'p1', { basket: 'customer' }));
    expect(rows.map(rule)).to.deep.equal([
      ['p1', 'p4', 'Cable', 3, 0.5, 1, 1.5],
      ['p1', 'p2', 'Novel', 2, 0.3333, 0.6667, 1],
    ]);
  });

  it('coPurchaseSql() leaves out pairs in fewer than minCount baskets, and follows the filters', async () => {
    expect(await sql(engine, coPurchaseSql(EMPTY_FILTERS, 'p1', { minCount: 3 }))).to.have.length(1);
    // March only: o4 {p1 p2} o5 {p1 p4} o6 {p2 p4} o8 {p1 p2 p4} o9 {p3} o10 {p4}: n = 6, n_p1 = 3, n_p2 = 3,
    // n_p4 = 4. p1 & p2 in o4 o8: confidence 2/3, lift 2·6 / (3·3) = 1.3333 (first); p1 & p4 in o5 o8: confidence
    // 2/3, lift 2·6 / (3·4) = 1.
    const march = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01', dateTo: '2025-03-31' });
    const rows = await sql<AssociationRow>(engine, coPurchaseSql(march, 'p1'));
    expect(rows.map(rule)).to.deep.equal([
      ['p1', 'p2', 'Novel', 2, 0.3333, 0.6667, 1.3333],
      ['p1', 'p4', 'Cable', 2, 0.3333, 0.6667, 1],
    ]);
  });

  it('basketItemsSql() lists the items in the most baskets, and names both sides of a pair', async () => {
    // n = 9 baskets; p4 in 5, p1 in 4, p2 in 4, p3 in 2 (ties by id).
    expect(await sql(engine, basketItemsSql(EMPTY_FILTERS, { limit: 3 }))).to.deep.equal([
      { item: 'p4', name: 'Cable', baskets: 5, n: 9 },
      { item: 'p1', name: 'Headphones', baskets: 4, n: 9 },
      { item: 'p2', name: 'Novel', baskets: 4, n: 9 },
    ]);
    // Categories: Electronics in 6, Books in 4, Toys in 2 (o3, o9).
    const categories = await sql(engine, basketItemsSql(EMPTY_FILTERS, { level: 'category' }));
    expect(categories.map((r) => [r.item, r.name, r.baskets])).to.deep.equal([
      ['Electronics', 'Electronics', 6],
      ['Books', 'Books', 4],
      ['Toys', 'Toys', 2],
    ]);
    const [top] = await sql<AssociationRow>(engine, coPurchaseSql(EMPTY_FILTERS, null, { limit: 1 }));
    expect([top.x_name, top.y_name]).to.deep.equal(['Headphones', 'Cable']);
  });

  it('nextBestProductsSql() suggests what a customer’s purchases point to and they have not bought', async () => {
    const rows = await sql<NextBestRow>(engine, nextBestProductsSql(EMPTY_FILTERS, ['c2', 'c3', 'c4', 'c5']));
    // c2 owns p2: p2 → p1 (0.5, lift 1.125); p2 → p4 has lift 0.9, left out. c3 owns p3: in no pair, nothing.
    // c4 owns p1 p4: p1 → p2 (0.5, 1.125) beats p4 → p2 (lift 0.9). c5 owns p2 and p4 (returned, still bought):
    // p4 → p1 (0.6, 1.35) beats p2 → p1 (0.5).
    expect(rows.map((r) => [r.customer_id, r.rank, r.y, r.y_name, r.x, r4(r.confidence), r4(r.lift)])).to.deep.equal([
      ['c2', 1, 'p1', 'Headphones', 'p2', 0.5, 1.125],
      ['c4', 1, 'p2', 'Novel', 'p1', 0.5, 1.125],
      ['c5', 1, 'p1', 'Headphones', 'p4', 0.6, 1.35],
    ]);
  });

  it('nextBestProductsSql() treats ids as values and returns nothing for an empty list', async () => {
    expect(await sql(engine, nextBestProductsSql(EMPTY_FILTERS, []))).to.deep.equal([]);
    expect(await sql(engine, nextBestProductsSql(EMPTY_FILTERS, ["c2' OR 1=1 --"]))).to.deep.equal([]);
    expect(await sql(engine, coPurchaseSql(EMPTY_FILTERS, "p1' OR 1=1 --"))).to.deep.equal([]);
  });

  it('finds no pairs in data without order ids (each line its own basket)', async () => {
    const { engine: e2, close: c2 } = await openEngine(tinyDataset());
    try {
      expect(await sql(e2, coPurchaseSql(EMPTY_FILTERS, null))).to.deep.equal([]);
    } finally {
      await c2();
    }
  });
});
