/**
 * L2-regularised logistic regression fitted by iteratively reweighted least squares (Newton's method), plus the
 * usual classifier metrics. Features are standardised inside the model (means and scales are kept), so the
 * penalty treats them alike and callers pass raw features to `predict`.
 */
export interface LogisticModel {
  /** Coefficients on the standardised features, intercept first. */
  readonly coefficients: readonly number[];
  readonly means: readonly number[];
  readonly scales: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
  /** P(y = 1 | features). */
  predict(features: readonly number[]): number;
}

export interface LogisticOptions {
  /** L2 penalty on the coefficients (not the intercept), in units of the log-likelihood summed over rows. Default 1. */
  readonly l2?: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function fitLogisticRegression(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticModel {
  const n = X.length;
  if (n === 0 || n !== y.length)
    throw new RangeError('fitLogisticRegression needs as many labels as rows, and at least one row');
  const d = X[0].length;
  const l2 = options.l2 ?? 1;
  const means = Array.from({ length: d }, (_, j) => X.reduce((s, row) => s + row[j], 0) / n);
  const scales = Array.from({ length: d }, (_, j) => {
    const sd = Math.sqrt(X.reduce((s, row) => s + (row[j] - means[j]) ** 2, 0) / n);
    return sd > 1e-12 ? sd : 1;
  });
  const Z = X.map((row) => [1, ...row.map((v, j) => (v - means[j]) / scales[j])]);
  const p = d + 1;
  const beta = new Array<number>(p).fill(0);
  let converged = false;
  let iterations = 0;
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    const gradient = new Array<number>(p).fill(0);
    const hessian = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      const z = Z[i];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j] * z[j];
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-12);
      for (let j = 0; j < p; j++) {
        gradient[j] += (y[i] - mu) * z[j];
        for (let k = 0; k <= j; k++) hessian[j][k] += w * z[j] * z[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) hessian[k][j] = hessian[j][k];
    for (let j = 1; j < p; j++) {
      gradient[j] -= l2 * beta[j];
      hessian[j][j] += l2;
    }
    const step = solve(hessian, gradient);
    let change = 0;
    for (let j = 0; j < p; j++) {
      beta[j] += step[j];
      change = Math.max(change, Math.abs(step[j]));
    }
    if (change < (options.tolerance ?? 1e-8)) {
      converged = true;
      iterations++;
      break;
    }
  }
  return {
    coefficients: beta,
    means,
    scales,
    iterations,
    converged,
    predict(features) {
      let eta = beta[0];
      for (let j = 0; j < d; j++) eta += beta[j + 1] * ((features[j] - means[j]) / scales[j]);
      return sigmoid(eta);
    },
  };
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    if (Math.abs(M[c][c]) < 1e-300) continue;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = Math.abs(M[r][r]) < 1e-300 ? 0 : s / M[r][r];
  }
  return x;
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative, ties
 * counting one half (the Mann–Whitney U statistic over n₊·n₋). NaN when either class is absent.
 */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (order[k][1] === 1) {
        positives++;
        rankSum += midRank;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Confusion {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** TP / (TP + FP); NaN when nothing is predicted positive. */
  readonly precision: number;
  /** TP / (TP + FN); NaN when there are no positives. */
  readonly recall: number;
  readonly accuracy: number;
}

/** Precision, recall and accuracy of predicting 1 when score ≥ threshold. */
export function confusion(scores: readonly number[], labels: readonly number[], threshold = 0.5): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
    else tn++;
  });
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp > 0 ? tp / (tp + fp) : Number.NaN,
    recall: tp + fn > 0 ? tp / (tp + fn) : Number.NaN,
    accuracy: scores.length > 0 ? (tp + tn) / scores.length : Number.NaN,
  };
}

/** A stable 32-bit FNV-1a hash of a string: a deterministic train / holdout split by customer id. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
