/**
 * Customers and their order plan. A customer's first order falls on a day drawn from demand (front-loaded,
 * see params.ts). Repeat orders follow a "buy till you die" shape: a gamma-distributed purchase rate (most
 * customers buy once, a few often), a short delay, then an exponential lifetime; repeat days are drawn from
 * demand inside that lifetime. The rate
 * scale is solved so that the expected number of order lines equals the target; a final adjustment of lines
 * per order makes it exact.
 */
import { REGIONS } from './catalog.js';
import { DAY_COUNT, dayWeights } from './calendar.js';
import {
  CUSTOMER_LIFETIME_DAYS,
  EARLY_ACQUISITION_BOOST,
  EARLY_ACQUISITION_DECAY_DAYS,
  REPEAT_DELAY_DAYS,
  EXTRA_LINE_PROBABILITY,
  NON_BUYER_SHARE,
  PURCHASE_RATE_SHAPE,
} from './params.js';
import { Rng, cumulate, upperBound, weightedPicker } from './random.js';

export interface CustomerPlan {
  readonly count: number;
  readonly region: Uint8Array;
  /** Day of the first completed line, filled in while transactions are generated; NO_DAY when none. */
  readonly firstCompletedDay: Int32Array;
  readonly orderCustomer: Int32Array;
  readonly orderLines: Uint8Array;
  /** Orders of day index i (0 = Jan 1) are ordersByDay[dayStart[i] .. dayStart[i + 1]), in random order. */
  readonly dayStart: Int32Array;
  readonly ordersByDay: Int32Array;
}

export const NO_DAY = -2147483648;
export const customerId = (i: number) => `c-${String(i + 1).padStart(7, '0')}`;
const MAX_REPEATS = 250;

export function planCustomers(seed: number, count: number, lineTarget: number): CustomerPlan {
  const rng = new Rng(seed, 'customers');
  const pickRegion = weightedPicker(REGIONS.map((r) => r.weight));
  const demandCum = cumulate(dayWeights);
  const acquisitionCum = cumulate(
    dayWeights.map((w, i) => w * (1 + EARLY_ACQUISITION_BOOST * Math.exp(-i / EARLY_ACQUISITION_DECAY_DAYS))),
  );

  const region = new Uint8Array(count);
  const firstDay = new Int32Array(count).fill(-1);
  const rate = new Float64Array(count);
  const window = new Int32Array(count);
  const delay = new Int32Array(count);
  let buyers = 0;
  let rateMass = 0;
  for (let c = 0; c < count; c++) {
    region[c] = pickRegion(rng);
    if (rng.chance(NON_BUYER_SHARE)) continue;
    buyers++;
    firstDay[c] = rng.pickCumulative(acquisitionCum);
    rate[c] = rng.gamma(PURCHASE_RATE_SHAPE) / PURCHASE_RATE_SHAPE;
    delay[c] = 1 + Math.floor(rng.exponential(REPEAT_DELAY_DAYS));
    window[c] = Math.max(
      0,
      Math.min(Math.ceil(rng.exponential(CUSTOMER_LIFETIME_DAYS)), DAY_COUNT - firstDay[c] - delay[c]),
    );
    rateMass += rate[c] * window[c];
  }
  const orderTarget = lineTarget * (1 - EXTRA_LINE_PROBABILITY);
  const perUnit = rateMass > 0 ? Math.max(0, orderTarget - buyers) / rateMass : 0;

  const repeats = new Int32Array(count);
  let orders = 0;
  for (let c = 0; c < count; c++) {
    if (firstDay[c] < 0) continue;
    repeats[c] = Math.min(MAX_REPEATS, rng.poisson(perUnit * rate[c] * window[c]));
    orders += 1 + repeats[c];
  }

  const orderCustomer = new Int32Array(orders);
  const orderDay = new Int32Array(orders);
  const orderLines = new Uint8Array(orders);
  let o = 0;
  let lines = 0;
  const addOrder = (c: number, day: number) => {
    let n = 1;
    while (n < 12 && rng.chance(EXTRA_LINE_PROBABILITY)) n++;
    orderCustomer[o] = c;
    orderDay[o] = day;
    orderLines[o++] = n;
    lines += n;
  };
  for (let c = 0; c < count; c++) {
    if (firstDay[c] < 0) continue;
    const first = firstDay[c];
    addOrder(c, first);
    // Repeat days: by demand within [first + delay, first + delay + window).
    const lo = first + delay[c];
    const hi = lo + window[c] - 1;
    const from = lo > 0 ? demandCum[lo - 1] : 0;
    const span = demandCum[hi] - from;
    for (let k = 0; k < repeats[c]; k++)
      addOrder(c, Math.min(hi, upperBound(demandCum, from + rng.next() * span, lo, hi + 1)));
  }
  // Make the number of lines exact: add lines to, or take them from, random orders (an order may end empty).
  while (lines < lineTarget && orders > 0) {
    const k = rng.int(0, orders - 1);
    if (orderLines[k] < 255) {
      orderLines[k]++;
      lines++;
    }
  }
  for (let tries = 0; lines > lineTarget; tries++) {
    const k = rng.int(0, orders - 1);
    const keep = tries < 50 * orders ? 1 : 0;
    if (orderLines[k] > keep) {
      orderLines[k]--;
      lines--;
    }
  }

  const dayStart = new Int32Array(DAY_COUNT + 1);
  for (let k = 0; k < orders; k++) dayStart[orderDay[k] + 1]++;
  for (let d = 0; d < DAY_COUNT; d++) dayStart[d + 1] += dayStart[d];
  const fill = dayStart.slice(0, DAY_COUNT);
  const ordersByDay = new Int32Array(orders);
  for (let k = 0; k < orders; k++) ordersByDay[fill[orderDay[k]]++] = k;
  for (let d = 0; d < DAY_COUNT; d++) {
    for (let i = dayStart[d + 1] - 1; i > dayStart[d]; i--) {
      const j = dayStart[d] + Math.floor(rng.next() * (i - dayStart[d] + 1));
      [ordersByDay[i], ordersByDay[j]] = [ordersByDay[j], ordersByDay[i]];
    }
  }
  return {
    count,
    region,
    firstCompletedDay: new Int32Array(count).fill(NO_DAY),
    orderCustomer,
    orderLines,
    dayStart,
    ordersByDay,
  };
}
