import type { Table } from 'apache-arrow';
import type { FilterKey, FilterState } from '../../data/filter-state.js';
import type { QueryEngine } from '../../data/query-engine.js';
import { customerSummarySql } from '../../metrics/customer-summary.js';
import { rfmSql } from '../../metrics/rfm.js';
import { addDays } from '../../metrics/filter-sql.js';
import { MISSING_MODEL } from './customer-analysis-types.js';
import { reportWorkerFallback } from './worker-fallback.js';
import type {
  AnalysisRequest,
  ClvSummary,
  CustomerModelStore,
  SummaryColumns,
  TextColumn,
} from './customer-analysis.js';
import type { RfmSegmentsStats } from '../rfm-segments/rfm-stats.js';
import type { ChurnAnalysis } from '../churn/churn-model.js';

// The CLV, RFM segments and churn elements read their customers' columns straight from the Arrow buffers (no
// value-by-value conversion) and hand them to one shared worker, which fits BG/NBD + Gamma-Gamma once per filter
// state and does every per-customer loop; the main thread only renders the small results.

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

let worker: Worker | null | undefined;
let local: Promise<{ store: CustomerModelStore; run: typeof import('./customer-analysis.js').analyse }> | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./customer-analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const job = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      if (!job) return;
      if (event.data.error === undefined) job.resolve(event.data.result);
      else job.reject(new Error(event.data.error));
    };
    worker.onerror = () => {
      // A worker that cannot start (no module workers, blocked URL): every waiting job reruns on the main thread.
      worker?.terminate();
      worker = null;
      for (const [, job] of waiting) job.reject(new Error('worker unavailable'));
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Starts the worker (and its warm-up) ahead of the first request: the elements call it when they connect, so that
 * the worker's code loads and compiles while DuckDB loads the data. Pages without these elements start none.
 */
export function prepareCustomerWorker(): void {
  if (typeof Worker !== 'undefined') startWorker();
}

/** Where the last analysis ran; tests read it. */
export let lastAnalysisWhere: 'worker' | 'main' = 'main';

async function post<R>(request: AnalysisRequest): Promise<R> {
  const w = startWorker();
  if (w) {
    try {
      const id = ++nextId;
      const result = await new Promise<unknown>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, request });
      });
      lastAnalysisWhere = 'worker';
      return result as R;
    } catch (error) {
      if (!(error instanceof Error && error.message === 'worker unavailable')) throw error;
    }
  }
  reportWorkerFallback();
  local ??= import('./customer-analysis.js').then((m) => ({ store: new m.CustomerModelStore(), run: m.analyse }));
  const { store, run: analyse } = await local;
  lastAnalysisWhere = 'main';
  return analyse(store, request) as R;
}

/**
 * Runs a request in the worker (or here when no worker starts). The summary's columns are copied to the worker
 * once, with the early fit; later requests name the model by key and carry the columns only if the worker has
 * dropped it.
 */
async function run<R>(request: AnalysisRequest): Promise<R> {
  if (request.op === 'fit') return post<R>(request);
  try {
    return await post<R>({ ...request, summary: undefined });
  } catch (error) {
    if (!(error instanceof Error && error.message === MISSING_MODEL)) throw error;
    return post<R>(request);
  }
}

type Memo = WeakMap<QueryEngine, Map<string, Promise<unknown>>>;
// Results are small (a few dozen numbers and rows): the last states of each element stay, so a reset is instant.
const results: Memo = new WeakMap();
const RESULTS_SIZE = 48;
// Summaries hold a few arrays per customer (~2.5 MB at 43,000 customers): only the current states, which the
// elements of one filter change share.
const summaries: Memo = new WeakMap();
const SUMMARIES_SIZE = 4;

function memoised<R>(engine: QueryEngine, key: string, compute: () => Promise<R>, memo = results, size = RESULTS_SIZE) {
  let cache = memo.get(engine);
  if (!cache) memo.set(engine, (cache = new Map()));
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
 * The summary's columns, read once per query and handed to the worker at once with a request to fit them, so that
 * the fit runs while DuckDB works on the elements' other queries.
 */
function summaryFor(engine: QueryEngine, sql: string): Promise<SummaryColumns> {
  return memoised(
    engine,
    sql,
    async () => {
      const columns = summaryColumns(await engine.query(sql, never));
      void run({ op: 'fit', key: sql, summary: columns }).catch(() => undefined);
      return columns;
    },
    summaries,
    SUMMARIES_SIZE,
  );
}

export interface CustomerModelOptions {
  readonly end: string;
  readonly ignore?: readonly FilterKey[];
}

// Not tied to one caller's signal: another element may be waiting for the same queries and fit.
const never = new AbortController().signal;

/**
 * CLV totals and the CLV distribution per RFM segment of the filtered customers (BG/NBD + Gamma-Gamma fitted on
 * them; calibration = the filtered window, in weeks). The summary SQL names the fit, so CLV, RFM segments and churn
 * share one fit per filter state.
 */
export function clvAnalysis(
  engine: QueryEngine,
  filters: FilterState,
  options: CustomerModelOptions & { readonly horizonWeeks: number; readonly discountRate: number },
): Promise<ClvSummary> {
  const summarySql = customerSummarySql(filters, { end: options.end, ignore: options.ignore ?? [] });
  const segmentsSql = rfmSql(filters, { end: options.end });
  const key = JSON.stringify(['clv', summarySql, segmentsSql, options.horizonWeeks, options.discountRate]);
  return memoised(engine, key, async () => {
    const [summary, segments] = await Promise.all([summaryFor(engine, summarySql), engine.query(segmentsSql, never)]);
    return run<ClvSummary>({
      op: 'clv',
      key: summarySql,
      summary,
      horizonWeeks: options.horizonWeeks,
      discountRate: options.discountRate,
      segments: { ids: textColumn(segments, 'customer_id'), names: textColumn(segments, 'segment') },
      segmentsKey: segmentsSql,
    });
  });
}

/** Segment statistics of the RFM query's customers (rules or K-means), with each segment's mean CLV. */
export function rfmAnalysis(
  engine: QueryEngine,
  filters: FilterState,
  options: CustomerModelOptions & {
    readonly horizonWeeks: number;
    readonly discountRate: number;
    readonly method: 'rules' | 'kmeans';
    readonly k: number;
  },
): Promise<RfmSegmentsStats> {
  const summarySql = customerSummarySql(filters, { end: options.end, ignore: options.ignore ?? [] });
  const segmentsSql = rfmSql(filters, { end: options.end });
  const { horizonWeeks, discountRate, method, k } = options;
  const key = JSON.stringify(['rfm', summarySql, segmentsSql, horizonWeeks, discountRate, method, k]);
  return memoised(engine, key, async () => {
    const [summary, rfm] = await Promise.all([summaryFor(engine, summarySql), engine.query(segmentsSql, never)]);
    return run<RfmSegmentsStats>({
      op: 'rfm',
      key: summarySql,
      summary,
      horizonWeeks,
      discountRate,
      method,
      k,
      rfmKey: segmentsSql,
      rfm: {
        ids: textColumn(rfm, 'customer_id'),
        recency: floatColumn(rfm, 'recency'),
        frequency: floatColumn(rfm, 'frequency'),
        monetary: floatColumn(rfm, 'monetary'),
        segment: textColumn(rfm, 'segment'),
      },
    });
  });
}

/** The churn model and early warning: the customers now and `days` before the end, on the shared fit. */
export function churnAnalysis(
  engine: QueryEngine,
  filters: FilterState,
  options: CustomerModelOptions & { readonly days: number; readonly listSize: number },
): Promise<ChurnAnalysis> {
  const ignore = options.ignore ?? [];
  const summarySql = customerSummarySql(filters, { end: options.end, ignore });
  const earlierSql = customerSummarySql(filters, { end: addDays(options.end, -options.days), ignore });
  const key = JSON.stringify(['churn', summarySql, earlierSql, options.days, options.listSize]);
  return memoised(engine, key, async () => {
    const [summary, earlier] = await Promise.all([summaryFor(engine, summarySql), engine.query(earlierSql, never)]);
    return run<ChurnAnalysis>({
      op: 'churn',
      key: summarySql,
      summary,
      earlier: summaryColumns(earlier),
      days: options.days,
      listSize: options.listSize,
    });
  });
}
