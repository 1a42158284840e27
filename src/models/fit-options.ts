import { PARAMETER_RANGE, type MaximiseResult } from './likelihood-fit.js';

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
  /** Largest number of likelihood evaluations (default 1,500; a fit needs 30–150): past it the fit says it did not converge. */
  readonly maxEvaluations?: number;
}

/** The search settings of a fit's options (see maximiseLogLikelihood). */
export function fitSearch(options: FitOptions<unknown>): { gainTolerance: number; maxEvaluations?: number } {
  return { gainTolerance: options.precision === 'interactive' ? 1e-6 : 1e-9, maxEvaluations: options.maxEvaluations };
}

/** The search box of log-parameters whose natural scales are `scales`: ln(scale × PARAMETER_RANGE). */
export function fitBounds(scales: readonly number[]): { lower: number[]; upper: number[] } {
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
export function undeterminedParameters<N extends string>(names: readonly N[], result: MaximiseResult): N[] {
  if (!result.converged) return [];
  return names.filter((_, i) => result.atBound[i] !== 0 || !(result.standardErrors[i] <= UNDETERMINED_LOG_SE));
}
