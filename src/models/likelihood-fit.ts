import { bfgs } from './bfgs.js';

/**
 * How far a fitted parameter may go, relative to its natural scale (1 for shape parameters, the data's time or
 * money unit for scale parameters): 10⁻⁴ to 10⁴. Where the likelihood keeps rising beyond (no repeat buyer
 * dropping out, no visible difference between customers), the maximum lies at infinity and an unbounded search
 * ends wherever it runs out of patience, with parameters in the millions. Inside the range every fit has a
 * maximum; a parameter that ends on its edge is reported (`atBound`), never passed off as an estimate.
 */
export const PARAMETER_RANGE = { low: 1e-4, high: 1e4 } as const;

/** Log-likelihood at `u` (the search coordinates); fills `gradient` with its derivatives. */
export type LogLikelihoodWithGradient = (u: readonly number[], gradient: number[]) => number;

export interface MaximiseOptions {
  /** Lower and upper bounds of each coordinate. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /**
   * Converged when the local quadratic model (the Hessian by differences of the gradient) predicts less than this
   * further gain of log-likelihood, in log-likelihood units (not per customer).
   */
  readonly gainTolerance: number;
  /** Largest number of evaluations (each one value and gradient); default 1,500. */
  readonly maxEvaluations?: number;
}

export interface MaximiseResult {
  readonly u: number[];
  readonly logLikelihood: number;
  readonly evaluations: number;
  /** The maximum within the bounds is reached: the predicted further gain is below the tolerance. */
  readonly converged: boolean;
  /** Log-likelihood the quadratic model still expected to gain where the search ended (Infinity if unknown). */
  readonly remainingGain: number;
  /** Per coordinate: −1 held at its lower bound, 1 at its upper bound, 0 inside. */
  readonly atBound: number[];
  /**
   * Standard error of each free coordinate, √diag((−H)⁻¹) at the maximum: how sharply the data determine it
   * (Infinity where the likelihood is flat, NaN for coordinates held on a bound or a search that did not converge).
   */
  readonly standardErrors: number[];
}

/** How close (in the search coordinates) to a bound a coordinate pushing outwards is moved onto it. */
const EDGE = 1e-3;
/**
 * On a flat ridge with huge parameters (lnΓ of large arguments) rounding can stop every step while the quadratic
 * model still predicts a sliver of gain: below this (a tenth of the 10⁻³ a reader could notice) the fit has
 * reached its maximum as far as floating point can tell.
 */
const ROUNDING_GAIN = 1e-4;

/**
 * Maximises a smooth log-likelihood over a box. BFGS from `start` gets close in a few dozen evaluations; a
 * projected Newton search then finishes and proves the maximum: the Hessian by central differences of the
 * gradient, coordinates on a bound whose gradient points outwards held there, Levenberg–Marquardt damping where
 * the Hessian is not negative definite, and a backtracking line search along the step clipped to the box. It stops
 * when the Newton decrement ½ gᵀ(−H)⁻¹g (the gain the quadratic model predicts) is below `gainTolerance` (or below
 * ROUNDING_GAIN where rounding stops every step).
 *
 * BFGS alone is not enough: on the flat ridges of BG/NBD with few repeat buyers its gradient is tiny long before
 * the top (0.27 log-likelihood units short on Olist June–August 2017), and only curvature tells the two apart.
 */
export function maximiseLogLikelihood(
  logLikelihood: LogLikelihoodWithGradient,
  start: readonly number[],
  options: MaximiseOptions,
): MaximiseResult {
  const n = start.length;
  const { lower, upper, gainTolerance } = options;
  const cap = options.maxEvaluations ?? 1500;
  let evaluations = 0;
  const evaluate = (u: readonly number[]) => {
    evaluations++;
    const g = new Array<number>(n).fill(0);
    const f = logLikelihood(u, g);
    return Number.isFinite(f) && g.every(Number.isFinite) ? { f, g } : { f: Number.NEGATIVE_INFINITY, g };
  };
  const clamp = (u: readonly number[]) => u.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));
  const inside = (u: readonly number[]) => u.every((v, i) => v >= lower[i] && v <= upper[i]);

  let u = clamp(start);
  let here = evaluate(u);
  if (here.f === Number.NEGATIVE_INFINITY) return done(u, here.f, false, Infinity);
  // BFGS minimises; dividing by the starting value keeps its tolerances meaningful at any data size. Steps out of
  // the box, or past the evaluation cap, count as too far.
  const scale = Math.max(1, Math.abs(here.f));
  const far = { f: Number.POSITIVE_INFINITY, g: new Array<number>(n).fill(0) };
  bfgs(
    (v) => {
      if (!inside(v) || evaluations >= cap) return far;
      const r = evaluate(v);
      if (r.f > here.f) {
        u = [...v];
        here = r;
      }
      return { f: -r.f / scale, g: r.g.map((d) => -d / scale) };
    },
    u,
    { gradientTolerance: 1e-9, fTolerance: 1e-10, maxIterations: 100 },
  );

  let gain = Infinity;
  let stalled = false;
  let curvature: { free: number[]; H: number[][] } | null = null;
  while (evaluations + 2 * n + 2 <= cap) {
    // Coordinates on (or within 10⁻³ of) a bound whose gradient points outwards are held on the bound.
    let held = u.map((v, i) => (v - lower[i] <= EDGE && here.g[i] < 0) || (upper[i] - v <= EDGE && here.g[i] > 0));
    const snapped = u.map((v, i) => (held[i] ? (here.g[i] < 0 ? lower[i] : upper[i]) : v));
    if (snapped.some((v, i) => v !== u[i])) {
      // Moving a coordinate by at most EDGE along its gradient: any fall is rounding (lnΓ of large arguments).
      const r = evaluate(snapped);
      if (r.f >= here.f - gainTolerance) {
        u = snapped;
        here = r;
      } else held = held.map(() => false);
    }
    const free = [...u.keys()].filter((i) => !held[i]);
    if (free.length === 0) {
      curvature = null;
      gain = 0;
      break;
    }
    const H = hessian(evaluate, u, n);
    curvature = { free, H };
    const g = free.map((i) => here.g[i]);
    const step = dampedNewtonStep(
      free.map((i) => free.map((j) => -H[i][j])),
      g,
    );
    gain = step.gain;
    if (gain <= gainTolerance) break;
    const d = new Array<number>(n).fill(0);
    free.forEach((i, k) => (d[i] = step.d[k]));
    const next = lineSearch(d) ?? toBounds(d);
    if (!next) {
      stalled = true;
      break;
    }
    u = next.u;
    here = { f: next.f, g: next.g };
  }
  return done(u, here.f, gain <= gainTolerance || (stalled && gain <= ROUNDING_GAIN), gain);

  /** The best point along u + t·d (t = 1, ½, ¼, …) clipped to the box, rising enough (Armijo); null if none. */
  function lineSearch(d: readonly number[]) {
    for (let t = 1, k = 0; k < 40 && evaluations < cap; k++, t /= 2) {
      const v = clamp(u.map((x, i) => x + t * d[i]));
      const rise = v.reduce((s, x, i) => s + here.g[i] * (x - u[i]), 0);
      if (!(rise > 0)) return null;
      const r = evaluate(v);
      if (r.f >= here.f + 1e-4 * rise) return { u: v, ...r };
    }
    return null;
  }

  /**
   * When the clipped Newton path does not rise (a coordinate reaching its bound turns the step), only the
   * coordinates that the full step carries past their bounds move, onto them.
   */
  function toBounds(d: readonly number[]) {
    const v = u.map((x, i) => (x + d[i] < lower[i] ? lower[i] : x + d[i] > upper[i] ? upper[i] : x));
    if (v.every((x, i) => x === u[i])) return null;
    const r = evaluate(v);
    return r.f > here.f ? { u: v, ...r } : null;
  }

  function done(at: number[], f: number, converged: boolean, remainingGain: number): MaximiseResult {
    const atBound = at.map((v, i) => (v <= lower[i] ? -1 : v >= upper[i] ? 1 : 0));
    const standardErrors = new Array<number>(n).fill(Number.NaN);
    if (converged && curvature) {
      const { free, H } = curvature;
      // Along a flat direction the damping μ stands in for the missing curvature: variances of about 1/μ there.
      const L = dampedCholesky(free.map((i) => free.map((j) => -H[i][j])));
      free.forEach((i, k) => {
        const unit = free.map((_, m) => (m === k ? 1 : 0));
        standardErrors[i] = L ? Math.sqrt(solveCholesky(L, unit)[k]) : Number.POSITIVE_INFINITY;
      });
    }
    return { u: at, logLikelihood: f, evaluations, converged, remainingGain, atBound, standardErrors };
  }
}

/** The Hessian by central differences of the gradient (step 10⁻⁴ in the search coordinates), symmetrised. */
function hessian(
  evaluate: (u: readonly number[]) => { f: number; g: number[] },
  u: readonly number[],
  n: number,
): number[][] {
  const h = 1e-4;
  const columns = u.map((_, j) => {
    const up = evaluate(u.map((v, i) => (i === j ? v + h : v))).g;
    const down = evaluate(u.map((v, i) => (i === j ? v - h : v))).g;
    return up.map((value, i) => (value - down[i]) / (2 * h));
  });
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (columns[j][i] + columns[i][j]) / 2));
}

/**
 * The step d solving (A + μI) d = g for the smallest μ ≥ 0 that makes A + μI positive definite (A = −H), and the
 * gain ½ g·d the quadratic model predicts (with μ = 0: the Newton decrement).
 */
function dampedNewtonStep(A: number[][], g: readonly number[]): { d: number[]; gain: number } {
  const L = dampedCholesky(A);
  if (!L) return { d: g.map(() => 0), gain: Infinity };
  const d = solveCholesky(L, g);
  return { d, gain: 0.5 * d.reduce((s, v, i) => s + v * g[i], 0) };
}

/** The Cholesky factor of A + μI for the smallest μ in 0, 10⁻¹⁰·max|A_ii|, ×10, … that is positive definite. */
function dampedCholesky(A: readonly (readonly number[])[]): number[][] | null {
  const size = Math.max(...A.map((row, i) => Math.abs(row[i])), 1e-300);
  for (let mu = 0, k = 0; k < 60; k++, mu = mu === 0 ? 1e-10 * size : mu * 10) {
    const L = cholesky(A.map((row, i) => row.map((v, j) => (i === j ? v + mu : v))));
    if (L) return L;
  }
  return null;
}

function cholesky(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

function solveCholesky(L: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
    y[i] = s / L[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}
