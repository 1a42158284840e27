/**
 * The catalogue. Each seller lists a number of products that grows with its size, mostly in its main
 * category; product ids follow listing order. Per seller, products are kept sorted by listing day with a
 * cumulative popularity, so that "a product of seller s listed by day d" is a binary search.
 */
import { faker } from '@faker-js/faker/locale/en';
import { CATEGORIES } from './catalog.js';
import { END_DAY } from './calendar.js';
import { Rng, deriveSeed, upperBound, weightedPicker } from './random.js';
import type { SellerModel } from './sellers.js';

export type ProductStatus = 'active' | 'inactive' | 'out_of_stock';

export interface ProductModel {
  readonly count: number;
  readonly seller: Int32Array;
  readonly category: Uint8Array;
  readonly subcategory: Uint8Array;
  readonly price: Float64Array;
  readonly cost: Float64Array;
  readonly listedDay: Int32Array;
  readonly names: string[];
  readonly status: ProductStatus[];
  /** Products of seller s are bySeller[start[s] .. start[s + 1]), sorted by listing day. */
  readonly sellerStart: Int32Array;
  readonly bySeller: Int32Array;
  readonly listedBySeller: Int32Array;
  readonly popularityCumBySeller: Float64Array;
}

export const productId = (i: number) => `p-${String(i + 1).padStart(6, '0')}`;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Splits `total` among sellers in proportion to size^0.6, at least one each (largest remainder). */
function productsPerSeller(sellers: SellerModel, total: number): Int32Array {
  const counts = new Int32Array(sellers.count).fill(1);
  const weights = Array.from(sellers.size, (s) => s ** 0.6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - sellers.count;
  const shares = weights.map((w) => (w / sum) * spare);
  let given = 0;
  shares.forEach((x, i) => {
    counts[i] += Math.floor(x);
    given += Math.floor(x);
  });
  const order = shares.map((_, i) => i).sort((a, b) => (shares[b] % 1) - (shares[a] % 1) || a - b);
  for (let k = 0; k < spare - given; k++) counts[order[k]]++;
  return counts;
}

export function createProducts(seed: number, total: number, sellers: SellerModel): ProductModel {
  const rng = new Rng(seed, 'products');
  const pickCategory = weightedPicker(CATEGORIES.map((c) => c.weight));
  const counts = productsPerSeller(sellers, total);
  const draft = {
    seller: [] as number[],
    listed: [] as number[],
    category: [] as number[],
    popularity: [] as number[],
  };
  for (let s = 0; s < sellers.count; s++) {
    const first = sellers.joinDay[s] + rng.int(1, 14);
    const last = Math.max(first, Math.min(sellers.activeEnd[s] - 1, END_DAY - 7));
    for (let j = 0; j < counts[s]; j++) {
      draft.seller.push(s);
      draft.listed.push(j === 0 ? first : rng.int(first, last));
      draft.category.push(rng.chance(0.85) ? sellers.category[s] : pickCategory(rng));
      draft.popularity.push(rng.lognormal(0, 1.1));
    }
  }
  // At tiny scales, move a product into each category nobody sells in, from sellers with several products.
  for (let c = 0; c < CATEGORIES.length; c++) {
    if (draft.category.includes(c)) continue;
    const donor = draft.category.findIndex(
      (cat, i) => counts[draft.seller[i]] > 1 && draft.category.indexOf(cat) !== i,
    );
    if (donor >= 0) draft.category[donor] = c;
  }

  const order = draft.listed.map((_, i) => i).sort((a, b) => draft.listed[a] - draft.listed[b] || a - b);
  const model: ProductModel = {
    count: total,
    seller: Int32Array.from(order, (i) => draft.seller[i]),
    category: Uint8Array.from(order, (i) => draft.category[i]),
    subcategory: new Uint8Array(total),
    price: new Float64Array(total),
    cost: new Float64Array(total),
    listedDay: Int32Array.from(order, (i) => draft.listed[i]),
    names: [],
    status: [],
    sellerStart: new Int32Array(sellers.count + 1),
    bySeller: new Int32Array(total),
    listedBySeller: new Int32Array(total),
    popularityCumBySeller: new Float64Array(total),
  };
  faker.seed(deriveSeed(seed, 'product-names'));
  for (let p = 0; p < total; p++) {
    const category = CATEGORIES[model.category[p]];
    const sub = rng.int(0, category.subcategories.length - 1);
    model.subcategory[p] = sub;
    const price = Math.max(1, Math.round(rng.lognormal(Math.log(category.medianPrice), 0.55))) - 0.01;
    model.price[p] = round2(price);
    model.cost[p] = round2(price * rng.uniform(0.4, 0.72));
    const inactiveSeller = sellers.status[model.seller[p]] !== 'active';
    const r = rng.next();
    model.status.push(inactiveSeller || r < 0.06 ? 'inactive' : r < 0.11 ? 'out_of_stock' : 'active');
    const noun = rng.pick(category.subcategories[sub].nouns);
    model.names.push(`${faker.commerce.productAdjective()} ${noun}`);
  }

  // Group by seller (stable: listing order is kept within a seller).
  for (let p = 0; p < total; p++) model.sellerStart[model.seller[p] + 1]++;
  for (let s = 0; s < sellers.count; s++) model.sellerStart[s + 1] += model.sellerStart[s];
  const fill = model.sellerStart.slice(0, sellers.count);
  for (let p = 0; p < total; p++) model.bySeller[fill[model.seller[p]]++] = p;
  for (let s = 0; s < sellers.count; s++) {
    let cum = 0;
    for (let k = model.sellerStart[s]; k < model.sellerStart[s + 1]; k++) {
      const p = model.bySeller[k];
      model.listedBySeller[k] = model.listedDay[p];
      model.popularityCumBySeller[k] = cum += draft.popularity[order[p]];
    }
    sellers.activeStart[s] = model.listedBySeller[model.sellerStart[s]];
  }
  return model;
}

/** A product of seller s listed on or before `day`, by popularity; -1 when it has none yet. */
export function pickProduct(model: ProductModel, seller: number, day: number, rng: Rng): number {
  const start = model.sellerStart[seller];
  const listed = upperBound(model.listedBySeller, day, start, model.sellerStart[seller + 1]);
  if (listed === start) return -1;
  const cum = model.popularityCumBySeller; // restarts at 0 for every seller
  return model.bySeller[upperBound(cum, rng.next() * cum[listed - 1], start, listed)];
}

/** Popularity-weighted mean price of each seller's catalogue. */
export function meanPriceBySeller(model: ProductModel, sellerCount: number): Float64Array {
  const out = new Float64Array(sellerCount);
  for (let s = 0; s < sellerCount; s++) {
    let prev = 0;
    let sum = 0;
    for (let k = model.sellerStart[s]; k < model.sellerStart[s + 1]; k++) {
      const w = model.popularityCumBySeller[k] - prev;
      prev = model.popularityCumBySeller[k];
      sum += w * model.price[model.bySeller[k]];
    }
    out[s] = prev > 0 ? sum / prev : 1;
  }
  return out;
}
