import type { LogisticModel } from './logistic-regression.js';
import { churnFeatures } from './churn-factors.js';
import type { ClassifierQuality } from './classifier-quality.js';
import { fitChurnRisk, type ChurnExample } from './churn-risk.js';
import { fitWarnings, type CustomerColumns } from './customer-value.js';
import { probabilityAlive } from './bg-nbd.js';
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
  /** Current churn probability of a customer (index of `CustomerModel.ids`); NaN without a model. */
  probability(i: number): number;
}

/** The customers' history at the cut-off end − N days; `index` is each one's position in the current model. */
export type EarlierCustomers = CustomerColumns & { readonly index: Int32Array; readonly recencyDays: Float64Array };

export interface AtRiskCustomer {
  readonly id: string;
  readonly revenue: number;
  readonly pAlive: number;
  /** P(alive) N days earlier minus now (positive = dropped). */
  readonly drop: number;
  readonly daysSinceLast: number;
  /** Mean days between the customer's purchases. */
  readonly usualGap: number;
  readonly churnProbability: number;
  readonly valueAtRisk: number;
  readonly reason: string;
}

/** The churn model's quality on the holdout, and the early-warning list. */
export interface ChurnAnalysis {
  readonly model: Omit<ChurnModelResult, 'probability' | 'model'> & { readonly fitted: boolean };
  readonly atRisk: readonly AtRiskCustomer[];
  /** A BG/NBD or Gamma-Gamma fit that did not converge (P(alive) in the list is then rough); see fitWarnings(). */
  readonly fitWarnings: readonly string[];
}

const NO_QUALITY = { train: 0, holdout: 0, holdoutRate: NaN, auc: NaN, precision: NaN, recall: NaN, quality: null };

/** The model of a window without enough customers to fit one. */
export const NO_CHURN_MODEL: ChurnAnalysis['model'] = { ...NO_QUALITY, fitted: false };

/** A repeat buyer is overdue when the days since their last purchase exceed this multiple of their usual gap. */
export const OVERDUE_FACTOR = 1.5;
/** P(alive) falling by at least this much over the last N days flags a customer. */
export const ALIVE_DROP = 0.1;

/**
 * Logistic regression (L2 = 1) of "no purchase in the last N days" on RFM features computed at the cut-off
 * end − N days, for the customers who had bought by then. The holdout is every customer whose FNV-1a hash of
 * the id is 0 mod 5 (a fifth, the same on every run); precision and recall at probability 0.5. The fitted model
 * is then applied to the features at the window end: the chance of no purchase in the next N days.
 */
export function fitChurnModel(
  customers: Pick<CustomerModel, 'ids' | 'columns' | 'recencyDays'>,
  earlier: EarlierCustomers | null,
  days: number,
): ChurnModelResult {
  const empty = { ...NO_QUALITY, model: null, probability: () => Number.NaN };
  if (!earlier || earlier.index.length < 10) return empty;
  const examples: ChurnExample[] = [];
  for (let j = 0; j < earlier.index.length; j++) {
    const i = earlier.index[j];
    if (i < 0) continue;
    examples.push({
      id: customers.ids[i],
      features: churnFeatures(earlier.recencyDays[j], earlier.x[j], earlier.monetary[j], earlier.T[j]),
      churned: customers.recencyDays[i] >= days,
    });
  }
  const { model, train, holdout, quality } = fitChurnRisk(examples);
  if (!model) return { ...empty, train, holdout };
  const { columns, recencyDays } = customers;
  return {
    model,
    train,
    holdout,
    holdoutRate: quality?.baseRate ?? NaN,
    auc: quality?.auc ?? NaN,
    precision: quality?.precision ?? NaN,
    recall: quality?.recall ?? NaN,
    quality,
    // Only the early-warning candidates need one: computed on demand.
    probability: (i) => model.predict(churnFeatures(recencyDays[i], columns.x[i], columns.monetary[i], columns.T[i])),
  };
}

/**
 * The churn model (above), and the early warning: repeat buyers in the top fifth by revenue whose BG/NBD P(alive)
 * fell by {@link ALIVE_DROP} or more over the last N days (P(alive) then from the same fit), or who are overdue
 * (days since the last purchase > {@link OVERDUE_FACTOR} × their mean gap), ranked by value at risk = churn
 * probability (1 − P(alive) without a churn model) × revenue in the window; the first `listSize`.
 */
export function churnAnalysis(
  customers: CustomerModel,
  earlier: EarlierCustomers,
  days: number,
  listSize: number,
): ChurnAnalysis {
  const churnModel = fitChurnModel(customers, earlier, days);
  const { probability } = churnModel;
  const { x, tx, monetary } = customers.columns;
  const values = customers.values(52, 0.01);
  const params = customers.fits.bgnbd?.params;
  const pAliveEarlier = new Float64Array(x.length).fill(Number.NaN);
  if (params) {
    for (let j = 0; j < earlier.index.length; j++) {
      const i = earlier.index[j];
      if (i >= 0) pAliveEarlier[i] = probabilityAlive(params, earlier.x[j], earlier.tx[j], earlier.T[j]);
    }
  }
  const repeat: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] >= 1) repeat.push(i);
  const sortedRevenue = Float64Array.from(repeat, (i) => monetary[i]).sort();
  const threshold = sortedRevenue.length ? sortedRevenue[Math.floor(sortedRevenue.length * 0.8)] : Infinity;
  const atRisk: AtRiskCustomer[] = [];
  for (const i of repeat) {
    if (monetary[i] < threshold) continue;
    const pAlive = values.pAlive[i];
    const before = pAliveEarlier[i];
    const drop = Number.isFinite(before) ? before - pAlive : 0;
    const usualGap = (tx[i] * 7) / x[i];
    const daysSinceLast = customers.recencyDays[i];
    const overdue = usualGap > 0 && daysSinceLast > OVERDUE_FACTOR * usualGap;
    if (!(drop >= ALIVE_DROP || overdue)) continue;
    const churn = probability(i);
    const p = Number.isFinite(churn) ? churn : 1 - pAlive;
    atRisk.push({
      id: customers.ids[i],
      revenue: monetary[i],
      pAlive,
      drop,
      daysSinceLast,
      usualGap,
      churnProbability: p,
      valueAtRisk: p * monetary[i],
      reason: [drop >= ALIVE_DROP ? 'P(alive) dropped' : '', overdue ? 'overdue' : ''].filter(Boolean).join(', '),
    });
  }
  atRisk.sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.id.localeCompare(b.id));
  const { model, probability: _p, ...metrics } = churnModel;
  void _p;
  return {
    model: { ...metrics, fitted: model !== null },
    atRisk: atRisk.slice(0, listSize),
    fitWarnings: fitWarnings(customers.fits).unconverged,
  };
}
