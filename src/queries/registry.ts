import { dailyOrderSeriesSql, dailySessionSeriesSql, weeklySellerChurnSql } from '../metrics/anomalies.js';
import { campaignCoverageSql, campaignPerformanceSql, campaignTrendSql } from '../metrics/campaigns.js';
import { categoryPerformanceSql } from '../metrics/category-performance.js';
import { churnSql, interPurchaseGapsSql } from '../metrics/churn.js';
import { basketItemsSql, coPurchaseSql, nextBestProductsSql } from '../metrics/co-purchase.js';
import { cohortActivitySql } from '../metrics/cohorts.js';
import { entityValuesSql } from '../metrics/concentration.js';
import { customerSummarySql } from '../metrics/customer-summary.js';
import { ordersPlacedSql, repeatPathsSql, sessionDepthsSql } from '../metrics/funnel.js';
import { regionNamesSql, regionSql } from '../metrics/geo.js';
import { categoryChangeSql, sellerChurnByCategorySql } from '../metrics/insights.js';
import { orderKpisSql, sessionKpisSql } from '../metrics/kpis.js';
import { paymentInstallmentsSql, paymentMethodsSql, paymentMixSql, unmatchedPaymentsSql } from '../metrics/payments.js';
import { productNamesSql, productPerformanceSql } from '../metrics/products.js';
import { returnChangeSql, returnsSetsSql, returnsSql } from '../metrics/returns.js';
import { revenueTrendSql } from '../metrics/revenue-trend.js';
import { rfmSegmentSummarySql, rfmSql } from '../metrics/rfm.js';
import { sellerChurnSql } from '../metrics/seller-churn.js';
import { sellerHealthSql, sellerMonthlySql } from '../metrics/seller-health.js';
import { supportSql } from '../metrics/support.js';
import { tierContributionSql } from '../metrics/tier-contribution.js';
import { whatIfOrdersSql, whatIfSessionsSql } from '../metrics/what-if.js';

/**
 * Every query an element, controller or model runs, by name: the same builders serve the browser (which runs the
 * SQL itself) and the server (which is sent only a name and its arguments, checks the arguments and builds the SQL
 * here; it never runs SQL text from a browser). The names are part of the server protocol: renaming one is a
 * breaking change. Arguments are plain JSON data (no functions, Dates, Maps, undefined in arrays), so that the
 * server builds the same SQL from the arguments it receives (test/queries/registry.test.ts checks it).
 */
export const QUERY_BUILDERS = {
  orderKpis: orderKpisSql,
  sessionKpis: sessionKpisSql,
  revenueTrend: revenueTrendSql,
  categoryPerformance: categoryPerformanceSql,
  tierContribution: tierContributionSql,
  cohortActivity: cohortActivitySql,
  sessionDepths: sessionDepthsSql,
  repeatPaths: repeatPathsSql,
  ordersPlaced: ordersPlacedSql,
  region: regionSql,
  regionNames: regionNamesSql,
  sellerHealth: sellerHealthSql,
  sellerMonthly: sellerMonthlySql,
  sellerChurn: sellerChurnSql,
  churn: churnSql,
  interPurchaseGaps: interPurchaseGapsSql,
  customerSummary: customerSummarySql,
  rfm: rfmSql,
  rfmSegmentSummary: rfmSegmentSummarySql,
  dailyOrderSeries: dailyOrderSeriesSql,
  dailySessionSeries: dailySessionSeriesSql,
  weeklySellerChurn: weeklySellerChurnSql,
  whatIfOrders: whatIfOrdersSql,
  whatIfSessions: whatIfSessionsSql,
  entityValues: entityValuesSql,
  returns: returnsSql,
  returnsSets: returnsSetsSql,
  returnChange: returnChangeSql,
  paymentMethods: paymentMethodsSql,
  paymentMix: paymentMixSql,
  paymentInstallments: paymentInstallmentsSql,
  unmatchedPayments: unmatchedPaymentsSql,
  support: supportSql,
  campaignPerformance: campaignPerformanceSql,
  campaignTrend: campaignTrendSql,
  campaignCoverage: campaignCoverageSql,
  productPerformance: productPerformanceSql,
  productNames: productNamesSql,
  coPurchase: coPurchaseSql,
  basketItems: basketItemsSql,
  nextBestProducts: nextBestProductsSql,
  categoryChange: categoryChangeSql,
  sellerChurnByCategory: sellerChurnByCategorySql,
} as const;

export type QueryName = keyof typeof QUERY_BUILDERS;
type Builder<N extends QueryName> = (typeof QUERY_BUILDERS)[N];
export type QueryArgs<N extends QueryName> = Parameters<Builder<N>>;

/** A query by name: its JSON-serialisable arguments, and the SQL they build (the cache key in both modes). */
export interface NamedQuery<N extends QueryName = QueryName> {
  readonly name: N;
  readonly args: QueryArgs<N>;
  readonly sql: string;
}

export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.hasOwn(QUERY_BUILDERS, name);
}

/** The SQL of query `name` with `args` (the server calls it with the arguments it has checked). */
export function buildQuery<N extends QueryName>(name: N, args: QueryArgs<N>): string {
  const build = QUERY_BUILDERS[name] as (...a: QueryArgs<N>) => string;
  return build(...args);
}

/**
 * `named('orderKpis', filters, periods)`: the query an element hands to `engine.query`. Trailing `undefined`
 * arguments are left out (JSON would send them as null, which a builder's default does not replace).
 */
export function named<N extends QueryName>(name: N, ...args: QueryArgs<N>): NamedQuery<N> {
  let length = args.length;
  while (length > 0 && args[length - 1] === undefined) length--;
  const kept = (length === args.length ? args : args.slice(0, length)) as QueryArgs<N>;
  return { name, args: kept, sql: buildQuery(name, kept) };
}
