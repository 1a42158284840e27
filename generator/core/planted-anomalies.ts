/**
 * Known anomalies that `--plant-anomalies` adds, so that anomaly detection can be tested against the truth:
 * a one-day GMV spike in one category (five times the usual quantities) and a week-long surge of late
 * shipments for one seller tier (+35 points of late probability). Chosen from the seed, away from the retail
 * events of the calendar.
 */
import { CATEGORIES } from './catalog.js';
import { dayOf, isoDate, YEAR } from './calendar.js';
import { Rng } from './random.js';
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
  const spikeDay = rng.int(dayOf(YEAR, 3, 1), dayOf(YEAR, 6, 30));
  const surgeTier: SellerTier = rng.pick(['silver', 'bronze'] as const);
  const surgeStart = rng.int(dayOf(YEAR, 8, 1), dayOf(YEAR, 10, 15));
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
