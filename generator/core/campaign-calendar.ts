/**
 * The marketplace's marketing calendar: the same dozen campaigns every year, each on its channel (named like the
 * traffic sources of page_events) with
 * - `lift`: demand on its days over the same days without it (calendar.ts multiplies the day weights by it, so the
 *   extra orders and sessions are really there);
 * - `reach`: the share of its days' other orders and sessions that a campaign click also brings in (last touch);
 * - `roas`: the revenue per unit of spend it is planned to return: email high (own list, cheap), paid search middling,
 *   social low, and one dud a year ("Autumn influencers", a tenth of its spend back) whose ROI is an outlier.
 * Black Friday and Cyber Week get the biggest reach; the events of calendar.ts (Black Friday, the mid-summer sale,
 * the holiday peak) already lift those days, so their campaigns add little lift of their own.
 */
import { blackFriday, dayOf, yearOf } from './dates.js';

export type CampaignChannel = 'email' | 'social' | 'paid_search';

interface Template {
  readonly name: string;
  readonly channel: CampaignChannel;
  /** First and last day in a given year. */
  readonly days: (year: number) => readonly [number, number];
  readonly lift: number;
  readonly reach: number;
  readonly roas: number;
}

const TEMPLATES: readonly Template[] = [
  {
    name: 'New Year sale',
    channel: 'email',
    days: (y) => [dayOf(y, 1, 2), dayOf(y, 1, 12)],
    lift: 1.12,
    reach: 0.08,
    roas: 9,
  },
  {
    name: "Valentine's gifts",
    channel: 'social',
    days: (y) => [dayOf(y, 2, 5), dayOf(y, 2, 14)],
    lift: 1.1,
    reach: 0.05,
    roas: 3,
  },
  {
    name: 'Spring refresh',
    channel: 'paid_search',
    days: (y) => [dayOf(y, 3, 10), dayOf(y, 3, 23)],
    lift: 1.08,
    reach: 0.1,
    roas: 4,
  },
  {
    name: 'April savings',
    channel: 'email',
    days: (y) => [dayOf(y, 4, 8), dayOf(y, 4, 17)],
    lift: 1.08,
    reach: 0.08,
    roas: 7,
  },
  {
    name: "Mother's Day",
    channel: 'social',
    days: (y) => [dayOf(y, 5, 1), dayOf(y, 5, 11)],
    lift: 1.12,
    reach: 0.05,
    roas: 2.5,
  },
  {
    name: 'Summer kick-off',
    channel: 'paid_search',
    days: (y) => [dayOf(y, 6, 9), dayOf(y, 6, 22)],
    lift: 1.08,
    reach: 0.1,
    roas: 3.5,
  },
  {
    name: 'Mid-summer sale',
    channel: 'email',
    days: (y) => [dayOf(y, 7, 7), dayOf(y, 7, 13)],
    lift: 1.05,
    reach: 0.12,
    roas: 8,
  },
  {
    name: 'Back to school',
    channel: 'paid_search',
    days: (y) => [dayOf(y, 8, 11), dayOf(y, 8, 31)],
    lift: 1.1,
    reach: 0.1,
    roas: 4,
  },
  {
    name: 'Autumn influencers',
    channel: 'social',
    days: (y) => [dayOf(y, 9, 15), dayOf(y, 9, 28)],
    lift: 1.02,
    reach: 0.03,
    roas: 0.1,
  },
  {
    name: 'Halloween',
    channel: 'social',
    days: (y) => [dayOf(y, 10, 20), dayOf(y, 10, 31)],
    lift: 1.1,
    reach: 0.05,
    roas: 2.5,
  },
  {
    name: 'Black Friday & Cyber Week',
    channel: 'paid_search',
    days: (y) => [blackFriday(y) - 7, blackFriday(y) + 3],
    lift: 1.1,
    reach: 0.25,
    roas: 6,
  },
  {
    name: 'Holiday gifts',
    channel: 'email',
    days: (y) => [dayOf(y, 12, 3), dayOf(y, 12, 20)],
    lift: 1.05,
    reach: 0.1,
    roas: 8,
  },
];

export interface CampaignPlan {
  /** `k-YYYY-NN`, NN the campaign's place in its year. */
  readonly id: string;
  /** The template's name and the year, e.g. "Halloween 2025". */
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly start: number;
  readonly end: number;
  readonly lift: number;
  readonly reach: number;
  readonly roas: number;
}

/** Every campaign of the years, in date order. */
export function campaignPlans(firstYear: number, lastYear: number): CampaignPlan[] {
  const plans: CampaignPlan[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    TEMPLATES.forEach((t, i) => {
      const [start, end] = t.days(year);
      const id = `k-${year}-${String(i + 1).padStart(2, '0')}`;
      plans.push({
        id,
        name: `${t.name} ${year}`,
        channel: t.channel,
        start,
        end,
        lift: t.lift,
        reach: t.reach,
        roas: t.roas,
      });
    });
  }
  return plans.sort((a, b) => a.start - b.start);
}

/** The demand lift of the campaign running on a day (1 on days without one). */
export function campaignLift(day: number): number {
  const year = yearOf(day);
  for (const t of TEMPLATES) {
    const [start, end] = t.days(year);
    if (day >= start && day <= end) return t.lift;
  }
  return 1;
}

/**
 * The share of a campaign day's orders and sessions credited to the campaign: the extra demand its lift brought,
 * (lift − 1) / lift, plus its reach among the rest.
 */
export function attributedShare(plan: Pick<CampaignPlan, 'lift' | 'reach'>): number {
  const incremental = (plan.lift - 1) / plan.lift;
  return incremental + (1 - incremental) * plan.reach;
}
