/**
 * Known anomalies that `--plant-anomalies` adds, so that anomaly detection can be tested against the truth:
 * a one-day GMV spike in one category (five times the usual quantities) and a week-long surge of late
 * shipments for one seller tier (+35 points of late probability). Chosen from the seed, away from the retail
 * events and the marketing campaigns of the calendar (their own lifts would blur what was planted).
 */
import { CATEGORIES } from './catalog.js';
import { dayOf, isoDate, YEAR } from './calendar.js';
import { Rng } from './random.js';
import { campaignLift } from './campaign-calendar.js';
import type { SellerTier } from '../../src/schema/tables.js';

export interface PlantedAnomaly {
  readonly metric: 'gmv' | 'late_rate';
  readonly category?: string;
  readonly tier?: SellerTier;
  /** ISO dates, inclusive. */
  readonly start: string;
  readonly end: string;
  readonly kind: 'spike' | 'surge';
}

export interface AnomalyPlan {
  readonly anomalies: readonly PlantedAnomaly[];
  quantityFactor(day: number, category: number): number;
  extraLate(day: number, tier: SellerTier): number;
}

export const NO_ANOMALIES: AnomalyPlan = { anomalies: [], quantityFactor: () => 1, extraLate: () => 0 };

export function planAnomalies(seed: number): AnomalyPlan {
  const rng = new Rng(seed, 'anomalies');
  const spikeCategory = rng.int(0, CATEGORIES.length - 1);
  const spikeDay = quietStart(rng, dayOf(YEAR, 3, 1), dayOf(YEAR, 6, 30), 1);
  const surgeTier: SellerTier = rng.pick(['silver', 'bronze'] as const);
  const surgeStart = quietStart(rng, dayOf(YEAR, 8, 1), dayOf(YEAR, 10, 15), 7);
  const surgeEnd = surgeStart + 6;
  return {
    anomalies: [
      {
        metric: 'gmv',
        category: CATEGORIES[spikeCategory].name,
        start: isoDate(spikeDay),
        end: isoDate(spikeDay),
        kind: 'spike',
      },
      { metric: 'late_rate', tier: surgeTier, start: isoDate(surgeStart), end: isoDate(surgeEnd), kind: 'surge' },
    ],
    quantityFactor: (day, category) => (day === spikeDay && category === spikeCategory ? 5 : 1),
    extraLate: (day, tier) => (tier === surgeTier && day >= surgeStart && day <= surgeEnd ? 0.35 : 0),
  };
}

/** A seeded first day in [from, to] of `length` days none of which has a campaign running. */
function quietStart(rng: Rng, from: number, to: number, length: number): number {
  const quiet = (start: number) => Array.from({ length }, (_, i) => start + i).every((d) => campaignLift(d) === 1);
  const starts = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter(quiet);
  if (starts.length === 0) throw new Error('no campaign-free days left to plant an anomaly in');
  return starts[rng.int(0, starts.length - 1)];
}
