// The per-customer work of the CLV, RFM segments and churn elements, run in a worker
// (src/data/customer-analysis.worker.ts) or, when no worker can start, on the main thread. No DOM, no database:
// plain columns in, small results out.
import { quantileSorted } from 'd3';
import { fitCustomerModels, fitWarnings, predictCustomerValues, type CustomerFits } from './customer-value.js';
import type { CustomerColumns, CustomerValues } from './customer-value.js';
import type { BgNbdFit } from './bg-nbd.js';
import type { GammaGammaFit } from './gamma-gamma.js';
import { churnAnalysis, type ChurnAnalysis } from './churn-model.js';
import { rfmSegmentStats, type RfmColumns, type RfmSegmentsStats } from './rfm-stats.js';
import { RFM_SEGMENTS } from '../metrics/rfm.js';
import { MISSING_MODEL, type CustomerModel, type SummaryColumns, type TextColumn } from './customer-model.js';

export { MISSING_MODEL, type CustomerModel, type SummaryColumns, type TextColumn } from './customer-model.js';

/**
 * Positions of `list`'s ids in `ids` when one list contains the other and both come in the same order (the
 * queries all sort by customer id): one merge by equality, no hashing. Null when that does not hold.
 */
export function alignSorted(list: readonly string[], ids: readonly string[]): Int32Array | null {
  const out = new Int32Array(list.length).fill(-1);
  let i = 0;
  let k = 0;
  if (list.length >= ids.length) {
    // list ⊇ ids: every id must be met, in order.
    for (; k < list.length && i < ids.length; k++) if (list[k] === ids[i]) out[k] = i++;
    return i === ids.length ? out : null;
  }
  // list ⊆ ids: every entry of the list must be met, in order.
  for (; i < ids.length && k < list.length; i++) if (list[k] === ids[i]) out[k++] = i;
  return k === list.length ? out : null;
}

export interface ClvSegment {
  readonly name: string;
  readonly customers: number;
  readonly mean: number;
  readonly total: number;
  /** 5th, 25th, 50th, 75th and 95th percentiles of the segment's CLVs. */
  readonly quantiles: readonly [number, number, number, number, number];
}

export interface ClvSummary {
  readonly customers: number;
  readonly bgnbd: BgNbdFit | null;
  readonly gammaGamma: GammaGammaFit | null;
  readonly problem: string | null;
  /** What the reader must know about the fits: not converged, or parameters left undetermined (fitWarnings()). */
  readonly fitWarnings: readonly string[];
  readonly totalClv: number;
  readonly meanClv: number;
  readonly meanPAlive: number;
  readonly expectedPurchases: number;
  readonly segments: readonly ClvSegment[];
  readonly ms: number;
}

/** One request: `key` names the summary (its SQL), so the elements of a dashboard share one fit per filter state. */
export type AnalysisRequest =
  | {
      /** Fit only, as soon as the summary arrives: the other requests of the filter state then find it done. */
      readonly op: 'fit';
      readonly key: string;
      readonly summary: SummaryColumns;
    }
  | {
      readonly op: 'clv';
      readonly key: string;
      /** Left out when the worker has the model of `key` already (it says MISSING_MODEL otherwise). */
      readonly summary?: SummaryColumns;
      readonly horizonWeeks: number;
      readonly discountRate: number;
      /** Each customer's RFM segment (customer id, segment name). */
      readonly segments: { readonly ids: TextColumn; readonly names: TextColumn };
      /** Names the segments' query (its SQL): RFM segments reads the same, and the decoded text is shared. */
      readonly segmentsKey: string;
    }
  | {
      readonly op: 'rfm';
      readonly key: string;
      /** Left out when the worker has the model of `key` already (it says MISSING_MODEL otherwise). */
      readonly summary?: SummaryColumns;
      readonly horizonWeeks: number;
      readonly discountRate: number;
      readonly rfm: RfmColumns<TextColumn>;
      /** Names the RFM query (its SQL), as `segmentsKey` does. */
      readonly rfmKey: string;
      readonly method: 'rules' | 'kmeans';
      readonly k: number;
    }
  | {
      readonly op: 'churn';
      readonly key: string;
      /** Left out when the worker has the model of `key` already (it says MISSING_MODEL otherwise). */
      readonly summary?: SummaryColumns;
      /** The customer summary at the window end − `days`. */
      readonly earlier: SummaryColumns;
      readonly days: number;
      readonly listSize: number;
    };

const decoder = new TextDecoder();

export function decodeText(column: TextColumn): string[] {
  if (Array.isArray(column)) return column as string[];
  const { bytes, offsets } = column as { bytes: Uint8Array; offsets: Int32Array };
  const n = offsets.length - 1;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    let ascii = end - start <= 64;
    for (let j = start; ascii && j < end; j++) if (bytes[j] > 0x7f) ascii = false;
    out[i] = ascii
      ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
      : decoder.decode(bytes.subarray(start, end));
  }
  return out;
}

/** Fitted models by summary key, the most recently used last; a few states, so that a reset is instant. */
export class CustomerModelStore {
  private readonly models = new Map<string, CustomerModel>();
  private readonly texts = new Map<string, readonly string[]>();
  constructor(private readonly size = 8) {}

  /** A text column decoded once per query (`key`) and column: CLV and RFM segments read the same RFM query. */
  text(key: string, name: string, column: TextColumn): readonly string[] {
    const id = JSON.stringify([key, name]);
    let hit = this.texts.get(id);
    if (hit) this.texts.delete(id);
    else hit = decodeText(column);
    this.texts.set(id, hit);
    while (this.texts.size > 6) this.texts.delete(this.texts.keys().next().value!);
    return hit;
  }

  model(key: string, summary: SummaryColumns | undefined): CustomerModel {
    const hit = this.models.get(key);
    if (hit) {
      this.models.delete(key);
      this.models.set(key, hit);
      return hit;
    }
    if (!summary) throw new Error(MISSING_MODEL);
    const model = buildModel(summary);
    this.models.set(key, model);
    while (this.models.size > this.size) this.models.delete(this.models.keys().next().value!);
    return model;
  }
}

function buildModel(summary: SummaryColumns): CustomerModel {
  const ids = decodeText(summary.ids);
  const columns: CustomerColumns = {
    x: summary.x,
    tx: summary.tx,
    T: summary.T,
    mx: summary.mx,
    monetary: summary.monetary,
  };
  let fits: CustomerFits;
  try {
    fits = fitCustomerModels(columns);
  } catch (error) {
    fits = { bgnbd: null, gammaGamma: null, problem: error instanceof Error ? error.message : String(error), ms: 0 };
  }
  const predictions = new Map<string, CustomerValues>();
  let index: Map<string, number> | null = null;
  return {
    ids,
    columns,
    recencyDays: summary.recencyDays,
    fits,
    values(horizonWeeks, discountRate) {
      const key = `${horizonWeeks}|${discountRate}`;
      let v = predictions.get(key);
      if (!v) predictions.set(key, (v = predictCustomerValues(columns, fits, { horizonWeeks, discountRate })));
      return v;
    },
    indexOf(id) {
      if (!index) index = new Map(ids.map((c, i) => [c, i]));
      return index.get(id) ?? -1;
    },
    positions(list) {
      return alignSorted(list, ids) ?? Int32Array.from(list, (id) => this.indexOf(id));
    },
  };
}

/** Runs one request against the store. */
export function analyse(
  store: CustomerModelStore,
  request: AnalysisRequest,
): ClvSummary | RfmSegmentsStats | ChurnAnalysis | null {
  const model = store.model(request.key, request.summary);
  switch (request.op) {
    case 'fit':
      // While the elements' other queries run: the default predictions, which they all need.
      model.values(52, 0.01);
      return null;
    case 'clv':
      return clvSummary(model, model.values(request.horizonWeeks, request.discountRate), {
        ids: store.text(request.segmentsKey, 'customer_id', request.segments.ids),
        names: store.text(request.segmentsKey, 'segment', request.segments.names),
      });
    case 'rfm':
      return rfmSegmentStats(
        request.rfm,
        (column) =>
          store.text(request.rfmKey, column === request.rfm.ids ? 'customer_id' : 'segment', column as TextColumn),
        model.fits.bgnbd ? model : null,
        model.values(request.horizonWeeks, request.discountRate),
        request.method,
        request.k,
        fitWarnings(model.fits).unconverged,
      );
    case 'churn':
      return churnAnalysis(model, decodeEarlier(model, request.earlier), request.days, request.listSize);
  }
}

function decodeEarlier(model: CustomerModel, earlier: SummaryColumns) {
  const ids = decodeText(earlier.ids);
  return {
    x: earlier.x,
    tx: earlier.tx,
    T: earlier.T,
    mx: earlier.mx,
    monetary: earlier.monetary,
    recencyDays: earlier.recencyDays,
    index: model.positions(ids),
  };
}

/** Totals over the customers, and the CLV distribution per RFM segment (customers without one are "Others"). */
function clvSummary(
  model: CustomerModel,
  values: CustomerValues,
  segments: { ids: readonly string[]; names: readonly string[] },
): ClvSummary {
  const n = model.ids.length;
  const segmentOf = new Int32Array(n).fill(-1);
  const segmentIds = segments.ids;
  const names = segments.names;
  const order = new Map(RFM_SEGMENTS.map((name, i) => [name, i]));
  const at = model.positions(segmentIds);
  for (let j = 0; j < at.length; j++) if (at[j] >= 0) segmentOf[at[j]] = order.get(names[j]) ?? -1;
  const others = order.get('Others') ?? RFM_SEGMENTS.length - 1;
  const groups: number[][] = RFM_SEGMENTS.map(() => []);
  let total = 0;
  let alive = 0;
  let purchases = 0;
  for (let i = 0; i < n; i++) {
    const v = values.clv[i];
    if (Number.isFinite(values.pAlive[i])) alive += values.pAlive[i];
    if (Number.isFinite(values.expected[i])) purchases += values.expected[i];
    if (!Number.isFinite(v)) continue;
    total += v;
    groups[segmentOf[i] >= 0 ? segmentOf[i] : others].push(v);
  }
  const list = RFM_SEGMENTS.flatMap((name, g): ClvSegment[] => {
    const sorted = Float64Array.from(groups[g]).sort();
    if (sorted.length === 0) return [];
    const q = (p: number) => quantileSorted(sorted as unknown as number[], p) ?? NaN;
    const sum = sorted.reduce((s, v) => s + v, 0);
    return [
      {
        name,
        customers: sorted.length,
        total: sum,
        mean: sum / sorted.length,
        quantiles: [q(0.05), q(0.25), q(0.5), q(0.75), q(0.95)],
      },
    ];
  });
  list.sort((a, b) => b.mean - a.mean);
  const ok = !values.problem;
  const warnings = fitWarnings(model.fits);
  return {
    customers: n,
    bgnbd: values.bgnbd,
    gammaGamma: values.gammaGamma,
    problem: values.problem,
    fitWarnings: [...warnings.unconverged, ...warnings.undetermined],
    totalClv: ok ? total : NaN,
    meanClv: ok ? total / n : NaN,
    meanPAlive: ok ? alive / n : NaN,
    expectedPurchases: ok ? purchases : NaN,
    segments: list,
    ms: values.ms,
  };
}
