/**
 * How concentrated revenue is across customers or sellers: the Lorenz curve, the Gini coefficient, the share held by
 * the top p of them, and value tiers by spend percentile. Pure numerics over non-negative values (one per customer
 * or seller, e.g. GMV in the window); no database.
 *
 * - **Lorenz curve** L(p): the share of the total held by the poorest p of the population, through (0, 0) and the
 *   points (i / n, x₍₁₎ + … + x₍ᵢ₎ / total) of the ascending values, linear in between.
 * - **Gini** = Σᵢ (2i − n − 1) x₍ᵢ₎ / (n Σ x), i = 1 … n ascending: twice the area between the diagonal and the Lorenz
 *   curve (0 = everyone equal, (n − 1) / n = one holds everything). For {1, 2, 3, 4, 5} it is 4/15.
 * - **top share** of a fraction p = 1 − L(1 − p): 20 % of sellers "holding 76 % of GMV" is topShare(values, 0.2).
 * - **tiers** (Platinum, Gold, Silver, Bronze): the top `platinum` fraction by spend (default 1 %), then the rest of
 *   the top `gold` (10 %), then the rest of the top `silver` (40 %), then everyone else. A tier starts at the value
 *   of the entity at rank ⌈fraction × n⌉ from the top, so equal spenders share a tier (a tier may hold a few more
 *   than its fraction when values tie at its threshold).
 */

function sortedNonNegative(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values);
  for (const v of sorted) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`Concentration needs non-negative finite values, got ${v}`);
  }
  return sorted.sort();
}

export interface LorenzPoint {
  /** Share of the population, poorest first (0 … 1). */
  readonly population: number;
  /** Share of the total they hold (0 … 1). */
  readonly share: number;
}

/** Lorenz ordinates at every i / n of ascending values (index 0 = 0), or null when the total is 0. */
function cumulativeShares(sorted: Float64Array): Float64Array | null {
  const n = sorted.length;
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + sorted[i];
  const total = cum[n];
  if (!(total > 0)) return null;
  for (let i = 1; i <= n; i++) cum[i] /= total;
  cum[n] = 1;
  return cum;
}

/** L(p) by linear interpolation between the points i / n. */
function lorenzAt(cum: Float64Array, p: number): number {
  const n = cum.length - 1;
  const x = Math.min(1, Math.max(0, p)) * n;
  const i = Math.min(n - 1, Math.floor(x));
  return cum[i] + (x - i) * (cum[i + 1] - cum[i]);
}

/**
 * The Lorenz curve: every point when there are at most `maxPoints − 1` values, otherwise `maxPoints` points at evenly
 * spaced population shares (the curve is linear between the exact points, so they lie on it). Empty when the total
 * is 0.
 */
export function lorenzCurve(values: ArrayLike<number>, maxPoints = 101): LorenzPoint[] {
  const sorted = sortedNonNegative(values);
  const cum = cumulativeShares(sorted);
  if (!cum) return [];
  const n = sorted.length;
  if (n + 1 <= maxPoints) return Array.from(cum, (share, i) => ({ population: i / n, share }));
  const k = Math.max(2, Math.floor(maxPoints));
  return Array.from({ length: k }, (_, j) => ({ population: j / (k - 1), share: lorenzAt(cum, j / (k - 1)) }));
}

/** The Gini coefficient; null when there are no values or they sum to 0. */
export function gini(values: ArrayLike<number>): number | null {
  const sorted = sortedNonNegative(values);
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (2 * (i + 1) - n - 1) * sorted[i];
  }
  return n > 0 && total > 0 ? weighted / (n * total) : null;
}

/** Share of the total held by the top `fraction` (0 … 1) of the population; null when the total is 0. */
export function topShare(values: ArrayLike<number>, fraction: number): number | null {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`fraction must be in [0, 1], got ${fraction}`);
  const cum = cumulativeShares(sortedNonNegative(values));
  return cum ? 1 - lorenzAt(cum, 1 - fraction) : null;
}

export const VALUE_TIERS = ['Platinum', 'Gold', 'Silver', 'Bronze'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** Top fractions where Platinum, Gold and Silver end (0 < platinum < gold < silver < 1). */
export interface TierCutoffs {
  readonly platinum: number;
  readonly gold: number;
  readonly silver: number;
}

export const DEFAULT_TIER_CUTOFFS: TierCutoffs = { platinum: 0.01, gold: 0.1, silver: 0.4 };

export interface TierSummary {
  readonly tier: ValueTier;
  /** Smallest value in the tier (its threshold; 0 for Bronze). */
  readonly threshold: number;
  readonly count: number;
  readonly total: number;
  readonly countShare: number;
  readonly totalShare: number;
}

export function checkCutoffs(c: TierCutoffs): void {
  if (!(c.platinum > 0 && c.platinum < c.gold && c.gold < c.silver && c.silver < 1))
    throw new RangeError(
      `Tier cut-offs must satisfy 0 < platinum < gold < silver < 1, got ${c.platinum}, ${c.gold}, ${c.silver}`,
    );
}

/** The value where each tier starts: Platinum, Gold, Silver (Bronze takes the rest). Empty input → []. */
export function tierThresholds(values: ArrayLike<number>, cutoffs: TierCutoffs = DEFAULT_TIER_CUTOFFS): number[] {
  checkCutoffs(cutoffs);
  const sorted = sortedNonNegative(values);
  const n = sorted.length;
  if (n === 0) return [];
  return [cutoffs.platinum, cutoffs.gold, cutoffs.silver].map((f) => sorted[n - Math.ceil(f * n)]);
}

/** The tier of a value given the thresholds of {@link tierThresholds}. */
export function tierOf(value: number, thresholds: readonly number[]): ValueTier {
  for (let t = 0; t < thresholds.length; t++) if (value >= thresholds[t]) return VALUE_TIERS[t];
  return 'Bronze';
}

/** Count, total and shares per tier, Platinum first (a tier with nobody is listed with zeros). */
export function valueTiers(values: ArrayLike<number>, cutoffs: TierCutoffs = DEFAULT_TIER_CUTOFFS): TierSummary[] {
  const thresholds = tierThresholds(values, cutoffs);
  const sums = VALUE_TIERS.map(() => ({ count: 0, total: 0 }));
  let n = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const s = sums[VALUE_TIERS.indexOf(tierOf(v, thresholds))];
    s.count++;
    s.total += v;
    n++;
    total += v;
  }
  return VALUE_TIERS.map((tier, t) => ({
    tier,
    threshold: t < 3 ? (thresholds[t] ?? 0) : 0,
    count: sums[t].count,
    total: sums[t].total,
    countShare: n > 0 ? sums[t].count / n : 0,
    totalShare: total > 0 ? sums[t].total / total : 0,
  }));
}

/** The fewest entities whose values together reach `share` (0 … 1) of the total, largest first; 0 when the total is 0. */
export function countHolding(values: ArrayLike<number>, share: number): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be in [0, 1], got ${share}`);
  const sorted = sortedNonNegative(values);
  let total = 0;
  for (const v of sorted) total += v;
  if (!(total > 0) || share === 0) return 0;
  let held = 0;
  for (let i = sorted.length - 1; i >= 0; i--) {
    held += sorted[i];
    if (held >= share * total * (1 - 1e-12)) return sorted.length - i;
  }
  return sorted.length;
}

export interface Concentration {
  readonly count: number;
  readonly total: number;
  /** The fewest entities that together hold half of the total. */
  readonly halfCount: number;
  /** Share of the total held by the largest one alone; null when the total is 0. */
  readonly largest: number | null;
  readonly gini: number | null;
  /** Shares of the total held by the top 1 %, 10 % and 20 %. */
  readonly top1: number | null;
  readonly top10: number | null;
  readonly top20: number | null;
  readonly lorenz: LorenzPoint[];
  readonly tiers: TierSummary[];
}

/** Everything above for one set of values. */
export function concentration(
  values: ArrayLike<number>,
  cutoffs: TierCutoffs = DEFAULT_TIER_CUTOFFS,
  maxPoints = 101,
): Concentration {
  let total = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i];
    max = Math.max(max, values[i]);
  }
  return {
    count: values.length,
    total,
    halfCount: countHolding(values, 0.5),
    largest: total > 0 ? max / total : null,
    gini: gini(values),
    top1: topShare(values, 0.01),
    top10: topShare(values, 0.1),
    top20: topShare(values, 0.2),
    lorenz: lorenzCurve(values, maxPoints),
    tiers: valueTiers(values, cutoffs),
  };
}
