/** marketkit: the public API. Importing this module registers every element. */
export * from './events/index.js';
export * from './data/filter-state.js';
export type { DashboardState } from './data/dashboard-state.js';
export type { DatasetInfo } from './data/dataset-info.js';
export type { InMemoryDataset } from './data/load-dataset.js';
export { DatasetError } from './data/dataset-error.js';
export { dashboardContext } from './data/context.js';
export { MktWidget } from './components/base/mkt-widget.js';
export * from './schema/tables.js';
export type * from './schema/manifest.js';
export { tableIPCFromRows } from './schema/arrow.js';

export { MktData } from './components/data/mkt-data.js';
export { MktFilters } from './components/filters/mkt-filters.js';
export { MktKpis } from './components/kpis/mkt-kpis.js';
export { MktCohortHeatmap } from './components/cohort-heatmap/mkt-cohort-heatmap.js';
export { MktRetentionCurves } from './components/retention-curves/mkt-retention-curves.js';
export { MktFunnel } from './components/funnel/mkt-funnel.js';
export { MktJourney } from './components/journey/mkt-journey.js';
export { MktRevenueTrend } from './components/revenue-trend/mkt-revenue-trend.js';
export { MktCategoryPerformance } from './components/category-performance/mkt-category-performance.js';
export { MktTierContribution } from './components/tier-contribution/mkt-tier-contribution.js';
export { MktSellerHealth } from './components/seller-health/mkt-seller-health.js';
export { MktSellerChurn } from './components/seller-churn/mkt-seller-churn.js';
export { MktPayments, methodLabel, type PaymentsResult } from './components/payments/mkt-payments.js';
export { MktCampaigns, type CampaignsResult } from './components/campaigns/mkt-campaigns.js';
export { MktSupport, type SupportResult } from './components/support/mkt-support.js';
export { MktProducts, type ProductsResult } from './components/products/mkt-products.js';
export { MktRecommendations, type RecommendationsResult } from './components/recommendations/mkt-recommendations.js';
export { nextBestProducts, type NextBestRow } from './components/recommendations/next-best.js';
export { MktReport } from './components/report/mkt-report.js';
export { MktSellerSelectEvent } from './events/seller-select.js';
export { MktRfmSegments } from './components/rfm-segments/mkt-rfm-segments.js';
export { MktClv } from './components/clv/mkt-clv.js';
export { MktChurn } from './components/churn/mkt-churn.js';
export {
  fitBgNbd,
  expectedPurchases,
  conditionalExpectedPurchases,
  probabilityAlive,
  bgNbdLogLikelihood,
  type BgNbdParams,
  type BgNbdCustomer,
  type BgNbdFit,
} from './models/bg-nbd.js';
export {
  fitGammaGamma,
  expectedSpend,
  customerLifetimeValue,
  type GammaGammaParams,
  type GammaGammaFit,
  type ClvOptions,
} from './models/gamma-gamma.js';
export {
  customerValues,
  fitWarnings,
  type CustomerColumns,
  type CustomerValues,
  type FitWarnings,
} from './models/customer-value.js';
export { PARAMETER_RANGE } from './models/likelihood-fit.js';
export { clusterRfm, type RfmClustering } from './models/kmeans-rfm.js';
export { fitLogisticRegression, auc, confusion } from './models/logistic-regression.js';
export { RFM_RULES, RFM_SEGMENTS } from './metrics/rfm.js';

export { MktAnomalies } from './components/anomalies/mkt-anomalies.js';
export { MktForecast } from './components/forecast/mkt-forecast.js';
export { MktWhatIf } from './components/what-if/mkt-what-if.js';
export { MktInsights } from './components/insights/mkt-insights.js';
export { MktGeo } from './components/geo/mkt-geo.js';
export { MktValueTiers } from './components/value-tiers/mkt-value-tiers.js';
export { MktReturns } from './components/returns/mkt-returns.js';
export { MktDecomposition } from './components/decomposition/mkt-decomposition.js';
export { scoreSeries, decompose, robustZ, episodes, type ScoredPoint, type AnomalyOptions } from './models/anomaly.js';
export { fitHoltWinters, forecastBlocks, backtest, mape, type EtsFit, type ForecastPoint } from './models/forecast.js';
export {
  project as projectWhatIf,
  DEFAULT_ASSUMPTIONS as WHAT_IF_ASSUMPTIONS,
  type Levers,
  type Assumptions,
  type Projection,
} from './models/what-if.js';
