import type { Table } from 'apache-arrow';
import type { FilterKey, FilterState } from './filter-state.js';
import type { QueryEngine } from './query-engine.js';
import type { DashboardState } from './dashboard-state.js';
import { addDays } from '../metrics/filter-sql.js';
import { WorkerFallbackReport } from './worker-fallback.js';
import { MISSING_MODEL } from '../models/customer-model.js';
import type {
  AnalysisRequest,
  ClvSummary,
  CustomerModelStore,
  SummaryColumns,
  TextColumn,
} from '../models/customer-analysis.js';
import type { RfmSegmentsStats } from '../models/rfm-stats.js';
import type { ChurnAnalysis } from '../models/churn-model.js';
import { named, type NamedQuery } from '../queries/registry.js';

// The CLV, RFM segments and churn elements read their customers' columns straight from the Arrow buffers (no
// value-by-value conversion) and hand them to their dashboard's worker, which fits BG/NBD + Gamma-Gamma once per
// filter state and does every per-customer loop; the main thread only renders the small results.

/** A numeric column as a Float64Array of its own (copied: the worker receives it by structured clone). */
export function floatColumn(table: Table, name: string): Float64Array {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The result has no column "${name}".`);
  const values = vector.toArray() as ArrayLike<number | bigint>;
  if (values instanceof Float64Array) return values.slice();
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return Float64Array.from(values, Number);
  return Float64Array.from(values as ArrayLike<number>);
}

/** A text column as its UTF-8 bytes and offsets, concatenated over the result's batches. */
export function textColumn(table: Table, name: string): TextColumn {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The result has no column "${name}".`);
  const chunks = vector.data as readonly {
    length: number;
    offset: number;
    valueOffsets?: Int32Array;
    values?: Uint8Array;
    nullCount: number;
  }[];
  if (!chunks.every((d) => d.valueOffsets instanceof Int32Array && d.values instanceof Uint8Array && d.nullCount === 0))
    return Array.from({ length: vector.length }, (_, i) => String(vector.get(i) ?? ''));
  let bytes = 0;
  for (const d of chunks) bytes += d.valueOffsets![d.offset + d.length] - d.valueOffsets![d.offset];
  const out = new Uint8Array(bytes);
  const offsets = new Int32Array(vector.length + 1);
  let at = 0;
  let row = 0;
  for (const d of chunks) {
    const o = d.valueOffsets!;
    const first = o[d.offset];
    out.set(d.values!.subarray(first, o[d.offset + d.length]), at);
    for (let i = 1; i <= d.length; i++) offsets[row + i] = at + o[d.offset + i] - first;
    at += o[d.offset + d.length] - first;
    row += d.length;
  }
  return { bytes: out, offsets };
}

function summaryColumns(table: Table): SummaryColumns {
  return {
    ids: textColumn(table, 'customer_id'),
    x: floatColumn(table, 'x'),
    tx: floatColumn(table, 'tx'),
    T: floatColumn(table, 'T'),
    mx: floatColumn(table, 'mx'),
    monetary: floatColumn(table, 'monetary'),
    recencyDays: floatColumn(table, 'recency_days'),
  };
}

const detached = new WeakMap<QueryEngine, CustomerModels>();

/**
 * The dashboard's customer models. A state built by hand (a `dashboard` property assigned directly) may have an
 * engine and no models: it gets a client of its own per database, on the main thread.
 */
export function customerModelsOf(dashboard: DashboardState): CustomerModels {
  if (dashboard.models) return dashboard.models;
  const engine = dashboard.engine!;
  let models = detached.get(engine);
  if (!models) detached.set(engine, (models = new CustomerModels({ worker: false })));
  return models;
}

export interface CustomerModelOptions {
  readonly end: string;
  readonly ignore?: readonly FilterKey[];
}

// Results are small (a few dozen numbers and rows): the last states of each element stay, so a reset is instant.
const RESULTS_SIZE = 48;
// Summaries hold a few arrays per customer (~2.5 MB at 43,000 customers): only the current states, which the
// elements of one filter change share.
const SUMMARIES_SIZE = 4;
const UNAVAILABLE = 'worker unavailable';

// Not tied to one caller's signal: another element may be waiting for the same queries and fit.
const never = new AbortController().signal;

/**
 * One dashboard's customer models: its own worker (started on first use, ended with the dashboard), the fitted
 * models of its last filter states and the results computed from them. Models and results are named by their SQL,
 * which is only unique within one database: two dashboards never share a client.
 */
export class CustomerModels {
  /** Where the last analysis ran; tests read it. */
  lastWhere: 'worker' | 'main' = 'main';
  private worker: Worker | null | undefined;
  private local: Promise<{
    store: CustomerModelStore;
    run: typeof import('../models/customer-analysis.js').analyse;
  }> | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private readonly results = new Map<string, Promise<unknown>>();
  private readonly summaries = new Map<string, Promise<unknown>>();
  private disposed = false;
  private readonly fallback = new WorkerFallbackReport();

  /** `worker: false` runs every analysis on the main thread (a client nobody will dispose must not hold a worker). */
  constructor(private readonly options: { readonly worker?: boolean } = {}) {}

  /**
   * Starts the worker (and its warm-up) ahead of the first request: the elements call it as soon as they see
   * their dashboard, so that the worker's code loads and compiles while DuckDB loads the data.
   */
  prepare(): void {
    if (typeof Worker !== 'undefined') this.startWorker();
  }

  /** A model element that says so (once per dashboard) if the worker cannot start and the models run here. */
  watchFallback(host: HTMLElement): void {
    this.fallback.watch(host);
  }

  /** Ends the worker; requests still waiting reject. */
  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    for (const [, job] of this.waiting) job.reject(new DOMException('The dashboard was closed.', 'AbortError'));
    this.waiting.clear();
    this.results.clear();
    this.summaries.clear();
  }

  /**
   * CLV totals and the CLV distribution per RFM segment of the filtered customers (BG/NBD + Gamma-Gamma fitted on
   * them; calibration = the filtered window, in weeks). The summary SQL names the fit, so CLV, RFM segments and
   * churn share one fit per filter state.
   */
  clv(
    engine: QueryEngine,
    filters: FilterState,
    options: CustomerModelOptions & { readonly horizonWeeks: number; readonly discountRate: number },
  ): Promise<ClvSummary> {
    const summaryQuery = named('customerSummary', filters, { end: options.end, ignore: options.ignore ?? [] });
    const segmentsQuery = named('rfm', filters, { end: options.end });
    const key = JSON.stringify([
      'clv',
      summaryQuery.sql,
      segmentsQuery.sql,
      options.horizonWeeks,
      options.discountRate,
    ]);
    return this.memoised(this.results, RESULTS_SIZE, key, async () => {
      const [summary, segments] = await Promise.all([
        this.summary(engine, summaryQuery),
        engine.query(segmentsQuery, never),
      ]);
      return this.run<ClvSummary>({
        op: 'clv',
        key: summaryQuery.sql,
        summary,
        horizonWeeks: options.horizonWeeks,
        discountRate: options.discountRate,
        segments: { ids: textColumn(segments, 'customer_id'), names: textColumn(segments, 'segment') },
        segmentsKey: segmentsQuery.sql,
      });
    });
  }

  /** Segment statistics of the RFM query's customers (rules or K-means), with each segment's mean CLV. */
  rfm(
    engine: QueryEngine,
    filters: FilterState,
    options: CustomerModelOptions & {
      readonly horizonWeeks: number;
      readonly discountRate: number;
      readonly method: 'rules' | 'kmeans';
      readonly k: number;
    },
  ): Promise<RfmSegmentsStats> {
    const summaryQuery = named('customerSummary', filters, { end: options.end, ignore: options.ignore ?? [] });
    const segmentsQuery = named('rfm', filters, { end: options.end });
    const { horizonWeeks, discountRate, method, k } = options;
    const key = JSON.stringify(['rfm', summaryQuery.sql, segmentsQuery.sql, horizonWeeks, discountRate, method, k]);
    return this.memoised(this.results, RESULTS_SIZE, key, async () => {
      const [summary, rfm] = await Promise.all([
        this.summary(engine, summaryQuery),
        engine.query(segmentsQuery, never),
      ]);
      return this.run<RfmSegmentsStats>({
        op: 'rfm',
        key: summaryQuery.sql,
        summary,
        horizonWeeks,
        discountRate,
        method,
        k,
        rfmKey: segmentsQuery.sql,
        rfm: {
          ids: textColumn(rfm, 'customer_id'),
          recency: floatColumn(rfm, 'recency'),
          frequency: floatColumn(rfm, 'frequency'),
          monetary: floatColumn(rfm, 'monetary'),
          rScore: floatColumn(rfm, 'r_score'),
          fScore: floatColumn(rfm, 'f_score'),
          mScore: floatColumn(rfm, 'm_score'),
          segment: textColumn(rfm, 'segment'),
        },
      });
    });
  }

  /** The churn model and early warning: the customers now and `days` before the end, on the shared fit. */
  churn(
    engine: QueryEngine,
    filters: FilterState,
    options: CustomerModelOptions & { readonly days: number; readonly listSize: number },
  ): Promise<ChurnAnalysis> {
    const ignore = options.ignore ?? [];
    const summaryQuery = named('customerSummary', filters, { end: options.end, ignore });
    const earlierQuery = named('customerSummary', filters, { end: addDays(options.end, -options.days), ignore });
    const key = JSON.stringify(['churn', summaryQuery.sql, earlierQuery.sql, options.days, options.listSize]);
    return this.memoised(this.results, RESULTS_SIZE, key, async () => {
      const [summary, earlier] = await Promise.all([
        this.summary(engine, summaryQuery),
        engine.query(earlierQuery, never),
      ]);
      return this.run<ChurnAnalysis>({
        op: 'churn',
        key: summaryQuery.sql,
        summary,
        earlier: summaryColumns(earlier),
        days: options.days,
        listSize: options.listSize,
      });
    });
  }

  private memoised<R>(
    cache: Map<string, Promise<unknown>>,
    size: number,
    key: string,
    compute: () => Promise<R>,
  ): Promise<R> {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit as Promise<R>;
    }
    const result = compute();
    cache.set(key, result);
    result.catch(() => cache.delete(key));
    while (cache.size > size) cache.delete(cache.keys().next().value!);
    return result;
  }

  /**
   * The summary's columns, read once per query and handed to the worker at once with a request to fit them, so
   * that the fit runs while DuckDB works on the elements' other queries.
   */
  private summary(engine: QueryEngine, query: NamedQuery<'customerSummary'>): Promise<SummaryColumns> {
    return this.memoised(this.summaries, SUMMARIES_SIZE, query.sql, async () => {
      const columns = summaryColumns(await engine.query(query, never));
      void this.run({ op: 'fit', key: query.sql, summary: columns }).catch(() => undefined);
      return columns;
    });
  }

  /**
   * Runs a request in the worker (or here when no worker starts). The summary's columns are copied to the worker
   * once, with the early fit; later requests name the model by key and carry the columns only if the worker has
   * dropped it.
   */
  private async run<R>(request: AnalysisRequest): Promise<R> {
    if (request.op === 'fit') return this.post<R>(request);
    try {
      return await this.post<R>({ ...request, summary: undefined });
    } catch (error) {
      if (!(error instanceof Error && error.message === MISSING_MODEL)) throw error;
      return this.post<R>(request);
    }
  }

  private async post<R>(request: AnalysisRequest): Promise<R> {
    if (this.disposed) throw new DOMException('The dashboard was closed.', 'AbortError');
    const w = this.startWorker();
    if (w) {
      try {
        const id = ++this.nextId;
        const result = await new Promise<unknown>((resolve, reject) => {
          this.waiting.set(id, { resolve, reject });
          w.postMessage({ id, request });
        });
        this.lastWhere = 'worker';
        return result as R;
      } catch (error) {
        if (!(error instanceof Error && error.message === UNAVAILABLE)) throw error;
      }
    }
    if (this.options.worker !== false) this.fallback.report();
    this.local ??= import('../models/customer-analysis.js').then((m) => ({
      store: new m.CustomerModelStore(),
      run: m.analyse,
    }));
    const { store, run: analyse } = await this.local;
    this.lastWhere = 'main';
    return analyse(store, request) as R;
  }

  private startWorker(): Worker | null {
    if (this.options.worker === false) this.worker = null;
    if (this.worker !== undefined || this.disposed) return this.worker ?? null;
    try {
      const worker = new Worker(new URL('./customer-analysis.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
        const job = this.waiting.get(event.data.id);
        this.waiting.delete(event.data.id);
        if (!job) return;
        if (event.data.error === undefined) job.resolve(event.data.result);
        else job.reject(new Error(event.data.error));
      };
      worker.onerror = () => {
        // A worker that cannot start (no module workers, blocked URL): every waiting job reruns on the main thread.
        worker.terminate();
        this.worker = null;
        for (const [, job] of this.waiting) job.reject(new Error(UNAVAILABLE));
        this.waiting.clear();
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }
}
