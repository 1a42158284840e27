/** Special functions the customer models need: log-gamma, log-beta and the Gaussian hypergeometric 2F1. */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** Thrown when the 2F1 series does not converge within its term budget (z too close to 1). */
export class SeriesDivergenceError extends Error {
  constructor(a: number, b: number, c: number, z: number) {
    super(`2F1(${a}, ${b}; ${c}; ${z}) did not converge`);
    this.name = 'SeriesDivergenceError';
  }
}

const MAX_TERMS = 1_000_000;

/** The plain power series Σ (a)_j (b)_j / ((c)_j j!) z^j, stopped when a term no longer changes the sum. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 0; j < MAX_TERMS; j++) {
    term *= (((a + j) * (b + j)) / ((c + j) * (j + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum) && j > 2) return sum;
    if (!Number.isFinite(sum)) break;
  }
  throw new SeriesDivergenceError(a, b, c, z);
}

/**
 * Gaussian hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series. When c − a − b < 0 the
 * terms decay slowly (like j^(a+b−c−1) z^j) and, for large a, b, grow huge before they fall; Euler's
 * transformation 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c − a, c − b; c; z) turns them into terms that decay like
 * j^(c−a−b−1) z^j, so the series used always has terms decaying at least as fast as z^j / j.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return powerTimesHyp2f1(0, a, b, c, z);
}

/**
 * (1 − z)^p · 2F1(a, b; c; z), with the powers combined before they are raised, so that the huge factor
 * Euler's transformation can produce and the tiny (1 − z)^p the BG/NBD formulas multiply it by never overflow.
 */
export function powerTimesHyp2f1(p: number, a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 <= z < 1, got ${z}`);
  if (z === 0) return 1;
  const s = c - a - b;
  if (s < 0) return Math.pow(1 - z, p + s) * series(c - a, c - b, c, z);
  return Math.pow(1 - z, p) * series(a, b, c, z);
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ) to x⁻¹⁴ (about 15 significant digits there).
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv = 1 / (x * x);
  const series =
    inv *
    (1 / 12 - inv * (1 / 120 - inv * (1 / 252 - inv * (1 / 240 - inv * (1 / 132 - inv * (691 / 32760 - inv / 12))))));
  return shift + Math.log(x) - 0.5 / x - series;
}
