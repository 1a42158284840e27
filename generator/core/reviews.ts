/**
 * Reviews of delivered lines. Ratings are J-shaped (Olist: about 58% five stars, 13% one star, mean about 4.0):
 * a happy distribution for on-time, kept items, mixed with an unhappy one as seller quality drops, and
 * distinct distributions for late and returned lines. Unhappy customers review more often. Sentiment follows
 * the rating and drops further with lateness and returns. A review written after the end of the data is not
 * in the data.
 */
import { END_DAY } from './calendar.js';
import type { LineOutcome } from './order-lines.js';
import { cumulate, type Rng } from './random.js';

export interface ReviewDraft {
  rating: number;
  sentiment: number;
  reviewDay: number;
}

const HAPPY = cumulate([0.03, 0.015, 0.045, 0.19, 0.72]);
const UNHAPPY = cumulate([0.25, 0.08, 0.15, 0.2, 0.32]);
const LATE = cumulate([0.3, 0.09, 0.15, 0.18, 0.28]);
const RETURNED = cumulate([0.36, 0.1, 0.15, 0.14, 0.25]);
const SENTIMENT_BY_RATING = [-0.7, -0.38, 0.02, 0.42, 0.74];

/**
 * Chance that a delivered line gets a review, before the late/returned uplift: about 0.11 reviews per line, as
 * when buyers review of their own accord (a marketplace that asks every buyer, like Olist, sees nearly one per
 * order). With it a typical seller has 1–2 stars on fewer than 2% of its orders (Walmart's limit), the worst on
 * several times that.
 */
export const REVIEW_PROBABILITY = 0.1;

export function drawReview(line: LineOutcome, orderDay: number, quality: number, rng: Rng): ReviewDraft | null {
  if (line.status === 'cancelled' || line.deliveryDays === null) return null;
  const returned = line.status === 'returned';
  const p = REVIEW_PROBABILITY * (line.late ? 1.4 : 1) * (returned ? 1.5 : 1);
  if (!rng.chance(p)) return null;
  const reviewDay = orderDay + line.deliveryDays + rng.geometric(0.3) + (returned ? rng.int(3, 10) : 0);
  if (reviewDay > END_DAY) return null;
  let dist = HAPPY;
  if (returned) dist = RETURNED;
  else if (line.late) dist = LATE;
  else if (rng.chance(Math.min(1, Math.max(0, 1.3 * (0.9 - quality))))) dist = UNHAPPY;
  const rating = 1 + rng.pickCumulative(dist);
  const raw = SENTIMENT_BY_RATING[rating - 1] + 0.18 * rng.normal() - (line.late ? 0.12 : 0) - (returned ? 0.1 : 0);
  const sentiment = Math.round(Math.max(-1, Math.min(1, raw)) * 1000) / 1000;
  return { rating, sentiment, reviewDay };
}
