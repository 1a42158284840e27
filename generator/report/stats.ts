/**
 * The distribution report: the numbers REFERENCE.md gives bands for, computed from the tables as a reader
 * of the data would. GMV = revenue of completed and returned lines (cancelled lines never shipped).
 * A customer's cohort is the month of their first completed line; "active" = at least one completed line.
 */
import { booleans, days, indexById, isoDay, numbers, strings, type Tables } from './columns.js';
import { funnelReport, type FunnelReport } from './funnel.js';
import { campaignStats, ticketStats, type CampaignStats, type TicketStats } from './marketing-service-stats.js';

export interface DatasetReport {
  rows: Record<string, number>;
  gmv: number;
  /** Share of GMV held by the top 1/10/20% of sellers (by GMV). */
  gmvShareTop: { top1: number; top10: number; top20: number };
  gmvShareByTier: Record<string, number>;
  monthlyGmv: number[];
  blackFriday: { date: string; gmv: number; medianNovemberDay: number; ratio: number };
  /** Mean daily GMV Thanksgiving..Cyber Monday over the mean daily GMV of November and December. */
  cyberWeekToSeason: number;
  /** Mean GMV per weekday (0 = Sunday) relative to the overall daily mean. */
  weekdayProfile: number[];
  ratingShares: number[];
  ratingMean: number;
  sentimentByRating: number[];
  reviewsPerDeliveredLine: number;
  statusShares: { completed: number; returned: number; cancelled: number };
  /** Late lines over delivered (not cancelled) lines. */
  lateRate: number;
  lateRateBySellerStatus: Record<string, number>;
  lateRateByTier: Record<string, number>;
  sellerStatusShares: Record<string, number>;
  repeatPurchaseRate: number;
  /** Cohort-size-weighted retention in month 1, 3 and 6 after the cohort month. */
  retention: { month1: number; month3: number; month6: number };
  funnel: FunnelReport;
  campaigns: CampaignStats;
  tickets: TicketStats;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function ratesBy(keys: readonly string[], hits: readonly boolean[]): Record<string, number> {
  const n: Record<string, number> = {};
  const k: Record<string, number> = {};
  keys.forEach((key, i) => {
    n[key] = (n[key] ?? 0) + 1;
    k[key] = (k[key] ?? 0) + (hits[i] ? 1 : 0);
  });
  return Object.fromEntries(
    Object.keys(n)
      .sort()
      .map((key) => [key, share(k[key], n[key])]),
  );
}

export function computeReport(tables: Tables): DatasetReport {
  const sellerIds = strings(tables.sellers, 'id');
  const sellerIndex = indexById(sellerIds);
  const sellerTier = strings(tables.sellers, 'tier') as string[];
  const sellerStatus = strings(tables.sellers, 'status') as string[];
  const tx = tables.transactions;
  const txSeller = strings(tx, 'seller_id').map((id) => sellerIndex.get(id!) ?? -1);
  const txCustomer = strings(tx, 'customer_id') as string[];
  const orderDay = days(tx, 'order_date');
  const revenue = numbers(tx, 'revenue');
  const status = strings(tx, 'status') as string[];
  const late = booleans(tx, 'was_late');

  const sellerGmv = new Float64Array(sellerIds.length);
  const dailyGmv = new Map<number, number>();
  const monthlyGmv = new Array<number>(12).fill(0);
  let gmv = 0;
  for (let i = 0; i < tx.numRows; i++) {
    if (status[i] === 'cancelled') continue;
    gmv += revenue[i];
    if (txSeller[i] >= 0) sellerGmv[txSeller[i]] += revenue[i];
    dailyGmv.set(orderDay[i], (dailyGmv.get(orderDay[i]) ?? 0) + revenue[i]);
    monthlyGmv[new Date(orderDay[i] * 86_400_000).getUTCMonth()] += revenue[i];
  }
  const ranked = Array.from(sellerGmv).sort((a, b) => b - a);
  const topShare = (fraction: number) =>
    share(
      ranked.slice(0, Math.max(1, Math.round(ranked.length * fraction))).reduce((a, b) => a + b, 0),
      gmv,
    );
  const gmvByTier: Record<string, number> = {};
  sellerGmv.forEach((value, s) => (gmvByTier[sellerTier[s]] = (gmvByTier[sellerTier[s]] ?? 0) + share(value, gmv)));

  const dayList = [...dailyGmv.keys()].sort((a, b) => a - b);
  const gmvOn = (day: number) => dailyGmv.get(day) ?? 0;
  // The last year of the data (the one the default view shows and compares).
  const year = dayList.length ? new Date(dayList[dayList.length - 1] * 86_400_000).getUTCFullYear() : 2025;
  const dayOf = (m: number, d: number) => Date.UTC(year, m - 1, d) / 86_400_000;
  const november = Array.from({ length: 30 }, (_, i) => gmvOn(dayOf(11, 1 + i)));
  const thanksgiving = dayOf(11, 1) + ((4 - new Date(dayOf(11, 1) * 86_400_000).getUTCDay() + 7) % 7) + 21;
  const blackFriday = thanksgiving + 1;
  const meanOver = (from: number, to: number) => {
    let sum = 0;
    for (let d = from; d <= to; d++) sum += gmvOn(d);
    return sum / (to - from + 1);
  };
  const weekdaySum = new Array<number>(7).fill(0);
  const weekdayDays = new Array<number>(7).fill(0);
  for (const d of dayList) {
    const w = new Date(d * 86_400_000).getUTCDay();
    weekdaySum[w] += gmvOn(d);
    weekdayDays[w]++;
  }
  const dailyMean = share(gmv, dayList.length);

  const rv = tables.reviews;
  const rating = numbers(rv, 'rating');
  const sentiment = numbers(rv, 'sentiment');
  const ratingCounts = [0, 0, 0, 0, 0];
  const sentimentSums = [0, 0, 0, 0, 0];
  rating.forEach((r, i) => {
    ratingCounts[r - 1]++;
    sentimentSums[r - 1] += sentiment[i];
  });

  const delivered: boolean[] = status.map((s) => s !== 'cancelled');
  const deliveredCount = delivered.filter(Boolean).length;
  const lateHits = late.map((l, i) => delivered[i] && l === true);
  const deliveredIdx = delivered.map((d, i) => (d ? i : -1)).filter((i) => i >= 0);

  // Customers: completed days, cohorts and retention.
  const completedDays = new Map<string, Set<number>>();
  for (let i = 0; i < tx.numRows; i++) {
    if (status[i] !== 'completed') continue;
    let set = completedDays.get(txCustomer[i]);
    if (!set) completedDays.set(txCustomer[i], (set = new Set()));
    set.add(orderDay[i]);
  }
  let repeaters = 0;
  const monthIndex = (d: number) => {
    const date = new Date(d * 86_400_000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const lastMonth = dayList.length ? monthIndex(dayList[dayList.length - 1]) : 0;
  const kept = [0, 0, 0, 0, 0, 0, 0];
  const eligible = [0, 0, 0, 0, 0, 0, 0];
  for (const set of completedDays.values()) {
    if (set.size > 1) repeaters++;
    const months = new Set([...set].map(monthIndex));
    const cohort = Math.min(...months);
    for (const k of [1, 3, 6]) {
      if (cohort + k > lastMonth) continue;
      eligible[k]++;
      if (months.has(cohort + k)) kept[k]++;
    }
  }

  const count = (key: string) => status.filter((s) => s === key).length;
  return {
    rows: Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.numRows])),
    gmv,
    gmvShareTop: { top1: topShare(0.01), top10: topShare(0.1), top20: topShare(0.2) },
    gmvShareByTier: gmvByTier,
    monthlyGmv,
    blackFriday: {
      date: isoDay(blackFriday),
      gmv: gmvOn(blackFriday),
      medianNovemberDay: median(november),
      ratio: share(gmvOn(blackFriday), median(november)),
    },
    cyberWeekToSeason: share(meanOver(thanksgiving, thanksgiving + 4), meanOver(dayOf(11, 1), dayOf(12, 31))),
    weekdayProfile: weekdaySum.map((sum, w) => share(share(sum, weekdayDays[w]), dailyMean)),
    ratingShares: ratingCounts.map((n) => share(n, rating.length)),
    ratingMean: share(
      rating.reduce((a, b) => a + b, 0),
      rating.length,
    ),
    sentimentByRating: sentimentSums.map((sum, r) => share(sum, ratingCounts[r])),
    reviewsPerDeliveredLine: share(rv.numRows, deliveredCount),
    statusShares: {
      completed: share(count('completed'), tx.numRows),
      returned: share(count('returned'), tx.numRows),
      cancelled: share(count('cancelled'), tx.numRows),
    },
    lateRate: share(lateHits.filter(Boolean).length, deliveredCount),
    lateRateBySellerStatus: ratesBy(
      deliveredIdx.map((i) => sellerStatus[txSeller[i]]),
      deliveredIdx.map((i) => lateHits[i]),
    ),
    lateRateByTier: ratesBy(
      deliveredIdx.map((i) => sellerTier[txSeller[i]]),
      deliveredIdx.map((i) => lateHits[i]),
    ),
    sellerStatusShares: shares(sellerStatus),
    repeatPurchaseRate: share(repeaters, completedDays.size),
    retention: {
      month1: share(kept[1], eligible[1]),
      month3: share(kept[3], eligible[3]),
      month6: share(kept[6], eligible[6]),
    },
    funnel: funnelReport(tables.page_events),
    campaigns: campaignStats(tables),
    tickets: ticketStats(tables),
  };
}

function shares(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return Object.fromEntries(
    Object.keys(counts)
      .sort()
      .map((k) => [k, share(counts[k], values.length)]),
  );
}
