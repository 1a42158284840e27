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
