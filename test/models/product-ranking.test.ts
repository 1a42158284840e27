import { expect } from '@open-wc/testing';
import { productMeasure, productMovers, rankProducts, type ProductFigures } from '../../src/models/product-ranking.js';

const product = (id: string, f: Partial<ProductFigures>): ProductFigures => ({
  product_id: id,
  name: id.toUpperCase(),
  gmv: 0,
  gmv_prior: 0,
  units: 0,
  delivered: 0,
  returned: 0,
  reviews: null,
  rating: null,
  sessions: null,
  purchase_sessions: null,
  ...f,
});

// a: 10 delivered, 1 returned (10 %); b: 4 delivered, 2 returned (50 %, below volume 5); c: 20 delivered, 5 (25 %);
// d: nothing delivered (no rate).
const ROWS = [
  product('a', { gmv: 500, gmv_prior: 800, units: 5, delivered: 10, returned: 1, reviews: 6, rating: 4.5 }),
  product('b', { gmv: 50, gmv_prior: 0, units: 2, delivered: 4, returned: 2, reviews: 2, rating: 1 }),
  product('c', { gmv: 900, gmv_prior: 300, units: 9, delivered: 20, returned: 5, reviews: 10, rating: 3.9 }),
  product('d', { gmv: 0, gmv_prior: 100, units: 0, sessions: 10, purchase_sessions: 0 }),
];

describe('product ranking', () => {
  it('productMeasure() gives rates only where they are defined', () => {
    expect(ROWS.map((r) => productMeasure(r, 'return_rate'))).to.deep.equal([0.1, 0.5, 0.25, null]);
    expect(ROWS.map((r) => productMeasure(r, 'conversion'))).to.deep.equal([null, null, null, 0]);
    expect(ROWS.map((r) => productMeasure(r, 'rating'))).to.deep.equal([4.5, 1, 3.9, null]);
  });

  it('rankProducts() puts the lowest return rate best and needs the volume', () => {
    const ids = (r: { row: ProductFigures }[]) => r.map((x) => x.row.product_id);
    // b (50 %) has only 4 delivered lines: left out at the default minimum of 5.
    expect(ids(rankProducts(ROWS, 'return_rate', { direction: 'best', limit: 3 }))).to.deep.equal(['a', 'c']);
    expect(ids(rankProducts(ROWS, 'return_rate', { direction: 'worst', limit: 3, minVolume: 1 }))).to.deep.equal([
      'b',
      'c',
      'a',
    ]);
    expect(ids(rankProducts(ROWS, 'gmv', { direction: 'worst', limit: 2 }))).to.deep.equal(['d', 'b']);
    expect(ids(rankProducts(ROWS, 'rating', { direction: 'best', limit: 3 }))).to.deep.equal(['a', 'c']);
  });

  it('productMovers() splits GMV rises and falls, with the change relative to the prior period', () => {
    const { gainers, losers } = productMovers(ROWS, 5);
    // c +600 (×3 → +200 %), b +50 (new: no relative change); a −300 (−37.5 %), d −100 (−100 %).
    expect(gainers.map((m) => [m.row.product_id, m.change, m.relative])).to.deep.equal([
      ['c', 600, 2],
      ['b', 50, null],
    ]);
    expect(losers.map((m) => [m.row.product_id, m.change, m.relative])).to.deep.equal([
      ['a', -300, -0.375],
      ['d', -100, -1],
    ]);
  });
});
