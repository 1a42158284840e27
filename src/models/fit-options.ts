import { maximiseLogLikelihood, PARAMETER_RANGE, type MaximiseResult } from './likelihood-fit.js';

/** How a maximum-likelihood fit searches. */
export interface FitOptions<P> {
  /** Start from these parameters (a previous fit of similar data) instead of the default start. */
  readonly start?: P;
  /**
   * Both reach the maximum (within PARAMETER_RANGE) and say when they did not. `precise` (default) stops when
   * the quadratic model predicts less than 10⁻⁹ log-likelihood units still to gain; `interactive`, for a dashboard
   * that refits on every filter change, at 10⁻⁶ (one Newton step fewer, far inside the 10⁻³ a reader could notice).
   */
  readonly precision?: 'precise' | 'interactive';
  /** Most likelihood evaluations (default 1,500; a fit needs 30–150): a fit stopped by it says it did not converge. */
  readonly maxEvaluations?: number;
}

/** The search settings of a fit's options (see maximiseLogLikelihood). */
function fitSearch(options: FitOptions<unknown>): { gainTolerance: number; maxEvaluations?: number } {
  return { gainTolerance: options.precision === 'interactive' ? 1e-6 : 1e-9, maxEvaluations: options.maxEvaluations };
}

/** The search box of log-parameters whose natural scales are `scales`: ln(scale × PARAMETER_RANGE). */
function fitBounds(scales: readonly number[]): { lower: number[]; upper: number[] } {
  return {
    lower: scales.map((s) => Math.log(s * PARAMETER_RANGE.low)),
    upper: scales.map((s) => Math.log(s * PARAMETER_RANGE.high)),
  };
}

/** A standard error of ln θ above this (ln 10: the 95 % interval spans more than a factor of 100 either way). */
export const UNDETERMINED_LOG_SE = Math.LN10;

/**
 * The parameters (named in search order) that a converged fit leaves undetermined: held on the edge of the range,
 * or with a standard error of their logarithm above {@link UNDETERMINED_LOG_SE}.
 */
function undeterminedParameters<N extends string>(names: readonly N[], result: MaximiseResult): N[] {
  if (!result.converged) return [];
  return names.filter((_, i) => result.atBound[i] !== 0 || !(result.standardErrors[i] <= UNDETERMINED_LOG_SE));
}

/** What {@link fitPositiveParameters} found: the parameters and how the search ended. */
export interface PositiveFit<N extends string> {
  readonly params: Record<N, number>;
  readonly converged: boolean;
  readonly remainingGain: number;
  readonly atBound: N[];
  readonly undetermined: N[];
  readonly evaluations: number;
}

/**
 * Maximises a log-likelihood of positive parameters `names` over their logarithms (so they stay positive), each
 * within PARAMETER_RANGE times its natural scale, from `start` (or `options.start`). `logLikelihood` fills the
 * gradient with respect to the parameters; the chain rule d/du = θ · d/dθ (θ = e^u) turns it into the search's.
 */
export function fitPositiveParameters<N extends string>(
  names: readonly N[],
  scales: readonly number[],
  start: Record<N, number>,
  logLikelihood: (params: Record<N, number>, gradient: number[]) => number,
  options: FitOptions<Record<N, number>>,
): PositiveFit<N> {
  const toParams = (u: readonly number[]) =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(u[i])])) as Record<N, number>;
  const from = options.start ?? start;
  const result = maximiseLogLikelihood(
    (u, gradient) => {
      const params = toParams(u);
      const ll = logLikelihood(params, gradient);
      names.forEach((name, i) => (gradient[i] *= params[name]));
      return ll;
    },
    names.map((name) => Math.log(from[name])),
    { ...fitBounds(scales), ...fitSearch(options) },
  );
  return {
    params: toParams(result.u),
    converged: result.converged,
    remainingGain: result.remainingGain,
    atBound: names.filter((_, i) => result.atBound[i] !== 0),
    undetermined: undeterminedParameters(names, result),
    evaluations: result.evaluations,
  };
}
