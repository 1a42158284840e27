/**
 * Seller health: rates, a 0–100 score and a tier, from a seller's counts. Pure numerics, no database.
 *
 * **Rates** (per order of the window, as REFERENCE.md defines them; an order is the seller's lines that share an
 * order id, or each line when the data has none):
 * - order defect rate (ODR) = orders with a 1–2 star review / orders (Amazon's ODR counts negative feedback,
 *   claims and chargebacks; the data has only reviews); unavailable without reviews;
 * - late shipment rate = orders shipped late / shipped orders (with a completed or returned line);
 * - cancellation rate = cancelled orders / orders;
 * - review sentiment = mean sentiment of the reviews (−1 … 1); unavailable without reviews;
 * - with the optional support tickets: late response rate = tickets first answered more than 24 hours after they
 *   were opened (or not yet, though due) / tickets, and customer-service dissatisfaction = tickets rated 1–2 (CSAT)
 *   / rated tickets; unavailable without tickets (or with none for this seller).
 * Returns are shown beside them but not scored: a return is the customer's choice, not a seller defect.
 *
 * **Targets** (REFERENCE.md, "Seller health"): late shipment < 4 % and cancellation < 2.5 % (Amazon's published
 * seller targets); ODR < 2 % (Walmart Marketplace's negative-feedback limit; Amazon's 1 % assumes the few buyers
 * who leave seller feedback, while a marketplace that asks every buyer for a review sees more); sentiment ≥ 0.5
 * (no published standard; 0.5 is the midpoint between neutral and the most positive review); late responses < 10 %
 * (Amazon's contact response time target: 90 % of buyer messages answered within 24 hours) and dissatisfaction
 * < 25 % (Amazon's Customer Service Dissatisfaction Rate target: "No" answers to "Did this solve your problem?"
 * / answers; here CSAT 1–2 / CSAT answers).
 *
 * **Score**: each metric scores 100 at a perfect rate, 75 exactly at its target, 50 at twice the target and 0 at
 * four times the target or worse (linear in between: `100 × (1 − rate / (4 × target))`; sentiment s scores
 * `100 × (s + 1) / 2`, the same 75 at its target of 0.5 and 50 at neutral). The score is the weighted mean
 * with weights ODR 0.4, late shipment 0.25, cancellation 0.2, sentiment 0.15, and, where tickets exist, late
 * responses 0.1 and dissatisfaction 0.1; a metric that is unknown (no reviews, no tickets) is left out and the
 * weights of the others are rescaled to sum to 1. So a dataset without tickets scores exactly as before, and with
 * tickets customer service is 0.2 / 1.2 = 1/6 of the score (ODR 1/3, late shipment 0.25 / 1.2, ...): enough to move a
 * seller whose buyers wait days for an answer by a tier, not enough to outweigh its shipping record.
 *
 * **Tiers**: Healthy ≥ 75 (on balance within the published targets), At Risk 50–75, Critical < 50 (on balance
 * twice the targets or worse). A seller with fewer orders than `minOrders` (default 10) is "Not enough orders":
 * one defect in three orders is not a 33 % defect rate anyone should act on.
 */

export const HEALTH_TIERS = ['Healthy', 'At Risk', 'Critical', 'Not enough orders'] as const;
export type HealthTier = (typeof HEALTH_TIERS)[number];

export const HEALTH_TARGETS = {
  defectRate: 0.02,
  lateRate: 0.04,
  cancelRate: 0.025,
  sentiment: 0.5,
  lateResponseRate: 0.1,
  dissatisfactionRate: 0.25,
} as const;
export const HEALTH_WEIGHTS = {
  defectRate: 0.4,
  lateRate: 0.25,
  cancelRate: 0.2,
  sentiment: 0.15,
  lateResponseRate: 0.1,
  dissatisfactionRate: 0.1,
} as const;
/** The share of the score that support tickets weigh when a seller has all six rates (0.2 / 1.2 = 1/6). */
export function ticketWeightShare(): number {
  const all = Object.values(HEALTH_WEIGHTS).reduce((a, w) => a + w, 0);
  return (HEALTH_WEIGHTS.lateResponseRate + HEALTH_WEIGHTS.dissatisfactionRate) / all;
}
export const HEALTHY_FROM = 75;
export const CRITICAL_BELOW = 50;
export const DEFAULT_MIN_ORDERS = 10;

export interface HealthCounts {
  readonly orders: number;
  /** Orders with a 1–2 star review; null when the dataset has no reviews. */
  readonly defects: number | null;
  readonly shipped: number;
  readonly late: number;
  readonly cancelled: number;
  /** Null when the dataset has no reviews. */
  readonly reviews: number | null;
  readonly rating_sum: number | null;
  readonly sentiment_sum: number | null;
  /** Support tickets of the seller; absent or null when the dataset has none. */
  readonly tickets?: number | null;
  readonly late_responses?: number | null;
  readonly rated_tickets?: number | null;
  readonly dissatisfied?: number | null;
}

export interface HealthRates {
  readonly defectRate: number | null;
  readonly lateRate: number | null;
  readonly cancelRate: number | null;
  /** Mean review sentiment; null without reviews (or with none for this seller). */
  readonly sentiment: number | null;
  readonly avgRating: number | null;
  /** Tickets answered late / tickets; null or absent without tickets. */
  readonly lateResponseRate?: number | null;
  /** Tickets rated 1–2 / rated tickets; null or absent without rated tickets. */
  readonly dissatisfactionRate?: number | null;
}

export interface Health extends HealthRates {
  /** 0–100; null when there are not enough orders. */
  readonly score: number | null;
  readonly tier: HealthTier;
}

const div = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);

export function healthRates(c: HealthCounts): HealthRates {
  return {
    defectRate: div(c.defects, c.orders),
    lateRate: div(c.late, c.shipped),
    cancelRate: div(c.cancelled, c.orders),
    sentiment: div(c.sentiment_sum, c.reviews),
    avgRating: div(c.rating_sum, c.reviews),
    lateResponseRate: div(c.late_responses ?? null, c.tickets ?? null),
    dissatisfactionRate: div(c.dissatisfied ?? null, c.rated_tickets ?? null),
  };
}

/** 100 at 0, 75 at the target, 50 at twice it, 0 at four times it or more. */
export function rateScore(rate: number, target: number): number {
  return Math.max(0, Math.min(100, 100 * (1 - rate / (4 * target))));
}

/** 0 at −1, 50 at neutral, 75 at 0.5, 100 at 1. */
export function sentimentScore(sentiment: number): number {
  return Math.max(0, Math.min(100, (100 * (sentiment + 1)) / 2));
}

/** The weighted score of the rates that are known; null when none is. */
export function healthScore(r: HealthRates): number | null {
  const parts: [number, number][] = [];
  if (r.defectRate !== null)
    parts.push([HEALTH_WEIGHTS.defectRate, rateScore(r.defectRate, HEALTH_TARGETS.defectRate)]);
  if (r.lateRate !== null) parts.push([HEALTH_WEIGHTS.lateRate, rateScore(r.lateRate, HEALTH_TARGETS.lateRate)]);
  if (r.cancelRate !== null)
    parts.push([HEALTH_WEIGHTS.cancelRate, rateScore(r.cancelRate, HEALTH_TARGETS.cancelRate)]);
  if (r.sentiment !== null) parts.push([HEALTH_WEIGHTS.sentiment, sentimentScore(r.sentiment)]);
  for (const key of ['lateResponseRate', 'dissatisfactionRate'] as const) {
    const rate = r[key];
    if (rate !== null && rate !== undefined) parts.push([HEALTH_WEIGHTS[key], rateScore(rate, HEALTH_TARGETS[key])]);
  }
  const weight = parts.reduce((a, [w]) => a + w, 0);
  return weight > 0 ? parts.reduce((a, [w, s]) => a + w * s, 0) / weight : null;
}

export function healthTier(score: number | null): HealthTier {
  if (score === null) return 'Not enough orders';
  return score >= HEALTHY_FROM ? 'Healthy' : score >= CRITICAL_BELOW ? 'At Risk' : 'Critical';
}

/** Rates, score and tier of one seller. */
export function assessHealth(c: HealthCounts, minOrders = DEFAULT_MIN_ORDERS): Health {
  const rates = healthRates(c);
  const score = c.orders >= Math.max(1, minOrders) ? healthScore(rates) : null;
  return { ...rates, score, tier: healthTier(score) };
}
