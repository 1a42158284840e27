import type { DatasetInfo } from './dataset-info.js';
import type { DatasetError } from './dataset-error.js';
import type { FilterState } from './filter-state.js';
import type { LoadProgress } from './load-dataset.js';
import type { QueryEngine } from './query-engine.js';
import type { Manifest } from '../schema/manifest.js';
import type { DataIssue } from './data-quality.js';
import type { CustomerModels } from './customer-models.js';

/**
 * What `<mkt-data>` shares with every widget of its dashboard. A new object on every change (filters, status),
 * never mutated, so that context consumers and task arguments see the change.
 */
export interface DashboardState {
  /** The id of the `<mkt-data>` element (generated when it has none). */
  readonly id: string;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly progress: LoadProgress | null;
  readonly error: DatasetError | null;
  readonly filters: FilterState;
  /** Set once the data is ready. */
  readonly engine: QueryEngine | null;
  /**
   * The dashboard's customer models (CLV, RFM segments, churn) and their worker: one per load, set while loading.
   * A state built by hand may leave it out; the model elements then make one for themselves.
   */
  readonly models?: CustomerModels | null;
  readonly info: DatasetInfo | null;
  readonly manifest: Manifest | null;
  /**
   * Problems found in the data that do not stop the dashboard (duplicate ids, orphan keys, ...). The checks run
   * after the data is ready, behind the widgets' first queries: the list grows when they are done (`checked`) and
   * when a deferred table loads.
   */
  readonly issues: readonly DataIssue[];
  /** The data-quality checks of the tables loaded at start have run (their problems are in `issues`). */
  readonly checked?: boolean;
  /** BCP 47 locale and ISO 4217 currency for every number, date and amount of the dashboard. */
  readonly locale: string;
  readonly currency: string;
  /** Why the locale or currency the page asked for is not the one used (each widget shows it); absent: none. */
  readonly formatNotes?: readonly string[];
}

export function hasTable(state: DashboardState | undefined, table: string): boolean {
  return !!state?.info?.tables.has(table);
}
