/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Largest number of function evaluations (default 4000 × dimension). */
  readonly maxEvaluations?: number;
  /** Stop when the simplex's function values differ by less than this (absolute, default 1e-9). */
  readonly fTolerance?: number;
  /** Stop when the simplex's points differ by less than this in every coordinate (default 1e-7). */
  readonly xTolerance?: number;
  /** Size of the first simplex's steps from the start point along each axis (default 0.5). */
  readonly step?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly fx: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/**
 * Minimises `f` from `start` with the Nelder–Mead simplex method (standard coefficients: reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5); it stops when both the simplex's values and its points agree within
 * the tolerances. A non-finite value of `f` counts as +∞, so a likelihood that overflows somewhere pushes the
 * simplex back rather than derailing it. Restarts once from the best point, which guards against a simplex
 * that collapsed early.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const first = run(f, start, options);
  const second = run(f, first.x, {
    ...options,
    maxEvaluations: (options.maxEvaluations ?? 4000 * start.length) - first.evaluations,
  });
  return second.fx <= first.fx ? { ...second, evaluations: first.evaluations + second.evaluations } : first;
}

function run(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const n = start.length;
  const maxEvaluations = Math.max(options.maxEvaluations ?? 4000 * n, n + 1);
  const fTol = options.fTolerance ?? 1e-9;
  const xTol = options.xTolerance ?? 1e-7;
  const step = options.step ?? 0.5;
  let evaluations = 0;
  const value = (x: readonly number[]) => {
    evaluations++;
    const y = f(x);
    return Number.isFinite(y) ? y : Number.POSITIVE_INFINITY;
  };
  const simplex: { x: number[]; fx: number }[] = [{ x: [...start], fx: value(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] += step;
    simplex.push({ x, fx: value(x) });
  }
  const combine = (a: readonly number[], b: readonly number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  let converged = false;
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.fx - q.fx);
    const best = simplex[0];
    const worst = simplex[n];
    const spreadF = Math.abs(worst.fx - best.fx);
    const spreadX = Math.max(...simplex.slice(1).map((p) => Math.max(...p.x.map((v, i) => Math.abs(v - best.x[i])))));
    if (spreadF <= fTol && spreadX <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d] += simplex[i].x[d] / n;
    const reflected = combine(centroid, worst.x, -1);
    const fr = value(reflected);
    if (fr < best.fx) {
      const expanded = combine(centroid, worst.x, -2);
      const fe = value(expanded);
      simplex[n] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
      continue;
    }
    if (fr < simplex[n - 1].fx) {
      simplex[n] = { x: reflected, fx: fr };
      continue;
    }
    const outside = fr < worst.fx;
    const contracted = outside ? combine(centroid, reflected, 0.5) : combine(centroid, worst.x, 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : worst.fx)) {
      simplex[n] = { x: contracted, fx: fc };
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const x = combine(best.x, simplex[i].x, 0.5);
      simplex[i] = { x, fx: value(x) };
    }
  }
  simplex.sort((p, q) => p.fx - q.fx);
  return { x: simplex[0].x, fx: simplex[0].fx, evaluations, converged };
}
