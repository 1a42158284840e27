import { churnFactors, type ChurnFactor } from './churn-factors.js';
import { classifierQuality, type ClassifierQuality } from './classifier-quality.js';
import { fitLogisticRegression, fnv1a, type LogisticModel } from './logistic-regression.js';

/**
 * Churn risk that a person can act on: one figure per customer, the reasons behind it, and how far to trust it.
 *
 * - **Risk** = the churn model's probability that the customer makes no purchase in the next N days, N being the
 *   churn window (src/models/churn-window.ts: from the data's own purchase cycle). It is the only risk figure: the
 *   at-risk list is chosen and ordered by it (value at risk = risk × the customer's revenue), so no second model's
 *   number contradicts it.
 * - **Factors** are that same model's per-feature contributions to the customer's log-odds against the average
 *   customer (src/models/churn-factors.ts): logit(risk) = logit(averageRisk) + Σ contributions, exactly. The list
 *   keeps the factors that raise the risk, largest first.
 * - **Quality** is measured on a holdout (a fifth of the customers, by FNV-1a hash of the id: the same on every run)
 *   against the base rate (src/models/classifier-quality.ts): PR-AUC and lift say how much better than chance.
 */
export interface ChurnExample {
  readonly id: string;
  /** The customer's features at the training cut-off, as `churnFeatures()` makes them. */
  readonly features: readonly number[];
  /** No purchase in the N days after the cut-off. */
  readonly churned: boolean;
}

export interface ChurnRiskFit {
  /** Null when the training customers are too few or all of one class. */
  readonly model: LogisticModel | null;
  readonly train: number;
  readonly holdout: number;
  /** Holdout quality; null without a model or a holdout. */
  readonly quality: ClassifierQuality | null;
}

/** The fifth of customers kept out of training. */
export const isHoldout = (id: string): boolean => fnv1a(id) % 5 === 0;

/** Logistic regression (L2 = 1) of `churned` on the features, checked on the holdout. */
export function fitChurnRisk(
  examples: readonly ChurnExample[],
  options: { l2?: number; minTrain?: number; threshold?: number } = {},
): ChurnRiskFit {
  const train = examples.filter((e) => !isHoldout(e.id));
  const test = examples.filter((e) => isHoldout(e.id));
  const y = train.map((e) => (e.churned ? 1 : 0));
  if (train.length < (options.minTrain ?? 5) || new Set(y).size < 2)
    return { model: null, train: train.length, holdout: test.length, quality: null };
  const model = fitLogisticRegression(
    train.map((e) => e.features),
    y,
    { l2: options.l2 ?? 1 },
  );
  const quality = test.length
    ? classifierQuality(
        test.map((e) => model.predict(e.features)),
        test.map((e) => (e.churned ? 1 : 0)),
        { threshold: options.threshold ?? 0.5 },
      )
    : null;
  return { model, train: train.length, holdout: test.length, quality };
}

export interface RiskCandidate {
  readonly id: string;
  /** The customer's features now, as `churnFeatures()` makes them. */
  readonly features: readonly number[];
  /** Revenue that leaves with the customer (e.g. their spend in the window). */
  readonly revenue: number;
}

export interface AtRisk {
  readonly id: string;
  /** P(no purchase in the next N days). */
  readonly risk: number;
  readonly revenue: number;
  /** risk × revenue. */
  readonly valueAtRisk: number;
  /** The factors raising the risk, largest first. */
  readonly factors: readonly ChurnFactor[];
  /** The factors' labels joined, e.g. "84 days since the last purchase (typical 31); a single purchase day (…)". */
  readonly why: string;
}

export interface AtRiskOptions {
  /** Lowest risk listed; default 0.5. */
  readonly minRisk?: number;
  /** Longest list; default 20. */
  readonly limit?: number;
  /** Factors kept per customer; default 3. */
  readonly factors?: number;
  /** Formats revenue in the factors' texts. */
  readonly money?: (v: number) => string;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Risk of a customer at every feature's mean: the reference the factors are measured from. */
export function averageRisk(model: Pick<LogisticModel, 'coefficients'>): number {
  return sigmoid(model.coefficients[0]);
}

/**
 * The customers at or above `minRisk`, by value at risk (ties by id), each with the risk, the factors that raise it
 * and their words.
 */
export function rankAtRisk(
  model: Pick<LogisticModel, 'coefficients' | 'means' | 'scales'>,
  candidates: readonly RiskCandidate[],
  options: AtRiskOptions = {},
): AtRisk[] {
  const minRisk = options.minRisk ?? 0.5;
  const out: AtRisk[] = [];
  for (const c of candidates) {
    const all = churnFactors(model, c.features, { money: options.money });
    const risk = sigmoid(model.coefficients[0] + all.reduce((s, f) => s + f.contribution, 0));
    if (!(risk >= minRisk)) continue;
    const factors = all.filter((f) => f.direction === 'raises').slice(0, options.factors ?? 3);
    out.push({
      id: c.id,
      risk,
      revenue: c.revenue,
      valueAtRisk: risk * c.revenue,
      factors,
      why: factors.map((f) => f.label).join('; '),
    });
  }
  return out.sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.id.localeCompare(b.id)).slice(0, options.limit ?? 20);
}
