import type { Formatter } from '../format/format.js';
import { topShare } from './concentration.js';
import { tierWord } from '../format/tier.js';
import {
  againstBefore,
  againstTheRest,
  points,
  rankedFinding,
  strongest,
  type Comparison,
  type Proportion,
  type RankedFinding,
} from './findings.js';
import { giniJackknife, median, modifiedZScores, OUTLIER_Z } from './statistics.js';

/**
 * The candidate findings of issue 19, each from the rows of one SQL builder and each null when nothing passes its
 * test (see src/models/findings.ts for the ranking):
 * - **concentration** (per-customer or per-seller GMV): the top 10%'s share with the Gini coefficient's jackknife
 *   interval; only when the top 10% hold at least 30%. No filter narrows to a spend percentile: `filter` is null.
 * - **campaign ROI outlier** (`campaignPerformanceSql`): the campaign whose log ROAS has the largest modified z-score
 *   beyond ±3.5 among at least 5 campaigns with spend; filter: the campaign's dates.
 * - **return spike** (`returnsSql` by category, now and in the prior period): the category whose return rate rose
 *   most, by a two-proportion z-test, Bonferroni over the categories; filter: the category.
 * - **CSAT drop** (`supportSql` by tier, category or all, now and before): the share of 4–5 answers fell.
 * - **churn by cohort** (`churnSql` by cohort): a cohort churning more than the others. The pooled counts are
 *   customer-dates, not independent (one customer is counted at several dates), so the test uses the distinct
 *   customers as the sample size with the same rate: conservative.
 * - **seller-tier gap** (e.g. late shipments per tier, `sellerHealthSql`): a tier worse than the other tiers.
 */

/** The log of ROAS below this is taken at this (a campaign that brought nothing is an outlier, not −∞). */
const ROAS_FLOOR = 0.01;

export function concentrationFinding(
  values: ArrayLike<number>,
  entity: 'customers' | 'sellers',
  f: Formatter,
  options: { minTopShare?: number; minCount?: number } = {},
): RankedFinding | null {
  if (values.length < (options.minCount ?? 20)) return null;
  const top = topShare(values, 0.1);
  const g = giniJackknife(values);
  if (top === null || !g || top < (options.minTopShare ?? 0.3)) return null;
  const [low, high] = g.interval;
  return rankedFinding({
    kind: 'concentration',
    text: `The top 10% of ${entity} bring ${f.percent(top, 0)} of GMV (Gini ${g.gini.toFixed(2)})`,
    size: { value: top, unit: 'share', text: `${f.percent(top, 0)} of GMV` },
    support: {
      method: 'jackknife interval',
      interval: g.interval,
      statistic: null,
      pValue: null,
      comparisons: 1,
      text: `Gini ${g.gini.toFixed(2)} (95% CI ${low.toFixed(2)} to ${high.toFixed(2)}, jackknife over ${values.length} ${entity})`,
    },
    filter: null,
    filterLabel: '',
    magnitude: top / 0.1 - 1,
    reach: top,
  });
}

export interface CampaignFigures {
  readonly key: string;
  readonly name: string;
  readonly channel: string;
  readonly start_date: string;
  readonly end_date: string;
  readonly spend: number;
  readonly revenue: number;
}

export function campaignRoiFinding(
  rows: readonly CampaignFigures[],
  f: Formatter,
  options: { minCampaigns?: number } = {},
): RankedFinding | null {
  const spent = rows.filter((r) => r.spend > 0);
  if (spent.length < (options.minCampaigns ?? 5)) return null;
  const roas = spent.map((r) => r.revenue / r.spend);
  const z = modifiedZScores(roas.map((v) => Math.log(Math.max(v, ROAS_FLOOR))));
  const typical = median(roas);
  const totalSpend = spent.reduce((s, r) => s + r.spend, 0);
  const findings = spent.flatMap((r, i) => {
    if (!(Math.abs(z[i]) > OUTLIER_Z)) return [];
    const high = z[i] > 0;
    return [
      rankedFinding({
        kind: 'campaign-roi',
        text: `Campaign ${r.name} (${r.channel}) returned ${high ? '' : 'only '}${roas[i].toFixed(1)}× its spend, against a median of ${typical.toFixed(1)}× over ${spent.length} campaigns`,
        size: { value: roas[i], unit: 'ratio', text: `${roas[i].toFixed(1)}× spend` },
        support: {
          method: 'modified z-score',
          interval: null,
          statistic: z[i],
          pValue: null,
          comparisons: spent.length,
          text: `modified z-score ${z[i].toFixed(1)} of log ROAS among ${spent.length} campaigns (beyond ±${OUTLIER_Z} is an outlier)`,
        },
        filter: { dateFrom: r.start_date, dateTo: r.end_date },
        filterLabel: `Show ${f.date(r.start_date)} to ${f.date(r.end_date)}`,
        magnitude: typical > 0 ? Math.abs(roas[i] / typical - 1) : 3,
        reach: r.spend / totalSpend,
      }),
    ];
  });
  return strongest(findings);
}

export interface ReturnSpikeRow {
  /** Category. */
  readonly name: string;
  readonly delivered: number;
  readonly returned: number;
  readonly delivered_prior: number;
  readonly returned_prior: number;
  /** Revenue of the delivered lines now, to put the rise in money; optional. */
  readonly delivered_revenue?: number;
}

export function returnSpikeFinding(
  rows: readonly ReturnSpikeRow[],
  f: Formatter,
  options: { alpha?: number } = {},
): RankedFinding | null {
  const now = rows.map((r) => ({ name: r.name, n: r.delivered, x: r.returned }));
  const before = rows.map((r) => ({ name: r.name, n: r.delivered_prior, x: r.returned_prior }));
  const found = againstBefore(now, before, { higher: true, of: 'categories', alpha: options.alpha });
  return strongest(
    found.map((c) => {
      const revenue = rows.find((r) => r.name === c.name)?.delivered_revenue;
      const money = revenue ? `, about ${f.money(c.test.difference * revenue)} more returned` : '';
      return proportionFinding('return-spike', c, {
        text: `Returns of ${c.name} rose to ${f.percent(c.test.p1, 1)} from ${f.percent(c.test.p2, 1)} in the prior period${money}`,
        filter: { categories: [c.name] },
        filterLabel: `Show ${c.name}`,
      });
    }),
  );
}

export interface CsatRow {
  /** Tier, category, or `All`. */
  readonly grp: string;
  /** Surveys answered. */
  readonly rated: number;
  /** Share of answers of 4 or 5. */
  readonly csat_score: number | null;
}

export function csatDropFinding(
  now: readonly CsatRow[],
  prior: readonly CsatRow[],
  by: 'all' | 'tier' | 'category',
  f: Formatter,
  options: { alpha?: number } = {},
): RankedFinding | null {
  // csat_score is satisfied / rated exactly, so the count comes back whole.
  const counts = (rows: readonly CsatRow[]): Proportion[] =>
    rows.map((r) => ({ name: r.grp, n: r.rated, x: Math.round((r.csat_score ?? 0) * r.rated) }));
  const of = by === 'tier' ? 'tiers' : 'categories';
  const found = againstBefore(counts(now), counts(prior), { higher: false, of, alpha: options.alpha });
  return strongest(
    found.map((c) => {
      const who = by === 'tier' ? ` of the ${tierWord(c.name)} tier` : by === 'category' ? ` in ${c.name}` : '';
      return proportionFinding('csat-drop', c, {
        text: `CSAT${who} fell to ${f.percent(c.test.p1, 0)} from ${f.percent(c.test.p2, 0)} in the prior period (answers of 4 or 5)`,
        filter: by === 'tier' ? { tiers: [c.name] } : by === 'category' ? { categories: [c.name] } : null,
        filterLabel: by === 'tier' ? `Show the ${tierWord(c.name)} tier` : by === 'category' ? `Show ${c.name}` : '',
        magnitude: c.test.p2 > 0 ? 1 - c.test.p1 / c.test.p2 : 0,
      });
    }),
  );
}

export interface CohortChurnRow {
  /** Cohort, `YYYY-MM`. */
  readonly grp: string;
  readonly customers: number;
  readonly active: number;
  readonly churned: number;
}

export function cohortChurnFinding(
  rows: readonly CohortChurnRow[],
  f: Formatter,
  options: { alpha?: number } = {},
): RankedFinding | null {
  const groups = rows.map((r) => ({
    name: r.grp,
    n: r.active > 0 ? r.customers : 0,
    x: r.active > 0 ? (r.churned * r.customers) / r.active : 0,
  }));
  const found = againstTheRest(groups, { higher: true, of: 'cohorts', alpha: options.alpha });
  return strongest(
    found.map((c) =>
      proportionFinding('cohort-churn', c, {
        text: `Customers of the ${f.month(c.name)} cohort churn at ${f.percent(c.test.p1, 0)} vs ${f.percent(c.test.p2, 0)} for the other cohorts`,
        filter: { cohort: c.name },
        filterLabel: `Show the ${f.month(c.name)} cohort`,
      }),
    ),
  );
}

export interface TierRateRow {
  readonly tier: string;
  /** Trials: orders shipped, orders, reviews. */
  readonly n: number;
  /** Bad events among them: late, defective, negative. */
  readonly events: number;
}

/** `measure` names the events in the sentence, e.g. "Late shipments". */
export function sellerTierGapFinding(
  rows: readonly TierRateRow[],
  measure: string,
  f: Formatter,
  options: { alpha?: number } = {},
): RankedFinding | null {
  const groups = rows.map((r) => ({ name: r.tier, n: r.n, x: r.events }));
  const found = againstTheRest(groups, { higher: true, of: 'tiers', alpha: options.alpha });
  return strongest(
    found.map((c) =>
      proportionFinding('seller-tier-gap', c, {
        text: `${measure} of the ${tierWord(c.name)} tier: ${f.percent(c.test.p1, 1)} vs ${f.percent(c.test.p2, 1)} for the other tiers`,
        filter: { tiers: [c.name] },
        filterLabel: `Show the ${tierWord(c.name)} tier`,
      }),
    ),
  );
}

/** A finding from a significant comparison: size in points, magnitude relative to the reference by default. */
function proportionFinding(
  kind: 'return-spike' | 'csat-drop' | 'cohort-churn' | 'seller-tier-gap',
  c: Comparison,
  words: Pick<RankedFinding, 'text' | 'filter' | 'filterLabel'> & { magnitude?: number },
): RankedFinding {
  const { p1, p2, difference } = c.test;
  return rankedFinding({
    kind,
    text: words.text,
    size: { value: difference, unit: 'points', text: points(difference) },
    support: c.support,
    filter: words.filter,
    filterLabel: words.filterLabel,
    magnitude: words.magnitude ?? (p2 > 0 ? p1 / p2 - 1 : 3),
    reach: c.share,
  });
}
