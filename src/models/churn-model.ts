import type { LogisticModel } from './logistic-regression.js';
import { churnFeatures } from './churn-factors.js';
import type { ClassifierQuality } from './classifier-quality.js';
import { fitChurnRisk, rankAtRisk, type AtRisk, type ChurnExample } from './churn-risk.js';
import type { CustomerColumns } from './customer-value.js';
import type { CustomerModel } from './customer-model.js';

export interface ChurnModelResult {
  readonly model: LogisticModel | null;
  readonly train: number;
  readonly holdout: number;
  /** Share of holdout customers who churned (the base rate). */
  readonly holdoutRate: number;
  readonly auc: number;
  readonly precision: number;
  readonly recall: number;
  /** Holdout quality against the base rate (PR-AUC, lift); null without a model or a holdout. */
  readonly quality: ClassifierQuality | null;
}

/** The customers' history at the cut-off end − N days; `index` is each one's position in the current model. */
export type EarlierCustomers = CustomerColumns & { readonly index: Int32Array; readonly recencyDays: Float64Array };

/** A customer of the early warning: the churn model's risk, the value it puts at risk, and the factors behind it. */
export interface AtRiskCustomer extends AtRisk {
  readonly daysSinceLast: number;
}

/** The churn model's quality on the holdout, and the early-warning list. */
export interface ChurnAnalysis {
  readonly model: Omit<ChurnModelResult, 'model'> & { readonly fitted: boolean };
  /** The first `listSize` customers at risk, by value at risk. */
  readonly atRisk: readonly AtRiskCustomer[];
  /** Customers not churned yet (a purchase in the last N days): whom the early warning scores. */
  readonly active: number;
  /** Of them, those at or above {@link AT_RISK_THRESHOLD}. */
  readonly atRiskCount: number;
}

const NO_QUALITY = { train: 0, holdout: 0, holdoutRate: NaN, auc: NaN, precision: NaN, recall: NaN, quality: null };

/** The model of a window without enough customers to fit one. */
export const NO_CHURN_MODEL: ChurnAnalysis['model'] = { ...NO_QUALITY, fitted: false };

/** The early warning lists customers whose churn risk is at least this. */
export const AT_RISK_THRESHOLD = 0.5;

/**
 * Logistic regression (L2 = 1) of "no purchase in the last N days" on RFM features computed at the cut-off
 * end − N days, for the customers active at the cut-off (a purchase in the N days before it): the population the
 * churn rate counts and the early warning scores, so the holdout's base rate is the churn rate at the cut-off. (Fitted
 * on everyone who had ever bought, it would mostly learn that long-gone customers stay gone: a base rate near 90 %
 * and a precision that says nothing.) The holdout is every customer whose FNV-1a hash of the id is 0 mod 5 (a fifth,
 * the same on every run); precision and recall at probability 0.5. The fitted model is then applied to the features
 * at the window end: the chance of no purchase in the next N days.
 */
export function fitChurnModel(
  customers: Pick<CustomerModel, 'ids' | 'columns' | 'recencyDays'>,
  earlier: EarlierCustomers | null,
  days: number,
): ChurnModelResult {
  const empty = { ...NO_QUALITY, model: null };
  if (!earlier || earlier.index.length < 10) return empty;
  const examples: ChurnExample[] = [];
  for (let j = 0; j < earlier.index.length; j++) {
    const i = earlier.index[j];
    if (i < 0 || !(earlier.recencyDays[j] < days)) continue;
    examples.push({
      id: customers.ids[i],
      features: churnFeatures(earlier.recencyDays[j], earlier.x[j], earlier.monetary[j], earlier.T[j]),
      churned: customers.recencyDays[i] >= days,
    });
  }
  const { model, train, holdout, quality } = fitChurnRisk(examples);
  if (!model) return { ...empty, train, holdout };
  return {
    model,
    train,
    holdout,
    holdoutRate: quality?.baseRate ?? NaN,
    auc: quality?.auc ?? NaN,
    precision: quality?.precision ?? NaN,
    recall: quality?.recall ?? NaN,
    quality,
  };
}

/**
 * The early warning: the customers who have not churned yet (a purchase in the last `days`) whose risk (the churn
 * model's probability of no purchase in the next `days`) is at least {@link AT_RISK_THRESHOLD}, ranked by value at
 * risk = risk × revenue to date, each with the factors that raise the risk (src/models/churn-risk.ts `rankAtRisk`).
 * The risk is the only figure: BG/NBD's P(alive) answers another question ("will they ever buy again?") and is
 * left to the CLV and segment elements.
 */
export function earlyWarning(
  model: Pick<LogisticModel, 'coefficients' | 'means' | 'scales'>,
  customers: Pick<CustomerModel, 'ids' | 'columns' | 'recencyDays'>,
  days: number,
  listSize: number,
): Pick<ChurnAnalysis, 'atRisk' | 'active' | 'atRiskCount'> {
  const { x, monetary, T } = customers.columns;
  const candidates = [];
  const since = new Map<string, number>();
  for (let i = 0; i < x.length; i++) {
    const recency = customers.recencyDays[i];
    if (!(recency < days)) continue;
    const id = customers.ids[i];
    since.set(id, recency);
    candidates.push({ id, features: churnFeatures(recency, x[i], monetary[i], T[i]), revenue: monetary[i] });
  }
  const ranked = rankAtRisk(model, candidates, { minRisk: AT_RISK_THRESHOLD, limit: Infinity });
  return {
    atRisk: ranked.slice(0, listSize).map((c) => ({ ...c, daysSinceLast: since.get(c.id)! })),
    active: candidates.length,
    atRiskCount: ranked.length,
  };
}

/** The churn model (above) fitted at end − `days`, and its early warning at the end. */
export function churnAnalysis(
  customers: CustomerModel,
  earlier: EarlierCustomers,
  days: number,
  listSize: number,
): ChurnAnalysis {
  const { model, ...metrics } = fitChurnModel(customers, earlier, days);
  const warning = model ? earlyWarning(model, customers, days, listSize) : { atRisk: [], active: 0, atRiskCount: 0 };
  return { model: { ...metrics, fitted: model !== null }, ...warning };
}
