/**
 * Sizes and behavioural constants. Scale 1 = 500 sellers, 5,000 products, 50,000 customers, 200,000 order
 * lines (in total, whatever the number of years), about 22,000 reviews and about 500,000 page events; every
 * count is linear in the scale, with floors
 * that keep every tier and category present at tiny scales.
 */
import { CATEGORIES } from './catalog.js';

export interface GeneratorOptions {
  readonly seed: number;
  readonly scale: number;
  /** Plant the anomalies listed in `planted-anomalies.ts` and record them in the manifest. */
  readonly plantAnomalies?: boolean;
  /** Calendar years covered, ending with 2025 (default 2, so that the last year compares with the one before). */
  readonly years?: number;
  /** Rows per Arrow record batch. */
  readonly batchRows?: number;
}

export interface Sizes {
  readonly sellers: number;
  readonly products: number;
  readonly customers: number;
  readonly transactions: number;
  /** Targets: the realised counts vary by a percent or so. */
  readonly reviewsTarget: number;
  readonly pageEventsTarget: number;
}

export function sizesFor(scale: number): Sizes {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const n = (base: number, floor: number) => Math.max(floor, Math.round(base * scale));
  return {
    sellers: n(500, 5),
    products: n(5_000, 2 * CATEGORIES.length),
    customers: n(50_000, 40),
    transactions: n(200_000, 200),
    reviewsTarget: n(22_000, 40),
    pageEventsTarget: n(500_000, 800),
  };
}

export const DEFAULT_BATCH_ROWS = 200_000;

/** Sellers who joined on or after this day are in the `new` tier (the last six months of the data). */
export const NEW_TIER_SINCE = '2025-07-01';
export const SELLERS_JOINING_IN_YEAR = 0.2;
/** Seller size: log-normal spread plus a few power sellers, so that the top 1/10/20% hold about 20/60/76% of GMV. */
export const SELLER_SIZE_SIGMA = 1.4;
export const POWER_SELLER_SHARE = 0.02;
export const POWER_SELLER_FACTOR = 10;

/** Customers who never complete an order (registered, browsed, or only had cancelled orders). */
export const NON_BUYER_SHARE = 0.08;
/** Each further line in an order with this probability: about 1.43 lines per order. */
export const EXTRA_LINE_PROBABILITY = 0.3;
/** Shape of the gamma mixing of customer purchase rates: small = a few heavy repeat buyers, most buy once. */
export const PURCHASE_RATE_SHAPE = 0.14;
/**
 * First orders follow demand times 1 + 3 exp(-day / 60): the data starts on Jan 1 while the marketplace
 * already existed, so customers first seen early in the year include returning ones, and the repeat orders of
 * earlier cohorts fill the later months. Keeps monthly GMV growing (about 2x Jan to Dec) rather than ramping from zero.
 */
export const EARLY_ACQUISITION_BOOST = 3;
export const EARLY_ACQUISITION_DECAY_DAYS = 60;
/** Mean wait (days, exponential) before a customer's repeat window opens after the first order. */
export const REPEAT_DELAY_DAYS = 10;
/**
 * Mean customer lifetime (days, exponential) within which repeat orders fall. With the values above:
 * repeat purchase rate about 28%, cohort retention about 15% in month 1 and 11-12% in month 6 (CDNOW-like).
 */
export const CUSTOMER_LIFETIME_DAYS = 365;

/** Funnel step rates per session (industry reports in REFERENCE.md): cart, checkout given cart, purchase given checkout. */
export const FUNNEL = { cart: 0.085, checkout: 0.5, purchase: 0.7 } as const;
/** Share of non-buying sessions by logged-in customers; the rest are anonymous. */
export const KNOWN_VISITOR_SHARE = 0.55;

export const PROMISED_DELIVERY_DAYS = 5;
