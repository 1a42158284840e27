import { auc, confusion, fitLogisticRegression, fnv1a, type LogisticModel } from '../../models/logistic-regression.js';
import type { CustomerModel } from '../clv/customer-model.js';

export interface ChurnModelResult {
  readonly model: LogisticModel | null;
  readonly train: number;
  readonly holdout: number;
  /** Share of holdout customers who churned (the base rate). */
  readonly holdoutRate: number;
  readonly auc: number;
  readonly precision: number;
  readonly recall: number;
  /** Current churn probability of every customer (index of `CustomerModel.ids`). */
  readonly probability: Float64Array;
}

/** Features of a customer at a cut-off: log(1 + days since last purchase), log(purchase days), log(1 + revenue), log(1 + tenure days). */
export function churnFeatures(recencyDays: number, x: number, monetary: number, tWeeks: number): number[] {
  return [Math.log1p(recencyDays), Math.log(x + 1), Math.log1p(Math.max(0, monetary)), Math.log1p(tWeeks * 7)];
}

/**
 * Logistic regression (L2 = 1) of "no purchase in the last N days" on RFM features computed at the cut-off
 * end − N days, for the customers who had bought by then. The holdout is every customer whose FNV-1a hash of
 * the id is 0 mod 5 (a fifth, the same on every run); precision and recall at probability 0.5. The fitted model
 * is then applied to the features at the window end: the chance of no purchase in the next N days.
 */
export function fitChurnModel(customers: CustomerModel, days: number): ChurnModelResult {
  const n = customers.ids.length;
  const probability = new Float64Array(n).fill(Number.NaN);
  const earlier = customers.earlier;
  const empty = {
    model: null,
    train: 0,
    holdout: 0,
    holdoutRate: NaN,
    auc: NaN,
    precision: NaN,
    recall: NaN,
    probability,
  };
  if (!earlier || earlier.index.length < 10) return empty;
  const trainX: number[][] = [];
  const trainY: number[] = [];
  const testX: number[][] = [];
  const testY: number[] = [];
  for (let j = 0; j < earlier.index.length; j++) {
    const i = earlier.index[j];
    if (i < 0) continue;
    const features = churnFeatures(earlier.recencyDays[j], earlier.x[j], earlier.monetary[j], earlier.T[j]);
    const label = customers.recencyDays[i] >= days ? 1 : 0;
    if (fnv1a(customers.ids[i]) % 5 === 0) {
      testX.push(features);
      testY.push(label);
    } else {
      trainX.push(features);
      trainY.push(label);
    }
  }
  if (trainY.length < 5 || new Set(trainY).size < 2) return { ...empty, train: trainY.length, holdout: testY.length };
  const model = fitLogisticRegression(trainX, trainY, { l2: 1 });
  const scores = testX.map((x) => model.predict(x));
  const c = confusion(scores, testY, 0.5);
  const { columns, recencyDays } = customers;
  for (let i = 0; i < n; i++)
    probability[i] = model.predict(churnFeatures(recencyDays[i], columns.x[i], columns.monetary[i], columns.T[i]));
  return {
    model,
    train: trainY.length,
    holdout: testY.length,
    holdoutRate: testY.length ? testY.reduce((s, v) => s + v, 0) / testY.length : NaN,
    auc: auc(scores, testY),
    precision: c.precision,
    recall: c.recall,
    probability,
  };
}
