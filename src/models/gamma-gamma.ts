import { fitPositiveParameters, type FitOptions } from './fit-options.js';
import { digamma, lnGamma } from './special.js';
import { expectedPurchasesIfAlive, probabilityAlive, type BgNbdParams } from './bg-nbd.js';

/**
 * Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie 2013,
 * "The Gamma-Gamma model of monetary value"). Fitted on repeat buyers only: `x` = number of repeat purchases
 * (x ≥ 1) and `mx` = their mean value (the first purchase excluded, as in the CDNOW summary).
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface GammaGammaCustomer {
  readonly x: number;
  readonly mx: number;
  readonly count?: number;
}

export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
  /** Repeat buyers the fit used. */
  readonly customers: number;
  /** The maximum within the parameter range is reached (see BgNbdFit). */
  readonly converged: boolean;
  /** Log-likelihood the search still expected to gain where it stopped (about 0 when converged). */
  readonly remainingGain: number;
  /** Parameters held at the edge of the parameter range (the repeat buyers do not determine them). */
  readonly atBound: readonly (keyof GammaGammaParams)[];
  /** Parameters the repeat buyers barely determine (see BgNbdFit). */
  readonly undetermined: readonly (keyof GammaGammaParams)[];
  /** Likelihood evaluations the optimiser needed. */
  readonly evaluations: number;
  /** Population mean spend per transaction, p·v / (q − 1) (infinite when q ≤ 1). */
  readonly meanSpend: number;
}

/** Log-density of a customer's mean spend mx given x transactions (FH 2013, eq. 3 as the likelihood). */
export function gammaGammaLogLikelihoodOne({ p, q, v }: GammaGammaParams, x: number, mx: number): number {
  const px = p * x;
  return (
    lnGamma(px + q) -
    lnGamma(px) -
    lnGamma(q) +
    q * Math.log(v) +
    (px - 1) * Math.log(mx) +
    px * Math.log(x) -
    (px + q) * Math.log(v + x * mx)
  );
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly GammaGammaCustomer[]): number {
  let sum = 0;
  for (const c of customers) sum += (c.count ?? 1) * gammaGammaLogLikelihoodOne(params, c.x, c.mx);
  return sum;
}

/** Identical (x, m_x) customers evaluated once with a count: exact, and many share a price. */
function groupSpenders(customers: readonly GammaGammaCustomer[]): GammaGammaCustomer[] {
  const groups = new Map<string, { x: number; mx: number; count: number }>();
  for (const c of customers) {
    const key = `${c.x}|${c.mx}`;
    const g = groups.get(key);
    if (g) g.count += c.count ?? 1;
    else groups.set(key, { x: c.x, mx: c.mx, count: c.count ?? 1 });
  }
  return [...groups.values()];
}

/**
 * The likelihood of grouped repeat buyers, laid out for fast repeated evaluation (exact: the same sum as
 * {@link gammaGammaLogLikelihood}, reordered). Every term but ln(v + x·m_x) depends on the customer through x
 * alone or is linear in ln m_x, so it is summed once per distinct x; one log per customer remains. Given an array,
 * it also fills it with the gradient with respect to p, q, v.
 */
export function compileGammaGammaLikelihood(
  rows: readonly GammaGammaCustomer[],
): (params: GammaGammaParams, gradient?: number[]) => number {
  const xs: number[] = [];
  const seen = new Map<number, number>();
  const weight: number[] = [];
  const weightedLogM: number[] = [];
  const rowX = new Float64Array(rows.length);
  const rowXm = new Float64Array(rows.length);
  const rowW = new Float64Array(rows.length);
  rows.forEach((c, j) => {
    const w = c.count ?? 1;
    let i = seen.get(c.x);
    if (i === undefined) {
      i = xs.length;
      xs.push(c.x);
      seen.set(c.x, i);
      weight.push(0);
      weightedLogM.push(0);
    }
    weight[i] += w;
    weightedLogM[i] += w * Math.log(c.mx);
    rowX[j] = c.x;
    rowXm[j] = c.x * c.mx;
    rowW[j] = w;
  });
  return ({ p, q, v }, gradient) => {
    const lnV = Math.log(v);
    const lnGammaQ = lnGamma(q);
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      const px = p * xs[i];
      sum +=
        weight[i] * (lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * lnV + px * Math.log(xs[i])) +
        (px - 1) * weightedLogM[i];
    }
    if (!gradient) {
      for (let j = 0; j < rowW.length; j++) sum -= rowW[j] * (p * rowX[j] + q) * Math.log(v + rowXm[j]);
      return sum;
    }
    let gp = 0;
    let gq = 0;
    let gv = 0;
    const psiQ = digamma(q);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const psi = digamma(p * x + q);
      gp += weight[i] * x * (psi - digamma(p * x) + Math.log(x)) + x * weightedLogM[i];
      gq += weight[i] * (psi - psiQ + lnV);
      gv += (weight[i] * q) / v;
    }
    for (let j = 0; j < rowW.length; j++) {
      const w = rowW[j];
      const x = rowX[j];
      const lnS = Math.log(v + rowXm[j]);
      sum -= w * (p * x + q) * lnS;
      gp -= w * x * lnS;
      gq -= w * lnS;
      gv -= (w * (p * x + q)) / (v + rowXm[j]);
    }
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
    return sum;
  };
}

/**
 * Fits p, q, v by maximum likelihood on their logarithms, within PARAMETER_RANGE (likelihood-fit.ts; v relative
 * to the mean spend): see fitPositiveParameters and maximiseLogLikelihood. Customers with x = 0 or mx ≤ 0 are left out. A handful of repeat
 * buyers often shows no difference in spend between customers; the likelihood then rises towards q, v → ∞ and the
 * fit holds them at the edge of the range, named in `atBound`.
 */
export function fitGammaGamma(
  customers: readonly GammaGammaCustomer[],
  options: FitOptions<GammaGammaParams> = {},
): GammaGammaFit {
  const rows = groupSpenders(customers.filter((c) => c.x >= 1 && c.mx > 0 && Number.isFinite(c.mx)));
  if (rows.length === 0) throw new RangeError('fitGammaGamma needs at least one repeat buyer with a positive spend');
  const total = rows.reduce((s, c) => s + (c.count ?? 1), 0);
  const meanM = rows.reduce((s, c) => s + (c.count ?? 1) * c.mx, 0) / total;
  const logLikelihood = compileGammaGammaLikelihood(rows);
  // Start where the population mean p·v/(q − 1) equals the sample mean: p = 1, q = 2, v = mean.
  const fit = fitPositiveParameters(['p', 'q', 'v'], [1, 1, meanM], { p: 1, q: 2, v: meanM }, logLikelihood, options);
  const { params, ...search } = fit;
  return {
    params,
    logLikelihood: gammaGammaLogLikelihood(params, rows),
    customers: total,
    ...search,
    meanSpend: params.q > 1 ? (params.p * params.v) / (params.q - 1) : Number.POSITIVE_INFINITY,
  };
}

/**
 * E[M | p, q, v, x, mx]: expected spend per future transaction of a customer, a weighted mean of the population
 * mean and the customer's own mean. A customer with no repeat purchase (x = 0) gets the population mean.
 */
export function expectedSpend({ p, q, v }: GammaGammaParams, x: number, mx: number): number {
  if (x <= 0 || !(mx > 0)) return q > 1 ? (p * v) / (q - 1) : Number.NaN;
  return (p * (v + x * mx)) / (p * x + q - 1);
}

/** Weeks in an average month (52.18 / 12), as in lifetimes' `freq="W"` CLV. */
export const WEEKS_PER_MONTH = 4.345;

export interface ClvOptions {
  /** Horizon in weeks (default 52). */
  readonly horizonWeeks?: number;
  /** Monthly discount rate (default 0.01). */
  readonly discountRate?: number;
}

/**
 * Discounted customer lifetime value over a horizon, in the lifetimes style: the horizon is cut into months
 * of 4.345 weeks; month i contributes expected spend × (E[Y(t_i) | history] − E[Y(t_{i−1}) | history]) /
 * (1 + d)^i. A last partial month contributes its share of purchases at the discount of month ⌈i⌉. Time is in
 * weeks, so the BG/NBD parameters must have been fitted on weeks.
 */
export function customerLifetimeValue(
  bgnbd: BgNbdParams,
  spend: number,
  x: number,
  tx: number,
  T: number,
  options: ClvOptions = {},
): number {
  if (!(spend > 0)) return 0;
  return spend * discountedPurchases(bgnbd, x, tx, T, options);
}

/**
 * Σ over the horizon's months of the purchases expected in that month, discounted: the CLV of a customer whose
 * purchases are worth 1. CLV is linear in the spend, so this is computed once per (x, t_x, T) and reused.
 */
export function discountedPurchases(
  bgnbd: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  options: ClvOptions = {},
): number {
  return discountedPurchasesIfAlive(bgnbd, x, T, options) * probabilityAlive(bgnbd, x, tx, T);
}

/**
 * {@link discountedPurchases} of a customer known to be alive: every month's expected purchases share the factor
 * P(alive | x, t_x, T) (FHL 2005, eq. 10), so the discounted sum is this, which depends on (x, T) only, times
 * P(alive).
 */
export function discountedPurchasesIfAlive(
  bgnbd: BgNbdParams,
  x: number,
  T: number,
  { horizonWeeks = 52, discountRate = 0.01 }: ClvOptions = {},
): number {
  if (horizonWeeks <= 0) return 0;
  let total = 0;
  let previous = 0;
  const months = Math.ceil(horizonWeeks / WEEKS_PER_MONTH - 1e-9);
  for (let i = 1; i <= months; i++) {
    const t = Math.min(i * WEEKS_PER_MONTH, horizonWeeks);
    const cumulative = expectedPurchasesIfAlive(bgnbd, t, x, T);
    total += (cumulative - previous) / Math.pow(1 + discountRate, i);
    previous = cumulative;
  }
  return total;
}
