/**
 * The tests and intervals behind a finding's "statistical support". Proportions are compared with the textbook
 * methods, chosen for small counts as well as large:
 * - **Wilson score interval** for one proportion (Wilson 1927; Newcombe 1998a, method 3): never outside [0, 1] and
 *   close to nominal coverage where the Wald interval fails (few events, rates near 0 or 1);
 * - **two-proportion z-test** with the pooled variance (= the Pearson χ² test without continuity correction, R's
 *   `prop.test(correct = FALSE)`), and the **Newcombe hybrid score interval** of the difference (Newcombe 1998b,
 *   method 10), built from the two Wilson intervals;
 * - **Bonferroni** adjustment when the largest of m comparisons is reported (p × m, at most 1);
 * - **modified z-score** for outliers among a few values (Iglewicz & Hoaglin 1993): M = 0.6745 (x − median) / MAD,
 *   |M| > 3.5 flags an outlier;
 * - **jackknife interval of the Gini coefficient** (leave-one-out, Yitzhaki 1991), computed in O(n) after sorting.
 */

/**
 * Standard normal CDF Φ(z) by Hart's algorithm (as given by West 2005, "Better approximations to cumulative normal
 * functions"), relative error below 1e-8 in both tails.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z);
  let tail = 0;
  if (x <= 37) {
    const e = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      let top = 0.0352624965998911 * x + 0.700383064443688;
      for (const k of [6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931, 220.206867912376])
        top = top * x + k;
      let bottom = 0.0883883476483184 * x + 1.75566716318264;
      for (const k of [
        16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831, 793.826512519948, 440.413735824752,
      ])
        bottom = bottom * x + k;
      tail = (e * top) / bottom;
    } else {
      const fraction = x + 1 / (x + 2 / (x + 3 / (x + 4 / (x + 0.65))));
      tail = e / fraction / 2.506628274631;
    }
  }
  return z > 0 ? 1 - tail : tail;
}

/** Φ⁻¹(p) by Acklam's rational approximation (relative error below 1.2e-9), p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

export type Interval = readonly [low: number, high: number];

/** Counts may be fractional: effective counts (e.g. scaled down for repeated measures) are allowed. */
function checkCount(x: number, n: number): void {
  if (!(Number.isFinite(x) && Number.isFinite(n) && n > 0 && x >= 0 && x <= n))
    throw new RangeError(`A proportion needs counts 0 ≤ x ≤ n, n > 0; got ${x} of ${n}`);
}

/** Wilson score interval of x successes in n trials, at `confidence` (default 0.95). */
export function wilsonInterval(x: number, n: number, confidence = 0.95): Interval {
  checkCount(x, n);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return [Math.max(0, (centre - half) / denominator), Math.min(1, (centre + half) / denominator)];
}

export interface ProportionTest {
  readonly p1: number;
  readonly p2: number;
  /** p1 − p2. */
  readonly difference: number;
  /** Newcombe's hybrid score interval of the difference. */
  readonly interval: Interval;
  readonly z: number;
  /** Two-sided. */
  readonly pValue: number;
}

/** Is x1 / n1 different from x2 / n2? Pooled two-proportion z-test and the interval of the difference. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): ProportionTest {
  checkCount(x1, n1);
  checkCount(x2, n2);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both rates 0 or both 1: no evidence of a difference.
  const z = se > 0 ? (p1 - p2) / se : 0;
  const [l1, u1] = wilsonInterval(x1, n1, confidence);
  const [l2, u2] = wilsonInterval(x2, n2, confidence);
  const difference = p1 - p2;
  return {
    p1,
    p2,
    difference,
    interval: [
      difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
      difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    ],
    z,
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))),
  };
}

/** Bonferroni: a p-value of the best of m comparisons, p × m capped at 1. */
export function bonferroni(pValue: number, comparisons: number): number {
  return Math.min(1, pValue * Math.max(1, comparisons));
}

/** The median of values in any order; NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** |M| above this flags an outlier (Iglewicz & Hoaglin). */
export const OUTLIER_Z = 3.5;

/**
 * Modified z-scores 0.6745 (x − median) / MAD. When more than half the values are equal (MAD = 0), the mean absolute
 * deviation stands in, scaled to the same units: (x − median) / (1.253314 × meanAD), as IBM's SPSS and most
 * references do; all equal → all 0.
 */
export function modifiedZScores(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const m = median(values);
  const deviations = values.map((v) => Math.abs(v - m));
  const mad = median(deviations);
  if (mad > 0) return values.map((v) => (0.6745 * (v - m)) / mad);
  const meanAd = deviations.reduce((s, d) => s + d, 0) / values.length;
  return values.map((v) => (meanAd > 0 ? (v - m) / (1.253314 * meanAd) : 0));
}

export interface GiniInterval {
  readonly gini: number;
  /** Jackknife standard error. */
  readonly se: number;
  readonly interval: Interval;
}

/**
 * The Gini coefficient (as src/models/concentration.ts defines it) with its jackknife standard error
 * √((n − 1)/n · Σ (Gᵢ − Ḡ)²) over the n leave-one-out coefficients, and the normal interval G ± z·se clipped to
 * [0, 1]. Null with fewer than 3 values or a total of 0.
 */
export function giniJackknife(values: ArrayLike<number>, confidence = 0.95): GiniInterval | null {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  if (n < 3) return null;
  let total = 0;
  let ranked = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(x[i]) && x[i] >= 0)) throw new RangeError(`Gini needs non-negative values, got ${x[i]}`);
    total += x[i];
    ranked += (i + 1) * x[i];
  }
  if (!(total > 0)) return null;
  const gini = (2 * ranked - (n + 1) * total) / (n * total);
  // Without value k (rank r = k + 1), the values above it move down one rank:
  // G₍ₖ₎ = (2 (ranked − r xₖ − above) − n (total − xₖ)) / ((n − 1)(total − xₖ)).
  const leaveOut = new Float64Array(n);
  let above = total;
  for (let k = 0; k < n; k++) {
    above -= x[k];
    const rest = total - x[k];
    leaveOut[k] = rest > 0 ? (2 * (ranked - (k + 1) * x[k] - above) - n * rest) / ((n - 1) * rest) : 0;
  }
  const mean = leaveOut.reduce((s, g) => s + g, 0) / n;
  const se = Math.sqrt(((n - 1) / n) * leaveOut.reduce((s, g) => s + (g - mean) ** 2, 0));
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { gini, se, interval: [Math.max(0, gini - z * se), Math.min(1, gini + z * se)] };
}
