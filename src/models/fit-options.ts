import type { NelderMeadOptions } from './nelder-mead.js';

/** How a maximum-likelihood fit searches. */
export interface FitOptions<P> {
  /** Start from these parameters (a previous fit of similar data) instead of the default start. */
  readonly start?: P;
  /**
   * `precise` (default) reproduces published fits to many digits; `interactive` stops once the parameters move by
   * less than 1e-5 in log space or after 1,200 likelihood evaluations: enough for a dashboard that refits on every
   * filter change (a fit that has not converged by then is close, and the next change refits anyway).
   */
  readonly precision?: 'precise' | 'interactive';
}

export function fitTolerances(options: FitOptions<unknown>): NelderMeadOptions {
  return options.precision === 'interactive'
    ? { fTolerance: 1e-10, xTolerance: 1e-5, step: options.start ? 0.1 : 0.5, maxEvaluations: 1200 }
    : { fTolerance: 1e-12, xTolerance: 1e-7, step: options.start ? 0.1 : 0.5 };
}
