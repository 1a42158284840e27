/** Options of {@link bfgs}. */
export interface BfgsOptions {
  /** Stop when every component of the gradient is below this in absolute value (default 1e-8). */
  readonly gradientTolerance?: number;
  /** Largest number of iterations (default 200). */
  readonly maxIterations?: number;
  /** Longest step, in the largest coordinate, of one line search (default 2; keeps log-parameters sane). */
  readonly maxStep?: number;
  /**
   * Stop, as stalled, after three iterations in a row that lower `f` by less than this relative amount (default
   * 1e-12): a likelihood whose maximum lies at infinity (a flat ridge) would otherwise run out the iterations.
   */
  readonly fTolerance?: number;
}

export interface BfgsResult {
  readonly x: number[];
  readonly fx: number;
  /** Function-and-gradient evaluations. */
  readonly evaluations: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** `f` stopped decreasing (see `fTolerance`) before the gradient was small. */
  readonly stalled: boolean;
}

/**
 * Minimises a smooth `f` from `start` with BFGS (Nocedal & Wright, algorithm 6.1): quasi-Newton steps with an
 * inverse-Hessian estimate, a backtracking line search on the Armijo condition, and the update skipped when the
 * curvature condition fails. `fg` returns the value and the gradient; a non-finite value counts as too far and
 * shortens the step. Converged means the gradient is below the tolerance.
 */
export function bfgs(
  fg: (x: readonly number[]) => { f: number; g: readonly number[] },
  start: readonly number[],
  options: BfgsOptions = {},
): BfgsResult {
  const n = start.length;
  const tolerance = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 2;
  const fTolerance = options.fTolerance ?? 1e-12;
  let slow = 0;
  let stalled = false;
  let evaluations = 0;
  const evaluate = (x: readonly number[]) => {
    evaluations++;
    const r = fg(x);
    return Number.isFinite(r.f) && r.g.every(Number.isFinite) ? r : { f: Number.POSITIVE_INFINITY, g: r.g };
  };
  let x = [...start];
  let { f, g } = evaluate(x);
  if (!Number.isFinite(f)) return { x, fx: f, evaluations, iterations: 0, converged: false, stalled: false };
  // Inverse Hessian estimate, row-major; the identity until the first step scales it.
  let H = identity(n);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    if (Math.max(...g.map(Math.abs)) < tolerance) {
      converged = true;
      break;
    }
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j], 0));
    let slope = d.reduce((s, v, i) => s + v * g[i], 0);
    if (!(slope < 0)) {
      // Not a descent direction (the estimate went bad): restart from steepest descent.
      H = identity(n);
      d = g.map((v) => -v);
      slope = d.reduce((s, v, i) => s + v * g[i], 0);
    }
    const longest = Math.max(...d.map(Math.abs));
    let t = longest > maxStep ? maxStep / longest : 1;
    let next: { f: number; g: readonly number[] } | null = null;
    let xNext = x;
    for (let k = 0; k < 40; k++) {
      xNext = x.map((v, i) => v + t * d[i]);
      const r = evaluate(xNext);
      if (r.f <= f + 1e-4 * t * slope) {
        next = r;
        break;
      }
      t *= 0.5;
    }
    if (!next) {
      // No decrease along the direction: as good as it gets in floating point.
      stalled = true;
      break;
    }
    const s = xNext.map((v, i) => v - x[i]);
    const y = next.g.map((v, i) => v - g[i]);
    const sy = s.reduce((acc, v, i) => acc + v * y[i], 0);
    if (sy > 1e-12 * Math.sqrt(s.reduce((a, v) => a + v * v, 0) * y.reduce((a, v) => a + v * v, 0))) {
      if (iterations === 0) {
        const scale = sy / y.reduce((a, v) => a + v * v, 0);
        H = H.map((row) => row.map((v) => v * scale));
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j], 0));
      const yHy = y.reduce((acc, v, i) => acc + v * Hy[i], 0);
      H = H.map((row, i) =>
        row.map((h, j) => h - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]),
      );
    }
    const change = f - next.f;
    x = xNext;
    f = next.f;
    g = next.g;
    slow = change <= fTolerance * Math.max(1, Math.abs(f)) ? slow + 1 : 0;
    if (slow >= 3) {
      // Three steps that no longer lower f, with a nearly flat gradient, are as converged as floating point allows.
      converged = Math.max(...g.map(Math.abs)) < Math.sqrt(tolerance);
      stalled = !converged;
      iterations++;
      break;
    }
  }
  return { x, fx: f, evaluations, iterations, converged, stalled };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
