/**
 * Customer-service tickets about orders. An order's chance of a ticket (about 70 per 1,000 orders overall):
 * 2.5% for a question (where is my order, a product question, payment, account), plus 25% when a line arrived
 * late, 30% when one was returned, 15% when the whole order was cancelled. The reason follows the trouble; about
 * one question in six is about the account and names no seller.
 *
 * Times (hours): first response log-normal with a median of 4 h, longer for weaker sellers (× 1 + 2 (1 − q)), at
 * weekends (× 1.5) and in the December rush (× 2.5, when ticket volume peaks); resolution another log-normal median
 * of 20 h after it (× 2 for returns, × 1.5 for late deliveries). Anything that would fall after the end of the data
 * is not there yet: unanswered (no first response) or open (no resolution).
 *
 * CSAT (1–5) is answered for 55% of the resolved tickets: 4.4 − 0.012 × resolution hours (at most 150) − 0.4 when
 * the first response took over a day − 0.35 for a late delivery − 0.25 for a damaged or wrong item, plus normal
 * noise (sd 0.9), rounded into 1..5: a mean near 3.9, lower in December.
 */
import { isHolidayRush } from './calendar.js';
import { MS_PER_DAY } from './dates.js';
import { PROMISED_DELIVERY_DAYS } from './params.js';
import { cumulate, type Rng } from './random.js';

/** What the ticket draw needs to know about an order. */
export interface OrderTrouble {
  readonly day: number;
  /** Seller quality (0..1) of the line the ticket is about. */
  readonly quality: number;
  readonly late: boolean;
  /** Day the first returned line came back; null when nothing was returned. */
  readonly returnDay: number | null;
  /** Every line cancelled. */
  readonly cancelled: boolean;
}

export interface TicketDraft {
  readonly openedAt: number;
  readonly firstResponseAt: number | null;
  readonly resolvedAt: number | null;
  readonly reason: string;
  readonly csat: number | null;
  /** An account question: about no order and no seller. */
  readonly aboutAccount: boolean;
}

const QUESTIONS = ['where is my order', 'product question', 'payment', 'account question'] as const;
const QUESTION_WEIGHTS = cumulate([0.35, 0.3, 0.18, 0.17]);
const RETURN_REASONS = ['return or refund', 'damaged item', 'wrong item'] as const;
const RETURN_WEIGHTS = cumulate([0.6, 0.25, 0.15]);
const HOUR = 3_600_000;

function reasonOf(order: OrderTrouble, rng: Rng): string {
  if (order.cancelled) return 'cancellation';
  if (order.late && rng.chance(0.7)) return 'late delivery';
  if (order.returnDay !== null && rng.chance(0.8)) return RETURN_REASONS[rng.pickCumulative(RETURN_WEIGHTS)];
  return QUESTIONS[rng.pickCumulative(QUESTION_WEIGHTS)];
}

function openingDay(order: OrderTrouble, reason: string, rng: Rng): number {
  if (reason === 'late delivery') return order.day + PROMISED_DELIVERY_DAYS + rng.int(1, 4);
  if (order.returnDay !== null && (RETURN_REASONS as readonly string[]).includes(reason)) return order.returnDay;
  if (reason === 'cancellation') return order.day + rng.int(0, 1);
  return order.day + rng.int(1, 10);
}

/** The ticket an order raises, or null (no trouble, or it would be opened after `lastDay`). */
export function drawTicket(order: OrderTrouble, lastDay: number, rng: Rng): TicketDraft | null {
  const p = 0.025 + (order.late ? 0.25 : 0) + (order.returnDay !== null ? 0.3 : 0) + (order.cancelled ? 0.15 : 0);
  if (!rng.chance(p)) return null;
  const reason = reasonOf(order, rng);
  const day = openingDay(order, reason, rng);
  if (day > lastDay) return null;
  const end = (lastDay + 1) * MS_PER_DAY - 1;
  const openedAt = day * MS_PER_DAY + rng.int(8 * HOUR, 22 * HOUR);
  const weekday = new Date(openedAt).getUTCDay();
  const slow =
    (1 + 2 * (1 - order.quality)) * (weekday === 0 || weekday === 6 ? 1.5 : 1) * (isHolidayRush(day) ? 2.5 : 1);
  const responseHours = rng.lognormal(Math.log(4 * slow), 0.9);
  const resolutionMedian = 20 * (RETURN_REASONS.includes(reason as never) ? 2 : reason === 'late delivery' ? 1.5 : 1);
  const resolutionHours = responseHours + rng.lognormal(Math.log(resolutionMedian), 0.8);
  const firstResponseAt = openedAt + Math.round(responseHours * HOUR);
  const resolvedAt = openedAt + Math.round(resolutionHours * HOUR);
  const answered = firstResponseAt <= end;
  const resolved = answered && resolvedAt <= end;
  let csat: number | null = null;
  if (resolved && rng.chance(0.55)) {
    const score =
      4.4 -
      0.012 * Math.min(resolutionHours, 150) -
      (responseHours > 24 ? 0.4 : 0) -
      (reason === 'late delivery' ? 0.35 : 0) -
      (reason === 'damaged item' || reason === 'wrong item' ? 0.25 : 0) +
      0.9 * rng.normal();
    csat = Math.min(5, Math.max(1, Math.round(score)));
  }
  return {
    openedAt,
    firstResponseAt: answered ? firstResponseAt : null,
    resolvedAt: resolved ? resolvedAt : null,
    reason,
    csat,
    aboutAccount: reason === 'account question' && rng.chance(0.9),
  };
}
