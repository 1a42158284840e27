/**
 * The outcome of one order line, from the seller's latent quality, the product's category and the day.
 * Rates (document of record; check.ts reports the realised values):
 * - cancelled before fulfilment: 0.8% + 10% x (1 - q)^2, about 1.4% overall (a typical seller stays under
 *   Amazon's 2.5% per order, the worst well over it);
 * - returned after delivery: the category's return rate x (0.95 + 1.8 x (1 - q)), about 10% overall
 *   (fashion about 22%). NRF's 17-21% counts all online retail by value; a marketplace of mixed categories
 *   sits lower;
 * - late (shipped after the promised day): 1.2% + 20% x (1 - q)^2, plus 3 points in the December peak: about
 *   2.5% overall, so that most sellers meet Amazon's 4% late-shipment target per order and the worst miss it.
 */
import { CATEGORIES } from './catalog.js';
import { isCyberWeekend, isHolidayRush } from './calendar.js';
import { PROMISED_DELIVERY_DAYS } from './params.js';
import { cumulate, type Rng } from './random.js';

export type LineStatus = 'completed' | 'returned' | 'cancelled';

export interface LineOutcome {
  quantity: number;
  revenue: number;
  status: LineStatus;
  deliveryDays: number | null;
  late: boolean;
}

/** Delivery in 1..5 days when on time. */
const ON_TIME_CUMULATIVE = cumulate([0.08, 0.22, 0.3, 0.25, 0.15]);

export const cancelProbability = (q: number) => 0.008 + 0.1 * (1 - q) ** 2;
export const returnProbability = (category: number, q: number) =>
  CATEGORIES[category].returnRate * (0.95 + 1.8 * (1 - q));
export const lateProbability = (q: number, day: number) => 0.012 + 0.2 * (1 - q) ** 2 + (isHolidayRush(day) ? 0.03 : 0);

function quantity(rng: Rng): number {
  const r = rng.next();
  return r < 0.8 ? 1 : r < 0.93 ? 2 : r < 0.97 ? 3 : r < 0.99 ? 4 : 5;
}

/** Fraction of the list price paid: deeper and more frequent discounts from Black Friday to Cyber Monday. */
function priceFactor(rng: Rng, day: number): number {
  const cyberWeek = isCyberWeekend(day);
  if (rng.chance(cyberWeek ? 0.55 : 0.12)) return 1 - rng.uniform(0.05, cyberWeek ? 0.35 : 0.2);
  return 1;
}

export interface LineContext {
  quality: number;
  category: number;
  price: number;
  day: number;
  /** Planted anomalies: extra late probability and a quantity multiplier. */
  extraLate: number;
  quantityFactor: number;
}

export function orderLine(ctx: LineContext, rng: Rng): LineOutcome {
  const qty = quantity(rng) * ctx.quantityFactor;
  const revenue = Math.round(ctx.price * qty * priceFactor(rng, ctx.day) * 100) / 100;
  if (rng.chance(cancelProbability(ctx.quality))) {
    return { quantity: qty, revenue, status: 'cancelled', deliveryDays: null, late: false };
  }
  const late = rng.chance(Math.min(0.95, lateProbability(ctx.quality, ctx.day) + ctx.extraLate));
  const deliveryDays = late
    ? PROMISED_DELIVERY_DAYS + 1 + Math.min(15, rng.geometric(0.35))
    : 1 + rng.pickCumulative(ON_TIME_CUMULATIVE);
  const returned = rng.chance(returnProbability(ctx.category, ctx.quality) * (late ? 1.3 : 1));
  return { quantity: qty, revenue, status: returned ? 'returned' : 'completed', deliveryDays, late };
}
