import type { QueryContext } from '../base/mkt-widget.js';
import type { Formatter } from '../../format/format.js';
import { rows } from '../../data/arrow-rows.js';
import type { FilterState } from '../../data/filter-state.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { churnPeriods, DEFAULT_CHURN_DAYS } from '../../metrics/seller-churn.js';
import type { EntityValueRow } from '../../metrics/concentration.js';
import type { ReturnChangeRow } from '../../metrics/returns.js';
import type { CampaignRow } from '../../metrics/campaigns.js';
import type { SupportRow } from '../../metrics/support.js';
import { churnReferenceDates } from '../../metrics/churn.js';
import type { Window } from '../../metrics/revenue-trend.js';
import { whatIfSliceCount } from '../../metrics/what-if.js';
import {
  conversionFinding,
  gmvChangeFinding,
  lateRateFinding,
  segmentFinding,
  sellerChurnFinding,
  shareFinding,
} from '../../models/insights.js';
import type { FindingInputs } from '../../models/finding-sources.js';
import { named, type NamedQuery } from '../../queries/registry.js';

type Slice = { dim: string; slice: string };

/** Customers' churn window for the cohort comparison, as `<mkt-churn>`'s default. */
const COHORT_CHURN_DAYS = 30;

/**
 * Runs the SQL of every analysis `<mkt-insights>` ranks, under the filters, and returns its rows as the inputs of
 * `allFindings()` (src/models/finding-sources.ts): null for an analysis whose optional table is missing.
 */
export async function findingInputs(
  { engine, filters, dashboard, signal }: QueryContext,
  current: Window,
  f: Formatter,
): Promise<FindingInputs> {
  const info = dashboard.info!;
  const { prior } = kpiPeriods(filters, info.minDate!, info.maxDate!);
  const run = <R extends Record<string, unknown>>(q: NamedQuery) => engine.query(q, signal).then((t) => rows<R>(t));
  const none = Promise.resolve([]);
  const hasPrior = prior.to >= info.minDate!;
  const periods = churnPeriods(current, DEFAULT_CHURN_DAYS);
  const refDates = churnReferenceDates(current.from, current.to, info.minDate!, info.maxDate!, COHORT_CHURN_DAYS);
  const inWindow = (w: Window): FilterState => ({ ...filters, dateFrom: w.from, dateTo: w.to });
  const tickets = info.tables.has('mkt_tickets');
  const [change, churn, orders, sessions, segments, regions, customers, sellers, returns, cohorts, campaigns, csat] =
    await Promise.all([
      hasPrior
        ? run<{ category: string; gmv: number; gmv_prior: number }>(named('categoryChange', filters, current, prior))
        : none,
      periods
        ? run<{ category: string; active: number; churned: number }>(named('sellerChurnByCategory', filters, periods))
        : none,
      run<Slice & { gmv: number; shipped: number; late: number }>(
        named('whatIfOrders', filters, { slices: whatIfSliceCount(info) }),
      ),
      info.tables.has('mkt_sessions')
        ? run<Slice & { sessions: number; purchases: number }>(named('whatIfSessions', filters))
        : none,
      run<{ segment: string; customers: number; revenue: number }>(named('rfmSegmentSummary', filters)),
      run<{ region: string; gmv: number }>(named('region', filters)),
      run<EntityValueRow>(named('entityValues', filters, 'customer')),
      run<EntityValueRow>(named('entityValues', filters, 'seller')),
      hasPrior ? run<ReturnChangeRow>(named('returnChange', filters, current, prior)) : none,
      refDates.length
        ? run<{ grp: string; customers: number; active: number; churned: number }>(
            named('churn', filters, { days: COHORT_CHURN_DAYS, refDates, by: 'cohort' }),
          )
        : none,
      info.tables.has('campaigns') ? run<CampaignRow>(named('campaignPerformance', filters)) : null,
      tickets
        ? Promise.all([
            run<SupportRow>(named('support', inWindow(current), 'tier')),
            hasPrior ? run<SupportRow>(named('support', inWindow(prior), 'tier')) : none,
          ])
        : null,
    ]);
  const by = <R extends Slice>(list: readonly R[], dim: string) => list.filter((r) => r.dim === dim);
  const tiers = by(orders, 'tier');
  return {
    insights: [
      gmvChangeFinding(change, f),
      sellerChurnFinding(churn, f),
      lateRateFinding(
        tiers.map((r) => ({ tier: r.slice, shipped: r.shipped, late: r.late })),
        f,
      ),
      conversionFinding(
        by(sessions, 'category').map((r) => ({ category: r.slice, sessions: r.sessions, purchases: r.purchases })),
        f,
        30,
      ),
      segmentFinding(segments, f),
      shareFinding(
        'category-share',
        by(orders, 'category').map((r) => ({ name: r.slice, gmv: r.gmv })),
        f,
      ),
      // The region filter narrows to one region, whose share would be 100%: the region mix only without it.
      filters.regions.length === 0
        ? shareFinding(
            'region-share',
            regions.map((r) => ({ name: r.region, gmv: r.gmv })),
            f,
          )
        : null,
    ],
    customerValues: customers.map((r) => r.value),
    sellerValues: sellers.map((r) => r.value),
    lateByTier: tiers.map((r) => ({ tier: r.slice, n: r.shipped, events: r.late })),
    returns,
    cohorts,
    campaigns,
    csat: csat ? { now: csat[0], prior: csat[1] } : null,
  };
}
