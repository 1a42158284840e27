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
  const means = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) means[j] += row[j] / n;
  const variances = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) variances[j] += (row[j] - means[j]) ** 2 / n;
  const scales = variances.map((v) => (Math.sqrt(v) > 1e-12 ? Math.sqrt(v) : 1));
  // Standardised rows with the intercept column first, in one flat array (row i at i·p).
  const p = d + 1;
  const Z = new Float64Array(n * p);
  X.forEach((row, i) => {
    Z[i * p] = 1;
    for (let j = 0; j < d; j++) Z[i * p + j + 1] = (row[j] - means[j]) / scales[j];
  });
  const beta = new Array<number>(p).fill(0);
  let converged = false;
  let iterations = 0;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * p;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j] * Z[o + j];
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const r = y[i] - mu;
      for (let j = 0; j < p; j++) {
        const zj = Z[o + j];
        gradient[j] += r * zj;
        const wz = w * zj;
        for (let k = 0; k <= j; k++) hessian[j * p + k] += wz * Z[o + k];
      }
    }
    const H = Array.from({ length: p }, (_, j) =>
      Array.from({ length: p }, (_, k) => hessian[j >= k ? j * p + k : k * p + j]),
    );
    const g = Array.from(gradient);
    for (let j = 1; j < p; j++) {
      g[j] -= l2 * beta[j];
      H[j][j] += l2;
    }
    const step = solve(H, g);
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
