import { clusterRfm } from './kmeans-rfm.js';
import type { CustomerValues } from './customer-value.js';
import { RFM_SEGMENTS } from '../metrics/rfm.js';

export interface SegmentStats {
  readonly name: string;
  readonly customers: number;
  readonly revenue: number;
  readonly revenueShare: number;
  /** Mean CLV over the horizon (NaN when the model could not be fitted). */
  readonly avgClv: number;
  readonly avgFrequency: number;
  readonly avgRecency: number;
}

/**
 * A score that lumps most customers together: more than {@link TIE_SHARE} of them share one value of it (equal
 * values get equal scores, so a value held by most customers gives them all one score).
 */
export interface ScoreTie {
  readonly score: 'recency' | 'frequency' | 'monetary';
  /** The shared score, 1–5. */
  readonly value: number;
  /** Share of the customers with that score. */
  readonly share: number;
  /** Smallest and largest raw value among them (days since the last purchase, purchase days, revenue). */
  readonly min: number;
  readonly max: number;
}

/** More than two quintiles' worth of customers on one score: the score no longer separates them. */
export const TIE_SHARE = 0.4;

export interface RfmSegmentsStats {
  readonly method: 'rules' | 'kmeans';
  readonly segments: readonly SegmentStats[];
  readonly customers: number;
  /** K-means only: the k used and how it was chosen. */
  readonly k: number | null;
  readonly chosenBy: 'user' | 'silhouette' | null;
  /** The R, F or M scores that cannot tell most customers apart (see {@link ScoreTie}). */
  readonly ties: readonly ScoreTie[];
  /** A customer-model fit that did not converge (the mean CLV column is then rough); see fitWarnings(). */
  readonly fitWarnings: readonly string[];
}

/** The RFM query's columns (src/metrics/rfm.ts), one entry per customer. */
export interface RfmColumns<Text> {
  readonly ids: Text;
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly rScore: Float64Array;
  readonly fScore: Float64Array;
  readonly mScore: Float64Array;
  readonly segment: Text;
}

/** The scores of {@link RfmColumns} on which more than {@link TIE_SHARE} of the customers share one value. */
export function scoreTies(rfm: RfmColumns<unknown>): ScoreTie[] {
  const n = rfm.recency.length;
  const dimensions = [
    { score: 'recency', scores: rfm.rScore, values: rfm.recency },
    { score: 'frequency', scores: rfm.fScore, values: rfm.frequency },
    { score: 'monetary', scores: rfm.mScore, values: rfm.monetary },
  ] as const;
  const ties: ScoreTie[] = [];
  for (const { score, scores, values } of dimensions) {
    const count = new Float64Array(6);
    for (let i = 0; i < n; i++) count[scores[i]]++;
    let value = 1;
    for (let v = 2; v <= 5; v++) if (count[v] > count[value]) value = v;
    if (!(count[value] > TIE_SHARE * n)) continue;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (scores[i] !== value) continue;
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    ties.push({ score, value, share: count[value] / n, min, max });
  }
  return ties;
}

/**
 * Each segment's customers, revenue and share, mean CLV (customers matched by id to the fitted model), mean
 * purchase days and mean days since the last purchase, largest segment first; the scores that lump most customers
 * together. Rules: the query's segment;
 * K-means: clusters of standardised log R, F, M (k given, or chosen by silhouette when `k` is 0).
 */
export function rfmSegmentStats<Text>(
  rfm: RfmColumns<Text>,
  decode: (column: Text) => readonly string[],
  model: { positions(ids: readonly string[]): Int32Array } | null,
  values: CustomerValues | null,
  method: 'rules' | 'kmeans',
  k: number,
  fitWarnings: readonly string[] = [],
): RfmSegmentsStats {
  const n = rfm.recency.length;
  if (n === 0) return { method, segments: [], customers: 0, k: null, chosenBy: null, ties: [], fitWarnings };
  let assignment: Int32Array;
  let order: readonly string[];
  let chosenK: number | null = null;
  let chosenBy: RfmSegmentsStats['chosenBy'] = null;
  if (method === 'kmeans') {
    const clustering = clusterRfm(
      Array.from({ length: n }, (_, i) => ({
        recency: rfm.recency[i],
        frequency: rfm.frequency[i],
        monetary: rfm.monetary[i],
      })),
      { k: k > 0 ? k : undefined },
    );
    assignment = clustering.assignments;
    order = clustering.clusters.map((c) => c.label);
    chosenK = clustering.k;
    chosenBy = clustering.chosenBy;
  } else {
    order = RFM_SEGMENTS;
    const position = new Map(order.map((name, i) => [name, i]));
    assignment = Int32Array.from(decode(rfm.segment), (name) => position.get(name) ?? -1);
  }
  const at = model && values ? model.positions(decode(rfm.ids)) : null;
  const g = order.length;
  const count = new Float64Array(g);
  const revenue = new Float64Array(g);
  const frequency = new Float64Array(g);
  const recency = new Float64Array(g);
  const clvSum = new Float64Array(g);
  const clvCount = new Float64Array(g);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += rfm.monetary[i];
    const s = assignment[i];
    if (s < 0) continue;
    count[s]++;
    revenue[s] += rfm.monetary[i];
    frequency[s] += rfm.frequency[i];
    recency[s] += rfm.recency[i];
    if (at && values) {
      const v = at[i] >= 0 ? values.clv[at[i]] : Number.NaN;
      if (Number.isFinite(v)) {
        clvSum[s] += v;
        clvCount[s]++;
      }
    }
  }
  const segments = order
    .map((name, s): SegmentStats | null =>
      count[s] > 0
        ? {
            name,
            customers: count[s],
            revenue: revenue[s],
            revenueShare: total > 0 ? revenue[s] / total : 0,
            avgClv: clvCount[s] > 0 ? clvSum[s] / clvCount[s] : Number.NaN,
            avgFrequency: frequency[s] / count[s],
            avgRecency: recency[s] / count[s],
          }
        : null,
    )
    .filter((s): s is SegmentStats => s !== null)
    .sort((a, b) => b.customers - a.customers);
  return { method, segments, customers: n, k: chosenK, chosenBy, ties: scoreTies(rfm), fitWarnings };
}
