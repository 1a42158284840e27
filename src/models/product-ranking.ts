/**
 * Best and worst products by one measure, and the movers against the prior period, from the rows of
 * `productPerformanceSql()` (src/metrics/products.ts). Pure: no database.
 *
 * Rates need volume to mean anything: a product ranks by return rate only with at least `minVolume` delivered lines,
 * by rating with that many reviews, by conversion with that many sessions (default 5). "Best" is the highest GMV,
 * units, rating or conversion and the lowest return rate; "worst" the reverse. Ties go by product name, then id.
 */
export const PRODUCT_MEASURES = ['gmv', 'units', 'return_rate', 'rating', 'conversion'] as const;
export type ProductMeasure = (typeof PRODUCT_MEASURES)[number];

export type ProductFigures = {
  readonly product_id: string;
  readonly name: string;
  readonly gmv: number;
  readonly gmv_prior: number;
  readonly units: number;
  readonly delivered: number;
  readonly returned: number;
  readonly reviews: number | null;
  readonly rating: number | null;
  readonly sessions: number | null;
  readonly purchase_sessions: number | null;
};

export const DEFAULT_MIN_VOLUME = 5;

/** The measure of one product; null when it has none (no reviews, no sessions, nothing delivered). */
export function productMeasure(row: ProductFigures, measure: ProductMeasure): number | null {
  switch (measure) {
    case 'gmv':
      return row.gmv;
    case 'units':
      return row.units;
    case 'return_rate':
      return row.delivered > 0 ? row.returned / row.delivered : null;
    case 'rating':
      return row.reviews ? row.rating : null;
    case 'conversion':
      return row.sessions ? (row.purchase_sessions ?? 0) / row.sessions : null;
  }
}

/** How much of what the rate is made of: the volume a product needs to rank by a rate. */
export function productVolume(row: ProductFigures, measure: ProductMeasure): number {
  if (measure === 'return_rate') return row.delivered;
  if (measure === 'rating') return row.reviews ?? 0;
  if (measure === 'conversion') return row.sessions ?? 0;
  return Infinity;
}

export interface RankedProduct<T extends ProductFigures> {
  readonly row: T;
  readonly value: number;
}

export function rankProducts<T extends ProductFigures>(
  rows: readonly T[],
  measure: ProductMeasure,
  options: { direction: 'best' | 'worst'; limit: number; minVolume?: number },
): RankedProduct<T>[] {
  if (!(PRODUCT_MEASURES as readonly string[]).includes(measure)) throw new RangeError(`Unknown measure ${measure}`);
  const minVolume = options.minVolume ?? DEFAULT_MIN_VOLUME;
  const higherIsBetter = measure !== 'return_rate';
  const sign = (options.direction === 'best') === higherIsBetter ? -1 : 1;
  return rows
    .map((row) => ({ row, value: productMeasure(row, measure) }))
    .filter((x): x is RankedProduct<T> => x.value !== null && productVolume(x.row, measure) >= minVolume)
    .sort(
      (a, b) =>
        sign * (a.value - b.value) ||
        a.row.name.localeCompare(b.row.name) ||
        a.row.product_id.localeCompare(b.row.product_id),
    )
    .slice(0, Math.max(0, options.limit));
}

export interface ProductMove<T extends ProductFigures> {
  readonly row: T;
  /** GMV now minus GMV in the prior period. */
  readonly change: number;
  /** change / prior GMV; null for a product that sold nothing before. */
  readonly relative: number | null;
}

/** The products whose GMV rose most and fell most against the prior period, `limit` of each. */
export function productMovers<T extends ProductFigures>(
  rows: readonly T[],
  limit: number,
): { gainers: ProductMove<T>[]; losers: ProductMove<T>[] } {
  const moves = rows.map((row) => ({
    row,
    change: row.gmv - row.gmv_prior,
    relative: row.gmv_prior > 0 ? (row.gmv - row.gmv_prior) / row.gmv_prior : null,
  }));
  const byName = (a: ProductMove<T>, b: ProductMove<T>) =>
    a.row.name.localeCompare(b.row.name) || a.row.product_id.localeCompare(b.row.product_id);
  return {
    gainers: moves
      .filter((m) => m.change > 0)
      .sort((a, b) => b.change - a.change || byName(a, b))
      .slice(0, limit),
    losers: moves
      .filter((m) => m.change < 0)
      .sort((a, b) => a.change - b.change || byName(a, b))
      .slice(0, limit),
  };
}
