import { interpolateBlues, interpolateOranges, schemeTableau10 } from 'd3';

/**
 * Sequential colour ramps, t in [0, 1] from pale to dark: blue for shares that are good (retention, one shade per
 * cohort), orange for shares that are bad (churn). Charts and elements name a ramp here rather than reach for d3.
 */
export const blues: (t: number) => string = interpolateBlues;
export const oranges: (t: number) => string = interpolateOranges;

/** Ten categorical colours (Tableau 10) for named groups without an order (RFM segments, K-means clusters). */
export const categorical: readonly string[] = schemeTableau10;

/** Maps [0, max] onto the part [from, to] of a ramp, clamping outside it. */
export function rampScale(ramp: (t: number) => string, max: number, from = 0, to = 1): (value: number) => string {
  return (value) => ramp(from + (to - from) * Math.max(0, Math.min(1, max > 0 ? value / max : 0)));
}
