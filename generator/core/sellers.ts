/**
 * Sellers: a latent quality (0..1, higher = healthier) drives defects, lateness, cancellations and churn; a
 * heavy-tailed size drives GMV. Tiers are assigned from expected GMV once the catalogue is known.
 */
import { faker } from '@faker-js/faker/locale/en';
import { CATEGORIES, REGIONS } from './catalog.js';
import { DAY_COUNT, END_DAY, START_DAY, dayWeights } from './calendar.js';
import {
  NEW_TIER_SINCE,
  POWER_SELLER_FACTOR,
  POWER_SELLER_SHARE,
  SELLERS_JOINING_IN_YEAR,
  SELLER_SIZE_SIGMA,
} from './params.js';
import { Rng, cumulate, deriveSeed, weightedPicker } from './random.js';
import type { SellerTier } from '../../src/schema/tables.js';

export type SellerStatus = 'active' | 'suspended' | 'churned';

export interface SellerModel {
  readonly count: number;
  readonly names: string[];
  readonly joinDay: Int32Array;
  /** Last day the seller can sell: the churn or suspension day, else the end of the data. */
  readonly activeEnd: Int32Array;
  /** First day the seller can sell: the day of its first listing (set by the catalogue). */
  readonly activeStart: Int32Array;
  readonly quality: Float64Array;
  /** Relative expected GMV per active day of demand. */
  readonly size: Float64Array;
  readonly category: Uint8Array;
  readonly region: Uint8Array;
  readonly status: SellerStatus[];
  readonly tier: SellerTier[];
}

export const sellerId = (i: number) => `s-${String(i + 1).padStart(5, '0')}`;
const NEW_SINCE_DAY = Date.parse(NEW_TIER_SINCE) / 86_400_000;

export function createSellers(seed: number, count: number): SellerModel {
  const rng = new Rng(seed, 'sellers');
  const pickCategory = weightedPicker(CATEGORIES.map((c) => c.weight));
  const pickRegion = weightedPicker(REGIONS.map((r) => r.weight));
  const firstCategories = rng.shuffle(CATEGORIES.map((_, i) => i));
  const joinDay = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    joinDay[i] = rng.chance(SELLERS_JOINING_IN_YEAR)
      ? rng.int(START_DAY, END_DAY - 45)
      : START_DAY - 1 - Math.min(2900, Math.floor(rng.exponential(700)));
  }
  // Tiny scales still need a seller of every tier: at least one new seller and three established ones.
  if (!joinDay.some((d) => d >= NEW_SINCE_DAY)) joinDay[count - 1] = rng.int(NEW_SINCE_DAY, END_DAY - 45);
  for (let i = 0; i < Math.min(3, count - 1); i++) if (joinDay[i] >= NEW_SINCE_DAY) joinDay[i] = START_DAY - 30 - i;
  // Someone must be able to sell on every day of the year: seller 0 is established and never leaves.
  joinDay[0] = Math.min(joinDay[0], START_DAY - 30);

  const model: SellerModel = {
    count,
    names: [],
    joinDay,
    activeEnd: new Int32Array(count).fill(END_DAY),
    activeStart: new Int32Array(count),
    quality: new Float64Array(count),
    size: new Float64Array(count),
    category: new Uint8Array(count),
    region: new Uint8Array(count),
    status: [],
    tier: [],
  };
  for (let i = 0; i < count; i++) {
    const q = rng.beta(5, 1.4);
    model.quality[i] = q;
    // Log-normal body, a few power sellers, and healthier sellers grow bigger (so gold sellers are healthier).
    const power = rng.chance(POWER_SELLER_SHARE) ? POWER_SELLER_FACTOR : 1;
    model.size[i] = rng.lognormal(0, SELLER_SIZE_SIGMA) * power * (0.3 + q) ** 2;
    model.category[i] = i < firstCategories.length ? firstCategories[i] : pickCategory(rng);
    model.region[i] = pickRegion(rng);
    // Unhealthy and small sellers leave more often; the worst are suspended by the marketplace.
    const churnP = (0.04 + 0.5 * (1 - q) ** 2) * (model.size[i] < 0.8 ? 1.4 : 0.7);
    const earliest = Math.max(START_DAY + 20, joinDay[i] + 60);
    let status: SellerStatus = 'active';
    if (i > 0 && earliest < END_DAY - 14 && rng.chance(churnP)) {
      model.activeEnd[i] = rng.int(earliest, END_DAY - 14);
      status = q < 0.55 && rng.chance(0.6) ? 'suspended' : 'churned';
    }
    model.status.push(status);
  }
  faker.seed(deriveSeed(seed, 'seller-names'));
  for (let i = 0; i < count; i++) model.names.push(faker.company.name());
  return model;
}

/** Demand mass between two days (inclusive), clipped to the data's year. */
export function demandBetween(cumulativeDemand: Float64Array, from: number, to: number): number {
  const a = Math.max(0, from - START_DAY);
  const b = Math.min(DAY_COUNT - 1, to - START_DAY);
  if (b < a) return 0;
  return cumulativeDemand[b] - (a > 0 ? cumulativeDemand[a - 1] : 0);
}

/**
 * Programme tier from expected GMV: `new` = joined in the last six months; of the others the top 10% are gold,
 * the next 25% silver, the rest bronze. A suspended seller is never gold.
 */
export function assignTiers(model: SellerModel): void {
  const cumulativeDemand = cumulate(dayWeights);
  const expected = (i: number) =>
    model.size[i] *
    demandBetween(cumulativeDemand, model.activeStart[i], model.activeEnd[i]) *
    (model.status[i] === 'suspended' ? 0 : 1);
  const ranked: number[] = [];
  for (let i = 0; i < model.count; i++) {
    if (model.joinDay[i] >= NEW_SINCE_DAY) model.tier[i] = 'new';
    else ranked.push(i);
  }
  ranked.sort((a, b) => expected(b) - expected(a) || a - b);
  const gold = Math.max(1, Math.round(ranked.length * 0.1));
  const silver = Math.max(1, Math.round(ranked.length * 0.25));
  ranked.forEach((seller, rank) => {
    model.tier[seller] = rank < gold ? 'gold' : rank < gold + silver ? 'silver' : 'bronze';
  });
}
