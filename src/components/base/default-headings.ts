/**
 * The title each element shows when the page gives it no `heading` attribute. All in one place, so that they read
 * as one set. `heading=""` shows no title (for a page that titles the element itself); the filter bar has none.
 */
export const DEFAULT_HEADINGS: Readonly<Record<string, string>> = {
  'mkt-kpis': 'Key figures',
  'mkt-revenue-trend': 'GMV over time',
  'mkt-category-performance': 'Categories',
  'mkt-tier-contribution': 'GMV by seller tier',
  'mkt-seller-health': 'Seller health',
  'mkt-seller-churn': 'Seller churn',
  'mkt-rfm-segments': 'RFM segments',
  'mkt-clv': 'Customer lifetime value',
  'mkt-churn': 'Customer churn',
  'mkt-cohort-heatmap': 'Cohort retention',
  'mkt-retention-curves': 'Retention curves',
  'mkt-funnel': 'Conversion funnel',
  'mkt-journey': 'Session journeys',
  'mkt-insights': 'What stands out',
  'mkt-geo': 'GMV by region',
  'mkt-anomalies': 'Unusual movements',
  'mkt-forecast': 'GMV forecast',
  'mkt-what-if': 'What if…',
  'mkt-payments': 'Payments',
  'mkt-campaigns': 'Campaigns',
  'mkt-support': 'Customer service',
  'mkt-products': 'Products',
  'mkt-recommendations': 'Bought together',
  'mkt-value-tiers': 'Value tiers',
  'mkt-returns': 'Returns',
  'mkt-decomposition': 'Trend and seasonality',
  'mkt-report': 'Executive report',
};
