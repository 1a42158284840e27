/**
 * Anomalies in a daily series: a seasonal decomposition, then a robust z-score of what it leaves unexplained.
 *
 * 1. **Trend**: a centred rolling median of `window` days (default three weeks), truncated at the ends. A median
 *    ignores a spike outright and ignores a run of unusual days as long as the run is shorter than half the
 *    window, so a week-long surge does not drag the trend up with it (a rolling mean would absorb part of it).
 * 2. **Seasonal**: for each position in the `period` (day of week), the median of value − trend over all weeks,
 *    then centred so the positions sum to zero (the classical decomposition, with medians for robustness).
 * 3. **Residual** = value − trend − seasonal; **expected** = trend + seasonal.
 * 4. **Score**: the modified z-score of Iglewicz & Hoaglin (1993), `0.6745 × (r − median(r)) / MAD(r)`, where MAD
 *    is the median absolute deviation. For normal noise it is about (r − mean) / σ, but one outlier cannot inflate
 *    its own yardstick. They recommend flagging |score| > 3.5; under normal noise that is about 5 days in 10,000.
 *
 * Options for real series:
 * - `transform: 'log'` decomposes log(1 + value), for series whose weekly swings and noise grow in proportion to
 *   the level (multiplicative seasonality). `transform: 'sqrt'` decomposes √(value + 3/8) (Anscombe's transform),
 *   which makes the noise of counts even (Poisson: σ ≈ ½ at any level) and tames right skew without blowing up
 *   the quiet days near zero the way a log does; the kit uses it for daily GMV and orders. Expected values are
 *   transformed back.
 * - `weights`: for rates, the number of trials behind each day (orders for a late rate, sessions for conversion).
 *   A binomial rate's noise shrinks as 1/√n, so each residual is multiplied by √(n / median n) before scoring;
 *   otherwise quiet days would be flagged for noise that busy days never show. Days with n = 0 are not scored.
 *   The σ of the scaled residuals is never taken below the binomial one, √(p(1 − p) / median n) with p the pooled
 *   rate: sampling noise is the least a rate can show, and without the floor a series of mostly identical days
 *   (MAD 0) would make every small wobble look extreme.
 * - When MAD is 0 (more than half the residuals identical, e.g. mostly-zero counts) the mean absolute deviation
 *   × 1.2533 is used instead (the same σ for normal noise); when that is 0 too, no day is scored.
 */
export interface DecomposeOptions {
  /** Season length in points (7 for a weekly pattern in daily data; 1 for none). */
  readonly period?: number;
  /** Rolling-median window for the trend, in points; made odd. Defaults to 3 × period (at least 7). */
  readonly window?: number;
  readonly transform?: 'none' | 'log' | 'sqrt';
}

export interface Decomposition {
  readonly trend: number[];
  /** One value per point (the seasonal index of its position). */
  readonly seasonal: number[];
  readonly residual: number[];
}

export interface AnomalyOptions extends DecomposeOptions {
  /** |score| at or above which a point is flagged; default 3.5. */
  readonly threshold?: number;
  /** Trials per point, for rates (see above). */
  readonly weights?: readonly number[];
  /** Flag only rises (`up`), only falls (`down`), or both (default). */
  readonly direction?: 'both' | 'up' | 'down';
}

export interface ScoredPoint {
  readonly index: number;
  readonly observed: number;
  /** Trend + seasonal, on the original scale. */
  readonly expected: number;
  /** Modified z-score; NaN when the point could not be scored. */
  readonly score: number;
  readonly flagged: boolean;
}

export const DEFAULT_THRESHOLD = 3.5;
/** Φ⁻¹(0.75): MAD / 0.6745 estimates σ for normal data. */
const MAD_TO_SIGMA = 0.6745;
/** √(π/2): mean absolute deviation × 1.2533 estimates σ for normal data. */
const MEAN_AD_TO_SIGMA = 1.2533;

export function median(values: readonly number[]): number {
  // A typed array sorts numerically without a comparator call per pair: rolling medians call this per point.
  const xs = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) xs[n++] = v;
  if (n === 0) return Number.NaN;
  const sorted = xs.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Modified z-scores of `values` (NaN stays NaN; all NaN when the spread is 0). `minSpread` is a floor under the
 * estimated σ (the sampling noise the values cannot be below).
 */
export function robustZ(values: readonly number[], minSpread = 0): number[] {
  const m = median(values);
  let spread = Math.max(minSpread, mad(values) / MAD_TO_SIGMA);
  if (!(spread > 0)) {
    const finite = values.filter((v) => Number.isFinite(v));
    spread =
      finite.length > 0 ? (finite.reduce((s, v) => s + Math.abs(v - m), 0) / finite.length) * MEAN_AD_TO_SIGMA : 0;
  }
  return values.map((v) => (spread > 0 && Number.isFinite(v) ? (v - m) / spread : Number.NaN));
}

/**
 * Centred rolling median; at the ends the window is truncated to the points that exist. Each window is sorted by
 * insertion into one buffer: a copy and a sort per point made the Insights page's longest main-thread task.
 */
export function rollingMedian(values: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  const sorted = new Float64Array(2 * half + 1);
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    let n = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      const v = values[j];
      if (!Number.isFinite(v)) continue;
      let k = n++;
      for (; k > 0 && sorted[k - 1] > v; k--) sorted[k] = sorted[k - 1];
      sorted[k] = v;
    }
    const mid = n >> 1;
    out[i] = n === 0 ? Number.NaN : n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  return out;
}

function windowFor(options: DecomposeOptions): number {
  const period = Math.max(1, Math.round(options.period ?? 7));
  const w = Math.max(3, Math.round(options.window ?? Math.max(7, 3 * period)));
  return w % 2 === 1 ? w : w + 1;
}

function forward(v: number, transform: DecomposeOptions['transform']): number {
  if (transform === 'log') return Math.log1p(Math.max(0, v));
  if (transform === 'sqrt') return Math.sqrt(Math.max(0, v) + 0.375);
  return v;
}

function backward(v: number, transform: DecomposeOptions['transform']): number {
  if (transform === 'log') return Math.max(0, Math.expm1(v));
  if (transform === 'sqrt') return Math.max(0, v * v - 0.375);
  return v;
}

/** Trend, seasonal and residual of a series (on the transformed scale when `transform` is `log`). */
export function decompose(values: readonly number[], options: DecomposeOptions = {}): Decomposition {
  const period = Math.max(1, Math.round(options.period ?? 7));
  const y = values.map((v) => forward(v, options.transform));
  const trend = rollingMedian(y, windowFor(options));
  const indices = new Array<number>(period).fill(0);
  if (period > 1) {
    for (let k = 0; k < period; k++) {
      const d: number[] = [];
      for (let i = k; i < y.length; i += period) d.push(y[i] - trend[i]);
      indices[k] = median(d);
    }
    const finite = indices.filter((v) => Number.isFinite(v));
    const mean = finite.reduce((s, v) => s + v, 0) / Math.max(1, finite.length);
    for (let k = 0; k < period; k++) indices[k] = Number.isFinite(indices[k]) ? indices[k] - mean : 0;
  }
  const seasonal = y.map((_, i) => indices[i % period]);
  const residual = y.map((v, i) => v - trend[i] - seasonal[i]);
  return { trend, seasonal, residual };
}

/** Scores every point of a daily series; see the module comment for the method. */
export function scoreSeries(values: readonly number[], options: AnomalyOptions = {}): ScoredPoint[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const { trend, seasonal, residual } = decompose(values, options);
  const weights = options.weights;
  let scaled = residual;
  let floor = 0;
  if (weights) {
    const typical = median(weights.filter((n) => n > 0));
    scaled = residual.map((r, i) => (weights[i] > 0 && typical > 0 ? r * Math.sqrt(weights[i] / typical) : Number.NaN));
    const p = pooledRate(values, weights);
    floor = typical > 0 ? Math.sqrt((p * (1 - p)) / typical) : 0;
  }
  const z = robustZ(scaled, floor);
  const direction = options.direction ?? 'both';
  return values.map((observed, i) => {
    const fit = trend[i] + seasonal[i];
    const expected = backward(fit, options.transform);
    const score = z[i];
    const beyond =
      direction === 'up'
        ? score >= threshold
        : direction === 'down'
          ? score <= -threshold
          : Math.abs(score) >= threshold;
    return { index: i, observed, expected, score, flagged: Number.isFinite(score) && beyond };
  });
}

/** Σ rate × trials / Σ trials over the points with trials. */
export function pooledRate(rates: readonly number[], trials: readonly number[]): number {
  let events = 0;
  let total = 0;
  rates.forEach((r, i) => {
    if (trials[i] > 0 && Number.isFinite(r)) {
      events += r * trials[i];
      total += trials[i];
    }
  });
  return total > 0 ? events / total : 0;
}

/**
 * True when a rate series has enough events for its scores to mean something: the textbook rule for the normal
 * approximation of a binomial, n·p ≥ 5 and n·(1 − p) ≥ 5, with n the median trials per point and p the pooled rate.
 */
export function enoughEvents(rates: readonly number[], trials: readonly number[], min = 5): boolean {
  const n = median(trials);
  const p = pooledRate(rates, trials);
  return n * p >= min && n * (1 - p) >= min;
}

/** A run of consecutive flagged points with the same sign: one event, reported at its most extreme point. */
export interface Episode {
  readonly start: number;
  readonly end: number;
  readonly peak: ScoredPoint;
}

/** Groups flagged points into episodes (consecutive indices, same direction). */
export function episodes(points: readonly ScoredPoint[]): Episode[] {
  const out: Episode[] = [];
  let current: { start: number; end: number; peak: ScoredPoint } | null = null;
  for (const p of points) {
    if (!p.flagged) {
      current = null;
      continue;
    }
    if (current && current.end === p.index - 1 && Math.sign(current.peak.score) === Math.sign(p.score)) {
      current.end = p.index;
      if (Math.abs(p.score) > Math.abs(current.peak.score)) current.peak = p;
    } else {
      current = { start: p.index, end: p.index, peak: p };
      out.push(current);
    }
  }
  return out;
}
