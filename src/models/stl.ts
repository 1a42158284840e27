/**
 * Seasonal-trend decomposition by loess: STL (Cleveland, Cleveland, McRae & Terpenning 1990, "STL: A Seasonal-Trend
 * Decomposition Procedure Based on Loess", Journal of Official Statistics 6(1)) and MSTL for several seasonal periods
 * (Bandara, Hyndman & Bergmeir 2021, "MSTL: A Seasonal-Trend Decomposition Algorithm for Time Series with Multiple
 * Seasonal Patterns"). Pure numerics; no database.
 *
 * `stl()` follows the authors' Fortran (netlib `stl`, the code behind R's `stats::stl`) step by step: the inner loop
 * smooths each cycle-subseries by loess (extended one period at each end), low-pass filters the result (moving
 * averages of length np, np and 3, then loess), takes the seasonal as the difference and smooths the deseasonalised
 * series by loess for the trend; loess fits are computed every `jump` points and interpolated linearly between. The
 * outer loop, when robust, weights each point by the bisquare of its remainder over 6 × the median absolute
 * remainder. Defaults are R's. The test (test/models/stl.test.ts) reproduces R's decomposition of the Mauna Loa CO₂
 * series.
 *
 * `mstl()` follows R's `forecast::mstl`: the periods in ascending order, each seasonal re-estimated by STL on the
 * series with the other seasonals removed, `iterate` times (default 2); the trend is the last STL fit's, and the
 * remainder what is left. Periods with fewer than two full cycles in the data are dropped (as R does); with none
 * left it throws a RangeError (daily data needs 14 days for a weekly pattern, 730 for a yearly one).
 */

export interface StlOptions {
  /** Observations per seasonal cycle (np ≥ 2): 7 for a weekly pattern of daily data, 12 for monthly data. */
  readonly period: number;
  /** Seasonal smoothing span ns (odd ≥ 3, an even one is made odd; default 7). */
  readonly seasonal?: number;
  /** Trend span nt (odd); default the smallest odd ≥ 1.5 np / (1 − 1.5 / ns). */
  readonly trend?: number;
  /** Low-pass span nl (odd); default the smallest odd ≥ np. */
  readonly lowPass?: number;
  /** Loess degrees, 0 or 1 (R's defaults: seasonal 0, trend 1, low-pass = trend). */
  readonly seasonalDegree?: 0 | 1;
  readonly trendDegree?: 0 | 1;
  readonly lowPassDegree?: 0 | 1;
  /** Loess every `jump` points, linear in between (defaults ⌈span / 10⌉). */
  readonly seasonalJump?: number;
  readonly trendJump?: number;
  readonly lowPassJump?: number;
  /** Inner and outer iterations (defaults: robust 1 and 15, otherwise 2 and 0). */
  readonly inner?: number;
  readonly outer?: number;
  /** Downweight outliers in the outer loop (default false). */
  readonly robust?: boolean;
}

export interface StlResult {
  readonly seasonal: Float64Array;
  readonly trend: Float64Array;
  readonly remainder: Float64Array;
  /** Robustness weights (all 1 without outer iterations). */
  readonly weights: Float64Array;
}

const nextOdd = (x: number) => {
  const k = Math.round(x);
  return k % 2 === 0 ? k + 1 : k;
};

/**
 * One loess estimate at `xs` from y[nleft..nright] (1-based arrays): tricube weights over the farthest distance `h`
 * (widened when the span exceeds the data), times the robustness weights, with a local line when `degree` is 1.
 * Returns NaN when every weight is zero (the caller then keeps the data point).
 */
function estimate(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  rw: Float64Array | null,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      if (rw) w[j] *= rw[j];
      a += w[j];
    }
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft; j <= nright; j++) w[j] /= a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j] * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j] * (j - mean) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j] *= b * (j - mean) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j] * y[j];
  return ys;
}

/** Loess smoothing of y[1..n] into out[offset + 1 .. offset + n], every `jump` points and linear in between. */
function smooth(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  jump: number,
  rw: Float64Array | null,
  out: Float64Array,
  offset: number,
  work: Float64Array,
): void {
  const ys = (i: number) => out[offset + i];
  const set = (i: number, v: number) => (out[offset + i] = v);
  const fit = (xs: number, nleft: number, nright: number, i: number) => {
    const v = estimate(y, n, len, degree, xs, nleft, nright, work, rw);
    set(i, Number.isNaN(v) ? y[i] : v);
  };
  if (n < 2) {
    set(1, y[1]);
    return;
  }
  const newnj = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += newnj) fit(i, nleft, nright, i);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fit(i, nleft, nright, i);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fit(i, nleft, nright, i);
    }
  }
  if (newnj === 1) return;
  for (let i = 1; i <= n - newnj; i += newnj) {
    const delta = (ys(i + newnj) - ys(i)) / newnj;
    for (let j = i + 1; j <= i + newnj - 1; j++) set(j, ys(i) + delta * (j - i));
  }
  const k = Math.trunc((n - 1) / newnj) * newnj + 1;
  if (k !== n) {
    fit(n, nleft, nright, n);
    if (k !== n - 1) {
      const delta = (ys(n) - ys(k)) / (n - k);
      for (let j = k + 1; j <= n - 1; j++) set(j, ys(k) + delta * (j - k));
    }
  }
}

/** Moving average of x[1..n] over `len`: ave[1..n − len + 1]. */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 1; i <= len; i++) v += x[i];
  ave[1] = v / len;
  for (let j = 2, k = len, m = 0; j <= newn; j++) {
    k++;
    m++;
    v = v - x[m] + x[k];
    ave[j] = v / len;
  }
}

interface Params {
  readonly n: number;
  readonly np: number;
  readonly ns: number;
  readonly nt: number;
  readonly nl: number;
  readonly isdeg: number;
  readonly itdeg: number;
  readonly ildeg: number;
  readonly nsjump: number;
  readonly ntjump: number;
  readonly nljump: number;
}

/** The cycle-subseries smoothing: season[1 .. n + 2np], each subseries extended by one cycle at both ends. */
function subseries(y: Float64Array, p: Params, rw: Float64Array | null, season: Float64Array): void {
  const { n, np, ns, isdeg, nsjump } = p;
  const k0 = Math.trunc((n - 1) / np) + 1;
  const w1 = new Float64Array(k0 + 3);
  const w2 = new Float64Array(k0 + 3);
  const w3 = new Float64Array(k0 + 3);
  const w4 = new Float64Array(k0 + 3);
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) w1[i] = y[(i - 1) * np + j];
    if (rw) for (let i = 1; i <= k; i++) w3[i] = rw[(i - 1) * np + j];
    const weights = rw ? w3 : null;
    smooth(w1, k, ns, isdeg, nsjump, weights, w2, 1, w4);
    const first = estimate(w1, k, ns, isdeg, 0, 1, Math.min(ns, k), w4, weights);
    w2[1] = Number.isNaN(first) ? w2[2] : first;
    const last = estimate(w1, k, ns, isdeg, k + 1, Math.max(1, k - ns + 1), k, w4, weights);
    w2[k + 2] = Number.isNaN(last) ? w2[k + 1] : last;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j] = w2[m];
  }
}

/** One pass of the inner loop (`ni` times), updating season and trend in place (1-based arrays). */
function innerLoop(
  y: Float64Array,
  p: Params,
  ni: number,
  rw: Float64Array | null,
  season: Float64Array,
  trend: Float64Array,
): void {
  const { n, np } = p;
  const size = n + 2 * np + 1;
  const detrended = new Float64Array(size);
  const cycle = new Float64Array(size);
  const filtered = new Float64Array(size);
  const scratch = new Float64Array(size);
  const lowPass = new Float64Array(size);
  for (let iteration = 0; iteration < ni; iteration++) {
    for (let i = 1; i <= n; i++) detrended[i] = y[i] - trend[i];
    subseries(detrended, p, rw, cycle);
    movingAverage(cycle, n + 2 * np, np, filtered);
    movingAverage(filtered, n + np + 1, np, scratch);
    movingAverage(scratch, n + 2, 3, filtered);
    smooth(filtered, n, p.nl, p.ildeg, p.nljump, null, lowPass, 0, scratch);
    for (let i = 1; i <= n; i++) season[i] = cycle[np + i] - lowPass[i];
    for (let i = 1; i <= n; i++) detrended[i] = y[i] - season[i];
    smooth(detrended, n, p.nt, p.itdeg, p.ntjump, rw, trend, 0, scratch);
  }
}

/** Bisquare robustness weights of the remainders, scaled by 6 × their median absolute value. */
function robustnessWeights(y: Float64Array, fit: Float64Array, n: number, rw: Float64Array): void {
  const r = new Float64Array(n);
  for (let i = 1; i <= n; i++) r[i - 1] = Math.abs(y[i] - fit[i]);
  const sorted = Float64Array.from(r).sort();
  const mid1 = Math.trunc(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  const cmad = 3 * (sorted[mid1 - 1] + sorted[mid2 - 1]);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 1; i <= n; i++) {
    const v = r[i - 1];
    rw[i] = v <= c1 ? 1 : v <= c9 ? (1 - (v / cmad) ** 2) ** 2 : 0;
  }
}

function checkedParams(n: number, o: StlOptions): Params {
  const np = o.period;
  if (!Number.isInteger(np) || np < 2) throw new RangeError(`period must be a whole number ≥ 2, got ${np}`);
  if (n < 2 * np) throw new RangeError(`STL needs at least two full periods (${2 * np} values), got ${n}`);
  const ns = Math.max(3, nextOdd(o.seasonal ?? 7));
  const nt = Math.max(3, nextOdd(o.trend ?? Math.ceil((1.5 * np) / (1 - 1.5 / ns))));
  const nl = Math.max(3, nextOdd(o.lowPass ?? np));
  for (const [name, v] of [
    ['seasonal', ns],
    ['trend', nt],
    ['lowPass', nl],
  ] as const)
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be a number`);
  const itdeg = o.trendDegree ?? 1;
  return {
    n,
    np,
    ns,
    nt,
    nl,
    isdeg: o.seasonalDegree ?? 0,
    itdeg,
    ildeg: o.lowPassDegree ?? itdeg,
    nsjump: Math.max(1, o.seasonalJump ?? Math.ceil(ns / 10)),
    ntjump: Math.max(1, o.trendJump ?? Math.ceil(nt / 10)),
    nljump: Math.max(1, o.lowPassJump ?? Math.ceil(nl / 10)),
  };
}

/** STL decomposition of an evenly spaced series without gaps: data = seasonal + trend + remainder. */
export function stl(data: ArrayLike<number>, options: StlOptions): StlResult {
  const n = data.length;
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(data[i])) throw new RangeError(`STL needs finite values; value ${i} is ${data[i]}`);
  const p = checkedParams(n, options);
  const robust = options.robust ?? false;
  const ni = Math.max(1, Math.round(options.inner ?? (robust ? 1 : 2)));
  const no = Math.max(0, Math.round(options.outer ?? (robust ? 15 : 0)));
  const y = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) y[i + 1] = data[i];
  const season = new Float64Array(n + 2 * p.np + 1);
  const trend = new Float64Array(n + 1);
  const rw = new Float64Array(n + 1).fill(1);
  const fit = new Float64Array(n + 1);
  for (let k = 0; ; k++) {
    innerLoop(y, p, ni, k > 0 ? rw : null, season, trend);
    if (k >= no) break;
    for (let i = 1; i <= n; i++) fit[i] = trend[i] + season[i];
    robustnessWeights(y, fit, n, rw);
  }
  if (no <= 0) rw.fill(1);
  const seasonal = season.slice(1, n + 1);
  const trendOut = trend.slice(1, n + 1);
  const remainder = Float64Array.from(seasonal, (s, i) => data[i] - s - trendOut[i]);
  return { seasonal, trend: trendOut, remainder, weights: rw.slice(1, n + 1) };
}

export interface MstlOptions {
  /** Seasonal periods, e.g. [7, 365] for daily data; those without two full cycles in the data are dropped. */
  readonly periods: readonly number[];
  /** Seasonal spans per period, in ascending period order (default 7 + 4i for the i-th: 11, 15, …, as R). */
  readonly windows?: readonly number[];
  /** Rounds of re-estimating every seasonal (default 2). */
  readonly iterate?: number;
  /** Options passed to every STL fit (period and seasonal span excepted). */
  readonly stl?: Omit<StlOptions, 'period' | 'seasonal'>;
}

export interface MstlResult {
  readonly trend: Float64Array;
  /** One seasonal component per period kept, in ascending period order. */
  readonly seasonals: readonly { readonly period: number; readonly values: Float64Array }[];
  readonly remainder: Float64Array;
}

/** MSTL: the trend, one seasonal per period and the remainder, data = trend + Σ seasonals + remainder. */
export function mstl(data: ArrayLike<number>, options: MstlOptions): MstlResult {
  const n = data.length;
  const periods = [...new Set(options.periods)].sort((a, b) => a - b).filter((p) => p >= 2 && 2 * p <= n);
  if (periods.length === 0)
    throw new RangeError(
      `MSTL needs two full cycles of a period: ${n} values cannot show a period of ${Math.min(...options.periods)}`,
    );
  const deseasonal = Float64Array.from(data);
  const seasonals: { period: number; values: Float64Array }[] = periods.map((period) => ({
    period,
    values: new Float64Array(n),
  }));
  const iterate = Math.max(1, Math.round(options.iterate ?? 2));
  let trend: Float64Array = new Float64Array(n);
  for (let round = 0; round < iterate; round++) {
    seasonals.forEach((s, i) => {
      for (let t = 0; t < n; t++) deseasonal[t] += s.values[t];
      const fit = stl(deseasonal, {
        ...options.stl,
        period: s.period,
        seasonal: options.windows?.[i] ?? 7 + 4 * (i + 1),
      });
      s.values = fit.seasonal;
      trend = fit.trend;
      for (let t = 0; t < n; t++) deseasonal[t] -= s.values[t];
    });
  }
  return { trend, seasonals, remainder: Float64Array.from(deseasonal, (v, i) => v - trend[i]) };
}

/** The seasonal periods of daily data: the week and the year. */
export const DAILY_PERIODS = [7, 365] as const;

/**
 * Trend, weekly and (with at least two years) yearly seasonality and remainder of a daily series with every day
 * present: daily GMV or orders, e.g. the day buckets of `revenueTrendSql(filters, window, 'day')`. Four inner
 * iterations instead of R's two: with only two or three values per day of the year, two leave the yearly pattern
 * unconverged (test/models/stl.test.ts). Needs 14 days (RangeError otherwise).
 */
export function decomposeDaily(values: ArrayLike<number>): MstlResult {
  return mstl(values, { periods: DAILY_PERIODS, stl: { inner: 4 } });
}
