import { fitPositiveParameters, type FitOptions } from './fit-options.js';
import { digamma, lnBeta, lnGamma, powerTimesHyp2f1 } from './special.js';

/**
 * BG/NBD "buy till you die" model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 *
 * Conventions (the same as the CDNOW summary used by the paper and by lifetimes / BTYD):
 * - `x` = number of *repeat* purchases in the calibration period (the first purchase is not counted; purchases
 *   on the same day are one purchase);
 * - `tx` = time of the last purchase, measured from the first purchase (0 when x = 0);
 * - `T` = length of observation, from the first purchase to the end of calibration.
 * Time is in whatever unit the caller uses (weeks in the paper); `alpha` comes out in that unit.
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export interface BgNbdCustomer {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  /** Number of identical customers this row stands for (default 1). */
  readonly count?: number;
}

export interface BgNbdFit {
  readonly params: BgNbdParams;
  /** Total log-likelihood at the fitted parameters. */
  readonly logLikelihood: number;
  /** Customers the fit used, and the distinct (x, tx, T) rows they collapsed to. */
  readonly customers: number;
  readonly distinctRows: number;
  /** The maximum within the parameter range is reached (to 10⁻⁶ log-likelihood units, interactive). */
  readonly converged: boolean;
  /** Log-likelihood the search still expected to gain where it stopped (about 0 when converged). */
  readonly remainingGain: number;
  /**
   * Parameters held at the edge of PARAMETER_RANGE (likelihood-fit.ts) because the likelihood keeps rising beyond it: the
   * customers do not determine them (the fit is the best within the range). Empty for an ordinary fit.
   */
  readonly atBound: readonly (keyof BgNbdParams)[];
  /**
   * Parameters the customers barely determine: those in `atBound`, and those whose logarithm has a standard error
   * above ln 10 at the maximum (the likelihood is nearly flat along them). Empty for an ordinary fit.
   */
  readonly undetermined: readonly (keyof BgNbdParams)[];
  /** Likelihood evaluations the optimiser needed. */
  readonly evaluations: number;
}

/** Log-likelihood of one customer (FHL 2005, eq. 6), without the weight. */
export function bgNbdLogLikelihoodOne({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  const common = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnBeta(a, b + x) - lnBeta(a, b);
  const lnA = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + lnA;
  const lnB = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(lnA, lnB);
  return common + m + Math.log(Math.exp(lnA - m) + Math.exp(lnB - m));
}

/**
 * Total (weighted) log-likelihood of a set of customers. The gamma and beta terms depend on x only, so they are
 * computed once per distinct x (a few hundred at most) rather than once per customer.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly BgNbdCustomer[]): number {
  const { r, alpha, a, b } = params;
  const base = r * Math.log(alpha) - lnGamma(r) - lnBeta(a, b);
  const common: number[] = [];
  let sum = 0;
  for (const c of customers) {
    const { x, tx, T } = c;
    let k = common[x];
    if (k === undefined) {
      k = base + lnGamma(r + x) + lnBeta(a, b + x);
      common[x] = k;
    }
    const lnA = -(r + x) * Math.log(alpha + T);
    let ll: number;
    if (x === 0) ll = k + lnA;
    else {
      const lnB = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx);
      const m = Math.max(lnA, lnB);
      ll = k + m + Math.log(Math.exp(lnA - m) + Math.exp(lnB - m));
    }
    sum += (c.count ?? 1) * ll;
  }
  return sum;
}

/** Collapses identical (x, tx, T) rows into one row with a count: the likelihood is then evaluated once per row. */
export function groupCustomers<C extends BgNbdCustomer>(customers: readonly C[]): BgNbdCustomer[] {
  const groups = new Map<string, { x: number; tx: number; T: number; count: number }>();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    const g = groups.get(key);
    if (g) g.count += c.count ?? 1;
    else groups.set(key, { x: c.x, tx: c.tx, T: c.T, count: c.count ?? 1 });
  }
  return [...groups.values()];
}

/**
 * The likelihood of grouped customers, laid out for fast repeated evaluation (exact: the same sum as
 * {@link bgNbdLogLikelihood}, reordered). ln(alpha + T) and ln(alpha + t_x) are computed once per distinct T and
 * t_x (days in weeks: a few hundred each), the gamma and beta terms once per distinct x, and the customers with no
 * repeat purchase (most of them) contribute through a weight per distinct T. What remains per row with x > 0 is one
 * exp and one log. Given an array, it also fills it with the gradient with respect to r, alpha, a, b.
 */
export function compileBgNbdLikelihood(
  rows: readonly BgNbdCustomer[],
): (params: BgNbdParams, gradient?: number[]) => number {
  const index = (values: number[], seen: Map<number, number>, v: number) => {
    let i = seen.get(v);
    if (i === undefined) {
      i = values.length;
      values.push(v);
      seen.set(v, i);
    }
    return i;
  };
  const Ts: number[] = [];
  const txs: number[] = [];
  const xs: number[] = [];
  const seenT = new Map<number, number>();
  const seenTx = new Map<number, number>();
  const seenX = new Map<number, number>();
  const weightOfX: number[] = [];
  const zeroWeight: number[] = [];
  const repeat = rows.filter((c) => c.x > 0);
  const rowX = new Int32Array(repeat.length);
  const rowT = new Int32Array(repeat.length);
  const rowTx = new Int32Array(repeat.length);
  const rowW = new Float64Array(repeat.length);
  for (const c of rows) {
    const w = c.count ?? 1;
    const xi = index(xs, seenX, c.x);
    weightOfX[xi] = (weightOfX[xi] ?? 0) + w;
    const ti = index(Ts, seenT, c.T);
    if (c.x === 0) zeroWeight[ti] = (zeroWeight[ti] ?? 0) + w;
  }
  repeat.forEach((c, j) => {
    rowX[j] = seenX.get(c.x)!;
    rowT[j] = seenT.get(c.T)!;
    rowTx[j] = index(txs, seenTx, c.tx);
    rowW[j] = c.count ?? 1;
  });
  const zeroT = Float64Array.from(Ts, (_, i) => zeroWeight[i] ?? 0);
  const logT = new Float64Array(Ts.length);
  const logTx = new Float64Array(txs.length);
  const rx = new Float64Array(xs.length);
  const la = new Float64Array(xs.length);
  return ({ r, alpha, a, b }, gradient) => {
    for (let i = 0; i < Ts.length; i++) logT[i] = Math.log(alpha + Ts[i]);
    for (let i = 0; i < txs.length; i++) logTx[i] = Math.log(alpha + txs[i]);
    const lnAlpha = Math.log(alpha);
    const base = r * lnAlpha - lnGamma(r) - lnBeta(a, b);
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      sum += weightOfX[i] * (base + lnGamma(r + x) + lnBeta(a, b + x));
      rx[i] = r + x;
      la[i] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
    }
    for (let i = 0; i < Ts.length; i++) sum -= zeroT[i] * r * logT[i];
    if (!gradient) {
      for (let j = 0; j < rowW.length; j++) {
        const k = rowX[j];
        const lnA = -rx[k] * logT[rowT[j]];
        const lnB = la[k] - rx[k] * logTx[rowTx[j]];
        const d = lnA - lnB;
        sum += rowW[j] * ((d > 0 ? lnA : lnB) + Math.log1p(Math.exp(-Math.abs(d))));
      }
      return sum;
    }
    // The gradient (FHL 2005 eq. 6 differentiated): per distinct x the gamma and beta terms give digammas; per row,
    // the weights wA = A / (A + B) and wB = 1 − wA of the two terms of the likelihood's last factor.
    const psiAB = digamma(a + b);
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    const psiR = digamma(r);
    const psiB = digamma(b);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const w = weightOfX[i];
      const psiABx = digamma(a + b + x);
      gr += w * (digamma(r + x) - psiR + lnAlpha);
      gAlpha += (w * r) / alpha;
      ga += w * (psiAB - psiABx);
      gb += w * (digamma(b + x) - psiB + psiAB - psiABx);
    }
    for (let i = 0; i < Ts.length; i++) {
      gr -= zeroT[i] * logT[i];
      gAlpha -= (zeroT[i] * r) / (alpha + Ts[i]);
    }
    for (let j = 0; j < rowW.length; j++) {
      const k = rowX[j];
      const lnA = -rx[k] * logT[rowT[j]];
      const lnB = la[k] - rx[k] * logTx[rowTx[j]];
      const d = lnA - lnB;
      const e = Math.exp(-Math.abs(d));
      const w = rowW[j];
      sum += w * ((d > 0 ? lnA : lnB) + Math.log1p(e));
      // wA = 1 / (1 + exp(lnB − lnA)).
      const wA = d > 0 ? 1 / (1 + e) : e / (1 + e);
      const wB = 1 - wA;
      gr -= w * (wA * logT[rowT[j]] + wB * logTx[rowTx[j]]);
      gAlpha -= w * rx[k] * (wA / (alpha + Ts[rowT[j]]) + wB / (alpha + txs[rowTx[j]]));
      ga += (w * wB) / a;
      gb -= (w * wB) / (b + xs[k] - 1);
    }
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
    return sum;
  };
}

/**
 * Fits r, alpha, a, b by maximum likelihood on the logarithms of the parameters (so they stay positive), starting
 * from r = a = b = 1 and alpha = the mean T, each within PARAMETER_RANGE (likelihood-fit.ts; alpha relative to
 * the mean T): see fitPositiveParameters and maximiseLogLikelihood. Identical (x, tx, T) rows are evaluated once.
 * With few repeat buyers the likelihood often keeps rising towards a corner (everyone drops out after a purchase,
 * or nobody does, or every customer buys at the same rate); the fit then holds the parameters concerned at the edge
 * of the range and names them in `atBound`.
 */
export function fitBgNbd(customers: readonly BgNbdCustomer[], options: FitOptions<BgNbdParams> = {}): BgNbdFit {
  const rows = groupCustomers(
    customers.filter((c) => Number.isFinite(c.x) && Number.isFinite(c.tx) && Number.isFinite(c.T) && c.T > 0),
  );
  const total = rows.reduce((s, c) => s + (c.count ?? 1), 0);
  if (rows.length === 0) throw new RangeError('fitBgNbd needs at least one customer with T > 0');
  const meanT = rows.reduce((s, c) => s + (c.count ?? 1) * c.T, 0) / total;
  const logLikelihood = compileBgNbdLikelihood(rows);
  const scale = Math.max(meanT, 1e-6);
  // Starting alpha at the mean observation length keeps the first steps in a sensible region for any time unit.
  const fit = fitPositiveParameters(
    ['r', 'alpha', 'a', 'b'],
    [1, scale, 1, 1],
    { r: 1, alpha: scale, a: 1, b: 1 },
    logLikelihood,
    options,
  );
  const { params, ...search } = fit;
  return {
    params,
    logLikelihood: bgNbdLogLikelihood(params, rows),
    customers: total,
    distinctRows: rows.length,
    ...search,
  };
}

/** E[X(t)]: expected number of purchases in (0, t] of a customer just acquired (FHL 2005, eq. 9). */
export function expectedPurchases({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + t);
  // (alpha / (alpha + t))^r = (1 − z)^r.
  return ((a + b - 1) / (a - 1)) * (1 - powerTimesHyp2f1(r, r, b, a + b - 1, z));
}

/** P(alive | x, tx, T) (FHL 2005 note, eq. 2): 1 for a customer with no repeat purchase. */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/**
 * E[Y(t) | x, tx, T]: expected purchases in the next t time units of a customer with history (x, tx, T)
 * (FHL 2005, eq. 10). It is {@link expectedPurchasesIfAlive} × {@link probabilityAlive}.
 */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return expectedPurchasesIfAlive(params, t, x, T) * probabilityAlive(params, x, tx, T);
}

/**
 * The numerator of FHL 2005 eq. 10: expected purchases in the next t time units of a customer with x repeat
 * purchases over T who is still alive. It does not depend on t_x, so it can be shared by every customer with the
 * same (x, T); multiplied by P(alive | x, t_x, T) it gives E[Y(t) | x, t_x, T].
 */
export function expectedPurchasesIfAlive({ r, alpha, a, b }: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  // ((alpha + T) / (alpha + T + t))^(r + x) = (1 − z)^(r + x).
  return ((a + b + x - 1) / (a - 1)) * (1 - powerTimesHyp2f1(r + x, r + x, b + x, a + b + x - 1, z));
}
