import type { FilterKey, FilterState } from '../../data/filter-state.js';
import type { QueryEngine } from '../../data/query-engine.js';
import { column, numbers } from '../../data/arrow-rows.js';
import { customerSummarySql } from '../../metrics/customer-summary.js';
import { customerValuesAsync } from '../../models/customer-value-async.js';
import type { CustomerColumns, CustomerValues } from '../../models/customer-value.js';
import { addDays } from '../../metrics/filter-sql.js';

/** The fitted customer model of a filter state, with each customer's history (in `ids` order). */
export interface CustomerModel {
  readonly end: string;
  readonly ids: readonly string[];
  readonly columns: CustomerColumns;
  readonly recencyDays: Float64Array;
  readonly values: CustomerValues;
  /** With `earlierDays`: the customers' history at end − earlierDays (index into `ids`). */
  readonly earlier: (CustomerColumns & { readonly index: Int32Array; readonly recencyDays: Float64Array }) | null;
}

export interface CustomerModelOptions {
  readonly end: string;
  readonly ignore?: readonly FilterKey[];
  readonly horizonWeeks: number;
  readonly discountRate: number;
  /** Also compute P(alive) at this many days before the end. */
  readonly earlierDays?: number;
}

const memo = new WeakMap<QueryEngine, Map<string, Promise<CustomerModel>>>();
// Each entry holds a few arrays per customer (~3 MB at 50,000 customers); CLV, RFM and churn use two keys per
// filter state, so 16 keeps the last several states (a reset to all data is then instant).
const MEMO_SIZE = 16;

async function summary(
  engine: QueryEngine,
  filters: FilterState,
  end: string,
  ignore: readonly FilterKey[],
  signal: AbortSignal,
) {
  const table = await engine.query(customerSummarySql(filters, { end, ignore }), signal);
  const columns: CustomerColumns = {
    x: numbers(table, 'x'),
    tx: numbers(table, 'tx'),
    T: numbers(table, 'T'),
    mx: numbers(table, 'mx'),
    monetary: numbers(table, 'monetary'),
  };
  return { ids: column<string>(table, 'customer_id'), columns, recencyDays: numbers(table, 'recency_days') };
}

/**
 * Fits BG/NBD + Gamma-Gamma on the filtered customers (calibration = the filtered window, in weeks) and predicts
 * every customer, off the main thread when a worker can start. Memoised per dashboard by filters and options:
 * the CLV, segments and churn widgets of one dashboard share one fit.
 */
export function customerModel(
  engine: QueryEngine,
  filters: FilterState,
  options: CustomerModelOptions,
  signal: AbortSignal,
): Promise<CustomerModel> {
  let cache = memo.get(engine);
  if (!cache) memo.set(engine, (cache = new Map()));
  const ignore = options.ignore ?? [];
  const key = JSON.stringify([customerSummarySql(filters, { end: options.end, ignore }), options]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const run = (async () => {
    // Not tied to one caller's signal: another widget may be waiting for the same fit.
    const controller = new AbortController();
    void signal;
    const now = await summary(engine, filters, options.end, ignore, controller.signal);
    let earlier: CustomerModel['earlier'] = null;
    if (options.earlierDays) {
      const then = await summary(
        engine,
        filters,
        addDays(options.end, -options.earlierDays),
        ignore,
        controller.signal,
      );
      const position = new Map(now.ids.map((id, i) => [id, i]));
      earlier = {
        ...then.columns,
        recencyDays: then.recencyDays,
        index: Int32Array.from(then.ids, (id) => position.get(id) ?? -1),
      };
    }
    // The columns are copied to the worker (structured clone), so ours stay usable here.
    const values = await customerValuesAsync(now.columns, {
      horizonWeeks: options.horizonWeeks,
      discountRate: options.discountRate,
      earlier: earlier ?? undefined,
    });
    return { end: options.end, ids: now.ids, columns: now.columns, recencyDays: now.recencyDays, values, earlier };
  })();
  cache.set(key, run);
  run.catch(() => cache.delete(key));
  while (cache.size > MEMO_SIZE) cache.delete(cache.keys().next().value!);
  return run;
}
