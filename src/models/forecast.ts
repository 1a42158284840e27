import { scoreSeries } from './anomaly.js';
import { nelderMead } from './nelder-mead.js';

/**
 * Forecasts of a daily series summed into weeks, with prediction intervals: additive Holt-Winters with a damped
 * trend, ETS(A,Ad,A) in the innovations state-space form of Hyndman, Koehler, Ord & Snyder, *Forecasting with
 * Exponential Smoothing* (2008), §3.4 and Table 6.1 (class 1 models):
 *
 *     ŷ_t = l_{t−1} + φ b_{t−1} + s_{t−m}          e_t = y_t − ŷ_t
 *     l_t = l_{t−1} + φ b_{t−1} + α e_t
 *     b_t = φ b_{t−1} + β e_t
 *     s_t = s_{t−m} + γ e_t
 *
 * - Why daily with m = 7 rather than weekly: a weekly series of one year holds a yearly season once, which cannot
 *   be estimated; the day-of-week pattern can. The yearly peaks (Black Friday) are therefore *not* anticipated.
 * - Start values: trend = difference of the means of the first two seasons / m, level at t = −1 from the first
 *   season's mean, seasonal indices = mean detrended value per position (summing to 0). A series that is exactly
 *   linear + periodic then has zero errors and is forecast exactly.
 * - α, β, γ, φ minimise the sum of squared one-step errors (Nelder–Mead) within 0 < α < 1, 0 < β < α,
 *   0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98 (the usual admissible region and fpp's damping range).
 * - Interval of a sum of days: the h-step error is e_{n+h} + Σ_{j=1}^{h−1} c_j e_{n+h−j} with
 *   c_j = α + β(φ + … + φ^j) + γ·[j mod m = 0]; a week's error is a linear combination of the future e's, whose
 *   variance is σ² × the sum of the squared combined coefficients (exact under the model, errors iid normal).
 *   σ² = SSE / (n − k), k = 4 + 2 + (m − 1) estimated values. Lower bounds are clipped at 0 (GMV is not negative).
 */
export interface EtsParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  /** Damping; 1 = an undamped (linear) trend. */
  readonly phi: number;
}

export interface EtsFit {
  readonly params: EtsParams;
  readonly period: number;
  /** One-step-ahead fitted values. */
  readonly fitted: number[];
  readonly sse: number;
  /** Residual variance σ². */
  readonly sigma2: number;
  readonly level: number;
  readonly trend: number;
  /** The last `period` seasonal states; `season[t % period]` is the one time t uses. */
  readonly season: number[];
  readonly n: number;
}

export interface ForecastPoint {
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/** The start values (see the module comment); needs at least two full seasons. */
export function initialStates(y: readonly number[], m: number): { level: number; trend: number; season: number[] } {
  if (y.length < 2 * m)
    throw new RangeError(`Holt-Winters needs at least two seasons (${2 * m} points), got ${y.length}.`);
  const mean = (from: number) => y.slice(from, from + m).reduce((s, v) => s + v, 0) / m;
  const trend = (mean(m) - mean(0)) / m;
  const level = mean(0) - (trend * (m + 1)) / 2;
  const season = new Array<number>(m).fill(0);
  for (let j = 0; j < m; j++)
    season[j] = (y[j] - (level + (j + 1) * trend) + y[j + m] - (level + (j + m + 1) * trend)) / 2;
  const centre = season.reduce((s, v) => s + v, 0) / m;
  return { level, trend, season: season.map((s) => s - centre) };
}

/**
 * Runs the recursions from `init`, leaving the final seasonal states in `season` and each one-step prediction in
 * `fitted` when given; returns the sum of squared errors and the final level and trend. The fit's objective calls
 * it without `fitted`, so that it allocates nothing.
 */
function recurse(
  y: readonly number[],
  init: { level: number; trend: number; season: readonly number[] },
  { alpha, beta, gamma, phi }: EtsParams,
  season: number[] | Float64Array,
  fitted?: number[],
): { sse: number; level: number; trend: number } {
  const m = season.length;
  let level = init.level;
  let trend = init.trend;
  for (let k = 0; k < m; k++) season[k] = init.season[k];
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const s = season[t % m];
    const yhat = level + phi * trend + s;
    const e = y[t] - yhat;
    fitted?.push(yhat);
    sse += e * e;
    const nextLevel = level + phi * trend + alpha * e;
    trend = phi * trend + beta * e;
    level = nextLevel;
    season[t % m] = s + gamma * e;
  }
  return { sse, level, trend };
}

/** Runs the recursions with given parameters. */
export function holtWinters(y: readonly number[], period: number, params: EtsParams): EtsFit {
  const m = Math.max(1, Math.round(period));
  const season = new Array<number>(m);
  const fitted: number[] = [];
  const { sse, level, trend } = recurse(y, initialStates(y, m), params, season, fitted);
  const k = 6 + (m - 1);
  const sigma2 = sse / Math.max(1, y.length - k);
  return { params, period: m, fitted, sse, sigma2, level, trend, season, n: y.length };
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));

function toParams(u: readonly number[], damped: boolean): EtsParams {
  const alpha = 0.0001 + 0.9998 * logistic(u[0]);
  return {
    alpha,
    beta: alpha * logistic(u[1]) * 0.9999,
    gamma: (1 - alpha) * logistic(u[2]) * 0.9999,
    phi: damped ? 0.8 + 0.18 * logistic(u[3]) : 1,
  };
}

/**
 * The series with its one-off spikes and drops (robust z ≥ 3.5 against a rolling-median trend and weekday pattern,
 * as in anomaly.ts, and at least 25% off) replaced by their expected values. A Black Friday or a data glitch would otherwise drag the
 * level and trend for weeks after it; the forecast is fitted on this, the chart and the errors use the real data.
 */
export function withoutOutliers(y: readonly number[]): number[] {
  if (y.length < 21) return [...y];
  // Also a material departure (a quarter of the expected value): on a near-exact series every wobble is "extreme".
  const material = (p: { observed: number; expected: number }) =>
    Math.abs(p.observed - p.expected) > 0.25 * Math.abs(p.expected);
  return scoreSeries(y, { transform: 'sqrt' }).map((p) => (p.flagged && material(p) ? p.expected : p.observed));
}

/** Fits α, β, γ (and φ when `damped`, the default) by least squares of the one-step errors. */
export function fitHoltWinters(y: readonly number[], period: number, options: { damped?: boolean } = {}): EtsFit {
  const damped = options.damped ?? true;
  const m = Math.max(1, Math.round(period));
  const init = initialStates(y, m);
  const season = new Float64Array(m);
  const objective = (u: readonly number[]) => recurse(y, init, toParams(u, damped), season).sse;
  // Start from α 0.3, β 0.1α, γ 0.1(1 − α), φ 0.95: moderate smoothing, as commonly used.
  const start = [logit((0.3 - 0.0001) / 0.9998), logit(0.1), logit(0.1), logit((0.95 - 0.8) / 0.18)];
  const best = nelderMead(objective, damped ? start : start.slice(0, 3), { maxEvaluations: 1500, step: 1 });
  return holtWinters(y, period, toParams(best.x, damped));
}

/** φ + φ² + … + φ^h. */
function dampSum(phi: number, h: number): number {
  let s = 0;
  let p = 1;
  for (let i = 1; i <= h; i++) {
    p *= phi;
    s += p;
  }
  return s;
}

/** Point forecasts for h = 1..horizon. */
export function forecastDays(fit: EtsFit, horizon: number): number[] {
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++)
    out.push(fit.level + dampSum(fit.params.phi, h) * fit.trend + fit.season[(fit.n - 1 + h) % fit.period]);
  return out;
}

/** c_j of the module comment, j = 0..horizon − 1 (c_0 = 1). */
export function errorWeights(fit: EtsFit, horizon: number): number[] {
  const { alpha, beta, gamma, phi } = fit.params;
  const c = [1];
  for (let j = 1; j < horizon; j++) c.push(alpha + beta * dampSum(phi, j) + (j % fit.period === 0 ? gamma : 0));
  return c;
}

/**
 * Forecast sums of consecutive blocks of `block` days (7 for weeks) after the series, `blocks` of them,
 * with 80% and 95% intervals.
 */
export function forecastBlocks(fit: EtsFit, blocks: number, block = 7): ForecastPoint[] {
  const horizon = blocks * block;
  const days = forecastDays(fit, horizon);
  const c = errorWeights(fit, horizon);
  const out: ForecastPoint[] = [];
  for (let b = 0; b < blocks; b++) {
    const first = b * block + 1;
    const last = (b + 1) * block;
    let mean = 0;
    for (let h = first; h <= last; h++) mean += days[h - 1];
    // Coefficient of e_{n+k} in the block's summed error: Σ_{h in block, h ≥ k} c_{h−k}.
    let variance = 0;
    for (let k = 1; k <= last; k++) {
      let coef = 0;
      for (let h = Math.max(first, k); h <= last; h++) coef += c[h - k];
      variance += coef * coef;
    }
    const sd = Math.sqrt(variance * fit.sigma2);
    out.push({
      mean,
      lo80: Math.max(0, mean - Z80 * sd),
      hi80: mean + Z80 * sd,
      lo95: Math.max(0, mean - Z95 * sd),
      hi95: mean + Z95 * sd,
    });
  }
  return out;
}

/** Mean absolute percentage error, over the pairs whose actual is not 0; null when there is none. */
export function mape(actual: readonly number[], predicted: readonly number[]): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < Math.min(actual.length, predicted.length); i++) {
    if (actual[i] === 0 || !Number.isFinite(actual[i]) || !Number.isFinite(predicted[i])) continue;
    sum += Math.abs((actual[i] - predicted[i]) / actual[i]);
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** Sums of consecutive blocks of `block` values, dropping a leading partial block so the last block ends at the end. */
export function blockSums(values: readonly number[], block = 7): number[] {
  const skip = values.length % block;
  const out: number[] = [];
  for (let i = skip; i + block <= values.length; i += block)
    out.push(values.slice(i, i + block).reduce((s, v) => s + v, 0));
  return out;
}

export interface Backtest {
  /** Weeks held out. */
  readonly blocks: number;
  readonly actual: number[];
  readonly predicted: number[];
  readonly mape: number | null;
  /** MAPE of the seasonal naive forecast (every held-out week = the last week before them), for comparison. */
  readonly naiveMape: number | null;
}

/**
 * Refits on the series without its last `blocks` × `block` days and forecasts them. Null when what remains is too
 * short to fit (fewer than `minBlocks` blocks).
 */
export function backtest(
  y: readonly number[],
  period: number,
  blocks: number,
  block = 7,
  minBlocks = 6,
): Backtest | null {
  const held = blocks * block;
  const train = y.slice(0, y.length - held);
  if (blocks < 1 || train.length < Math.max(minBlocks * block, 2 * period)) return null;
  const fit = fitHoltWinters(withoutOutliers(train), period);
  const predicted = forecastBlocks(fit, blocks, block).map((p) => p.mean);
  const actual = blockSums(y.slice(y.length - held), block);
  const lastWeek = train.slice(train.length - block).reduce((s, v) => s + v, 0);
  return {
    blocks,
    actual,
    predicted,
    mape: mape(actual, predicted),
    naiveMape: mape(
      actual,
      actual.map(() => lastWeek),
    ),
  };
}
