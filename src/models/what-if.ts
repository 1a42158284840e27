/**
 * What-if projection: how GMV, orders and margin of a slice (a category, a tier, or everything) would move under
 * a price change, a promotion, a different conversion rate or a different late-shipment rate, all else equal.
 *
 * Demand (units, and order lines with them: a line's quantity is assumed unchanged) is multiplied by
 *
 *     q = (1 + p)^ε × (1 − d)^ε_promo × (c' / c) × max(0, 1 − λ × 100 × (l' − l))
 *
 * - p: list-price change (+0.10 = 10% dearer); ε: own-price elasticity of demand (constant elasticity; −1.5 by
 *   default, a mid value of published e-commerce estimates, which mostly fall between −1 and −2.5).
 * - d: promotion discount off the (new) price; ε_promo: elasticity to a promoted discount (−2 by default: a
 *   visible promotion moves demand more than a quiet price change).
 * - c, c': conversion rate now and assumed (sessions held fixed, so orders scale with it).
 * - l, l': late-shipment rate now and assumed; λ: share of orders lost per percentage point of late rate
 *   (1% by default, an assumption standing in for late deliveries' effect on repeat buying: replace it with your
 *   own estimate).
 *
 * Then GMV' = GMV × (1 + p)(1 − d) × q (each unit sells at the new, discounted price), cost' = cost × q (unit
 * cost unchanged), margin = GMV − cost. Slices the scenario does not touch keep their baseline. Every factor is
 * a plain multiplication, so the numbers can be checked by hand; none of it is a forecast of competitors'
 * reactions, cannibalisation between categories, or time effects.
 */
export interface Levers {
  /** Relative list-price change, e.g. 0.1 for +10%. */
  readonly priceChange: number;
  /** Promotion discount as a fraction of price, 0 ≤ d < 1. */
  readonly discount: number;
  /** Assumed conversion rate (sessions with a purchase / sessions); null keeps the baseline. */
  readonly conversion: number | null;
  /** Assumed late-shipment rate; null keeps the baseline. */
  readonly lateRate: number | null;
}

export interface Assumptions {
  readonly priceElasticity: number;
  readonly promoElasticity: number;
  /** Share of orders lost per percentage point of late-shipment rate. */
  readonly lateOrderLoss: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = Object.freeze({
  priceElasticity: -1.5,
  promoElasticity: -2,
  lateOrderLoss: 0.01,
});
export const NO_CHANGE: Levers = Object.freeze({ priceChange: 0, discount: 0, conversion: null, lateRate: null });

/** A slice's baseline: completed orders of the filtered window. */
export interface SliceBaseline {
  /** The category or tier name; the projection targets slices by it. */
  readonly key: string;
  readonly gmv: number;
  readonly cost: number;
  readonly orders: number;
  /** Null when unknown (no sessions). */
  readonly conversion: number | null;
  readonly lateRate: number | null;
}

export interface Totals {
  readonly gmv: number;
  readonly orders: number;
  readonly cost: number;
  readonly margin: number;
}

export interface Projection {
  readonly baseline: Totals;
  readonly projected: Totals;
  /** The demand factor q applied to the targeted slices. */
  readonly demandFactor: number;
  /** The price factor (1 + p)(1 − d). */
  readonly priceFactor: number;
}

/** The demand factor q for one slice (see the module comment). */
export function demandFactor(
  slice: Pick<SliceBaseline, 'conversion' | 'lateRate'>,
  levers: Levers,
  a: Assumptions = DEFAULT_ASSUMPTIONS,
): number {
  const price = Math.max(0, 1 + levers.priceChange);
  const promo = Math.max(0, 1 - levers.discount);
  let q = price > 0 ? price ** a.priceElasticity : 0;
  q *= promo > 0 ? promo ** a.promoElasticity : 0;
  if (levers.conversion !== null && slice.conversion !== null && slice.conversion > 0)
    q *= Math.max(0, levers.conversion) / slice.conversion;
  if (levers.lateRate !== null && slice.lateRate !== null)
    q *= Math.max(0, 1 - a.lateOrderLoss * 100 * (levers.lateRate - slice.lateRate));
  return Number.isFinite(q) ? q : 0;
}

function totals(rows: readonly { gmv: number; orders: number; cost: number }[]): Totals {
  const gmv = rows.reduce((s, r) => s + r.gmv, 0);
  const cost = rows.reduce((s, r) => s + r.cost, 0);
  return { gmv, orders: rows.reduce((s, r) => s + r.orders, 0), cost, margin: gmv - cost };
}

/**
 * Baseline and projected totals over `slices`, applying the levers to the slice whose key is `target`, or to
 * every slice when `target` is null. The conversion and late-rate levers are absolute rates: for "everything",
 * pass one pooled slice (whose rates are the pooled rates) rather than many.
 */
export function project(
  slices: readonly SliceBaseline[],
  target: string | null,
  levers: Levers,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): Projection {
  const priceFactor = Math.max(0, 1 + levers.priceChange) * Math.max(0, 1 - levers.discount);
  let factor = 1;
  const projected = slices.map((s) => {
    if (target !== null && s.key !== target) return s;
    factor = demandFactor(s, levers, assumptions);
    return { gmv: s.gmv * priceFactor * factor, orders: s.orders * factor, cost: s.cost * factor };
  });
  return { baseline: totals(slices), projected: totals(projected), demandFactor: factor, priceFactor };
}

/**
 * The projection of one part of `all` (a category or tier; null: everything) under the levers: the rest of `all`
 * keeps its baseline.
 */
export function projectPart(
  all: SliceBaseline,
  part: SliceBaseline | null,
  levers: Levers,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): Projection {
  if (!part) return project([all], all.key, levers, assumptions);
  const rest: SliceBaseline = {
    key: '\u0000rest',
    gmv: all.gmv - part.gmv,
    cost: all.cost - part.cost,
    orders: all.orders - part.orders,
    conversion: null,
    lateRate: null,
  };
  return project([part, rest], part.key, levers, assumptions);
}
