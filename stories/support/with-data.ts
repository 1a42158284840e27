import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import type { DashboardState } from '../../src/data/dashboard-state.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { DatasetError } from '../../src/data/dataset-error.js';
import { storyDataset } from './datasets.js';

/** Wraps a story's elements in a `<mkt-data>` holding `dataset` (the small generated marketplace by default). */
export function withData(content: TemplateResult, dataset: Promise<InMemoryDataset> = storyDataset()): TemplateResult {
  return html`${until(
    dataset.then((source) => html`<mkt-data .source=${source}>${content}</mkt-data>`),
    html`<p>Generating the story dataset…</p>`,
  )}`;
}

const base: DashboardState = {
  id: 'story',
  status: 'loading',
  progress: { phase: 'download', loaded: 3_000_000, total: 8_000_000 },
  error: null,
  filters: EMPTY_FILTERS,
  engine: null,
  info: null,
  manifest: null,
  issues: [],
  locale: 'en-US',
  currency: 'USD',
};

/** A dashboard state that stays loading: assign it to a widget's `dashboard` property. */
export const LOADING: DashboardState = Object.freeze({ ...base });

/** A dashboard state whose dataset failed to load. */
export const FAILED: DashboardState = Object.freeze({
  ...base,
  status: 'error',
  progress: null,
  error: new DatasetError(
    'column-missing',
    'Table "transactions" has no column "revenue" (DOUBLE: Amount paid for the line (GMV).)',
  ),
});
