/**
 * How an order is paid and how a returned line comes back.
 * - Payment methods of US online checkouts (card-heavy, wallets second): credit card 55%, digital wallet 22%,
 *   debit card 15%, buy now pay later 5% (always 4 instalments), gift card 3%; 4% of orders also spend a gift
 *   card balance on part of the total, which gives them two payments. Credit cards are mostly paid at once;
 *   one in eight spreads the charge over 3, 6 or 12 instalments. An order is charged its lines' revenue in full
 *   at checkout (a cancelled line is refunded off the books, a returned one through `returns`).
 * - Returns: a returned line comes back 3–30 days after delivery with a reason (size and fit dominate fashion,
 *   damage and defects electronics), refunded in full, or with a 15% restocking fee for one return in eight.
 *   A return that would arrive after the end of the data has not happened yet: the line stays completed.
 */
import { cumulate, type Rng } from './random.js';

export const PAYMENT_METHODS = [
  'credit_card',
  'digital_wallet',
  'debit_card',
  'buy_now_pay_later',
  'gift_card',
] as const;
const METHOD_CUMULATIVE = cumulate([0.55, 0.22, 0.15, 0.05, 0.03]);
const SPLIT_WITH_GIFT_CARD = 0.04;

export interface PaymentDraft {
  readonly method: string;
  readonly installments: number;
  readonly value: number;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** The payments of an order of `total` (at least one; two when part of it is paid with a gift card balance). */
export function drawPayments(total: number, rng: Rng): PaymentDraft[] {
  const method = PAYMENT_METHODS[rng.pickCumulative(METHOD_CUMULATIVE)];
  const installments =
    method === 'buy_now_pay_later' ? 4 : method === 'credit_card' && rng.chance(0.125) ? rng.pick([3, 6, 12]) : 1;
  if (method !== 'gift_card' && total >= 20 && rng.chance(SPLIT_WITH_GIFT_CARD)) {
    const gift = cents(Math.min(total - 1, rng.uniform(5, 50)));
    return [
      { method: 'gift_card', installments: 1, value: gift },
      { method, installments, value: cents(total - gift) },
    ];
  }
  return [{ method, installments, value: cents(total) }];
}

export const RETURN_REASONS = [
  'wrong size or fit',
  'damaged in transit',
  'defective',
  'not as described',
  'changed mind',
  'arrived too late',
] as const;
/** Reason weights for apparel-like categories (size matters) and for the rest. */
const FIT_REASONS = cumulate([0.52, 0.06, 0.06, 0.14, 0.2, 0.02]);
const OTHER_REASONS = cumulate([0.02, 0.2, 0.26, 0.22, 0.26, 0.04]);

export interface ReturnDraft {
  readonly returnDay: number;
  readonly reason: string;
  readonly refunded: number;
}

/** The return of a delivered line, or null when it would arrive after `lastDay`. */
export function drawReturn(
  line: { revenue: number; deliveryDays: number | null; late: boolean },
  orderDay: number,
  sizedCategory: boolean,
  lastDay: number,
  rng: Rng,
): ReturnDraft | null {
  const returnDay = orderDay + (line.deliveryDays ?? 0) + rng.int(3, 30);
  if (returnDay > lastDay) return null;
  const reason =
    line.late && rng.chance(0.3)
      ? 'arrived too late'
      : RETURN_REASONS[rng.pickCumulative(sizedCategory ? FIT_REASONS : OTHER_REASONS)];
  const refunded = rng.chance(0.125) ? cents(line.revenue * 0.85) : line.revenue;
  return { returnDay, reason, refunded };
}
