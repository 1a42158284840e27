import type { LogisticModel } from './logistic-regression.js';

/**
 * Why the churn model thinks a customer will lapse, in plain words: each feature's contribution to the customer's
 * log-odds of churning, relative to an average customer.
 *
 * The churn model (src/models/churn-model.ts) is a logistic regression on standardised features:
 * log-odds = β₀ + Σ βⱼ zⱼ with zⱼ = (xⱼ − meanⱼ) / scaleⱼ. A customer at every feature's mean has zⱼ = 0, so
 * βⱼ zⱼ is exactly how much feature j moves this customer's log-odds away from the average customer's: positive
 * raises the risk, negative lowers it. The contributions add up (with β₀) to the customer's log-odds, so the
 * factors listed are the model's own reasons, not a second model's guess. "Typical" is the value at the feature's
 * mean on its own scale (features are logs, so it is a geometric mean).
 */

/** The features, in the order of {@link churnFeatures}. */
export const CHURN_FEATURES = ['recency', 'frequency', 'monetary', 'tenure'] as const;
export type ChurnFeature = (typeof CHURN_FEATURES)[number];

/**
 * Features of a customer at a cut-off: log(1 + days since last purchase), log(purchase days), log(1 + revenue),
 * log(1 + tenure days). `x` counts repeat purchase days and `tWeeks` is the time since the first purchase.
 */
export function churnFeatures(recencyDays: number, x: number, monetary: number, tWeeks: number): number[] {
  return [Math.log1p(recencyDays), Math.log(x + 1), Math.log1p(Math.max(0, monetary)), Math.log1p(tWeeks * 7)];
}

/** The raw value a feature was computed from, back from its log. */
const RAW: Record<ChurnFeature, (f: number) => number> = {
  recency: (f) => Math.expm1(f),
  frequency: (f) => Math.exp(f),
  monetary: (f) => Math.expm1(f),
  tenure: (f) => Math.expm1(f),
};

export interface ChurnFactor {
  readonly feature: ChurnFeature;
  /** The customer's raw value: days since last purchase, purchase days, revenue, days as a customer. */
  readonly value: number;
  /** The average customer's (the raw value at the feature's mean). */
  readonly typical: number;
  /** βⱼ zⱼ: change in the log-odds of churning against the average customer. */
  readonly contribution: number;
  /** `none` when the customer is exactly typical on this feature (or the model ignores it). */
  readonly direction: 'raises' | 'lowers' | 'none';
  /** The fact, e.g. "84 days since the last purchase (typical 31)". */
  readonly label: string;
  /** The fact and its effect, e.g. "84 days since the last purchase (typical 31) raises the risk". */
  readonly text: string;
}

const whole = (v: number) => String(Math.round(v));

/** A factor's fact in words, e.g. "84 days since the last purchase (typical 31)"; `money` formats revenue. */
export function factorLabel(
  feature: ChurnFeature,
  value: number,
  typical: number,
  money: (v: number) => string,
): string {
  switch (feature) {
    case 'recency':
      return `${whole(value)} days since the last purchase (typical ${whole(typical)})`;
    case 'frequency':
      return Math.round(value) === 1
        ? `a single purchase day (typical ${typical.toFixed(1)})`
        : `${whole(value)} purchase days (typical ${typical.toFixed(1)})`;
    case 'monetary':
      return `${money(value)} spent (typical ${money(typical)})`;
    case 'tenure':
      return `a customer for ${whole(value)} days (typical ${whole(typical)})`;
  }
}

/**
 * Every feature's contribution for one customer's features (as {@link churnFeatures} makes them), largest effect
 * first; `limit` keeps the first few. `money` formats revenue (default: a whole number).
 */
export function churnFactors(
  model: Pick<LogisticModel, 'coefficients' | 'means' | 'scales'>,
  features: readonly number[],
  options: { limit?: number; money?: (v: number) => string } = {},
): ChurnFactor[] {
  if (features.length !== CHURN_FEATURES.length || model.coefficients.length !== CHURN_FEATURES.length + 1)
    throw new RangeError(`churnFactors needs the ${CHURN_FEATURES.length} churn features and their coefficients`);
  const money = options.money ?? whole;
  return CHURN_FEATURES.map((feature, j) => {
    const contribution = (model.coefficients[j + 1] * (features[j] - model.means[j])) / model.scales[j];
    const value = RAW[feature](features[j]);
    const typical = RAW[feature](model.means[j]);
    const direction = contribution > 0 ? 'raises' : contribution < 0 ? 'lowers' : 'none';
    const label = factorLabel(feature, value, typical, money);
    const effect = direction === 'none' ? 'does not change the risk' : `${direction} the risk`;
    return { feature, value, typical, contribution, direction, label, text: `${label} ${effect}` } as const;
  })
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, options.limit ?? CHURN_FEATURES.length);
}
