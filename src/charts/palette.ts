import { interpolateBlues, interpolateOranges, schemeTableau10 } from 'd3';

/**
 * Sequential colour ramps, t in [0, 1] from pale to dark: blue for shares that are good (retention, one shade per
 * cohort), orange for shares that are bad (churn). Charts and elements name a ramp here rather than reach for d3.
 */
export const blues: (t: number) => string = interpolateBlues;
export const oranges: (t: number) => string = interpolateOranges;

/** Maps [0, max] onto the part [from, to] of a ramp, clamping outside it. */
export function rampScale(ramp: (t: number) => string, max: number, from = 0, to = 1): (value: number) => string {
  return (value) => ramp(from + (to - from) * Math.max(0, Math.min(1, max > 0 ? value / max : 0)));
}

/**
 * Ten distinct colours for categories (Tableau 10: the 8 series tokens would repeat), and the light ones of them
 * that need dark text (contrast ≥ 4.5 with #1b1f24); `OTHER_COLOUR` is the grey of a catch-all category.
 */
export const CATEGORICAL: readonly string[] = schemeTableau10;
export const OTHER_COLOUR = '#9aa0a6';
// Tableau 10's yellow is #edc949: with #edc948 here, its labels were white on yellow.
const LIGHT = new Set(['#edc949', '#76b7b2', '#ff9da7', '#59a14f', '#f28e2c', '#9c755f', '#bab0ab', OTHER_COLOUR]);
/** The colour needs dark text on it. */
export const isLight = (colour: string): boolean => LIGHT.has(colour);
