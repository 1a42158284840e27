import { auc, confusion } from './logistic-regression.js';

/**
 * How much better than guessing a classifier is, in the terms a reader can check: the **base rate** (share of
 * positives: what "predict everyone positive" scores as precision), and against it
 * - **PR-AUC** as average precision, AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores from the highest (scikit-learn's
 *   `average_precision_score`: no interpolation, tied scores are one threshold). A random ranking scores about the
 *   base rate, so `prAucLift` = AP / base rate is the honest headline (1 = no better than chance);
 * - **lift** at the decision threshold: precision / base rate;
 * - **top-share lift**: the positive rate among the `topShare` highest scores over the base rate ("the riskiest 10%
 *   churn 3.2× as often as the average customer"). Scores tied at the cut are counted in proportion (the expected
 *   rate under a random order of ties), so the figure does not depend on input order.
 */
export interface ClassifierQuality {
  readonly n: number;
  readonly positives: number;
  readonly baseRate: number;
  /** ROC AUC (0.5 = chance). */
  readonly auc: number;
  /** Average precision (≈ base rate = chance). */
  readonly prAuc: number;
  readonly prAucLift: number;
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  /** Precision at the threshold / base rate. */
  readonly lift: number;
  readonly topShare: number;
  readonly topShareLift: number;
}

/** Average precision of scores for 0/1 labels; NaN without a positive. */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => b[0] - a[0]);
  const positives = order.reduce((n, [, y]) => n + (y === 1 ? 1 : 0), 0);
  if (positives === 0) return Number.NaN;
  let ap = 0;
  let truePositives = 0;
  let recall = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) if (order[j++][1] === 1) truePositives++;
    const r = truePositives / positives;
    ap += (r - recall) * (truePositives / j);
    recall = r;
    i = j;
  }
  return ap;
}

/** Positive rate among the `share` (0 … 1] highest scores, ties at the cut counted in proportion. */
export function topShareRate(scores: readonly number[], labels: readonly number[], share: number): number {
  if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => b[0] - a[0]);
  const k = Math.ceil(share * order.length);
  if (k === 0) return Number.NaN;
  const cut = order[k - 1][0];
  let above = 0;
  let abovePositives = 0;
  let tied = 0;
  let tiedPositives = 0;
  for (const [s, y] of order) {
    if (s > cut) {
      above++;
      abovePositives += y === 1 ? 1 : 0;
    } else if (s === cut) {
      tied++;
      tiedPositives += y === 1 ? 1 : 0;
    }
  }
  return (abovePositives + ((k - above) * tiedPositives) / tied) / k;
}

/** Everything above for one set of holdout scores (NaN where a class is missing). */
export function classifierQuality(
  scores: readonly number[],
  labels: readonly number[],
  options: { threshold?: number; topShare?: number } = {},
): ClassifierQuality {
  if (scores.length !== labels.length) throw new RangeError('classifierQuality needs one label per score');
  const threshold = options.threshold ?? 0.5;
  const topShare = options.topShare ?? 0.1;
  const n = scores.length;
  const positives = labels.reduce((s, y) => s + (y === 1 ? 1 : 0), 0);
  const baseRate = n > 0 ? positives / n : Number.NaN;
  const prAuc = averagePrecision(scores, labels);
  const c = confusion(scores, labels, threshold);
  return {
    n,
    positives,
    baseRate,
    auc: auc(scores, labels),
    prAuc,
    prAucLift: prAuc / baseRate,
    threshold,
    precision: c.precision,
    recall: c.recall,
    lift: c.precision / baseRate,
    topShare,
    topShareLift: n > 0 ? topShareRate(scores, labels, topShare) / baseRate : Number.NaN,
  };
}
