import { kmeans } from 'ml-kmeans';

/** One customer's RFM values: days since the last purchase, purchase days, revenue. */
export interface RfmValues {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
}

export interface RfmCluster {
  /** Label from the centroid, e.g. "High value, recent". */
  readonly label: string;
  readonly size: number;
  /** Centroid in standardised log units (R, F, M). */
  readonly z: readonly [number, number, number];
  /** Centroid back in the original units (geometric-mean-like): days, purchase days, revenue. */
  readonly centre: RfmValues;
}

export interface RfmClustering {
  readonly k: number;
  /** How k was chosen: given by the caller, or the best mean silhouette over k = 3..6 on a sample. */
  readonly chosenBy: 'user' | 'silhouette';
  /** Mean silhouette of each k tried (empty when k was given). */
  readonly silhouettes: ReadonlyMap<number, number>;
  readonly clusters: readonly RfmCluster[];
  /** Cluster index of each input customer, in input order. */
  readonly assignments: Int32Array;
}

export interface RfmClusterOptions {
  /** Number of clusters; omitted → chosen by silhouette over `kRange`. */
  readonly k?: number;
  readonly kRange?: readonly number[];
  /** Seed of the K-means++ start (default 42) and of the silhouette sample. */
  readonly seed?: number;
  /** Points used to score each k (silhouette is O(n²)); default 800. */
  readonly sampleSize?: number;
}

/**
 * Log features, standardised to mean 0 and sd 1: log(1 + recency days), log(frequency), log(1 + revenue). The
 * logs tame the long right tails of all three; without them K-means spends its clusters on outliers.
 */
export function rfmFeatures(values: readonly RfmValues[]): { points: number[][]; means: number[]; sds: number[] } {
  const raw = values.map((v) => [
    Math.log1p(Math.max(0, v.recency)),
    Math.log(Math.max(1, v.frequency)),
    Math.log1p(Math.max(0, v.monetary)),
  ]);
  const n = raw.length;
  const means = [0, 1, 2].map((j) => raw.reduce((s, r) => s + r[j], 0) / n);
  const sds = [0, 1, 2].map((j) => {
    const sd = Math.sqrt(raw.reduce((s, r) => s + (r[j] - means[j]) ** 2, 0) / n);
    return sd > 1e-12 ? sd : 1;
  });
  return { points: raw.map((r) => r.map((v, j) => (v - means[j]) / sds[j])), means, sds };
}

/** Mean silhouette width of a clustering (Rousseeuw 1987), Euclidean distance. */
export function meanSilhouette(points: readonly (readonly number[])[], labels: ArrayLike<number>, k: number): number {
  const n = points.length;
  if (n < 2) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  let total = 0;
  const sums = new Array<number>(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let d = 0;
      for (let c = 0; c < points[i].length; c++) d += (points[i][c] - points[j][c]) ** 2;
      sums[labels[j]] += Math.sqrt(d);
    }
    const own = labels[i];
    if (sizes[own] <= 1) continue; // silhouette of a singleton is 0
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** A small seeded generator (mulberry32) for the silhouette sample. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Label of a centroid from its standardised coordinates: value from the mean of the F and M z-scores (above
 * +0.5 "High value", below −0.5 "Low value", else "Mid value"), recency from the R z-score (below −0.5 "recent",
 * above +0.5 "lapsed", else "cooling"). Duplicate labels get a rank, "(2)".
 */
export function labelCentroids(z: readonly (readonly number[])[]): string[] {
  const labels = z.map(([r, f, m]) => {
    const value = (f + m) / 2;
    const worth = value > 0.5 ? 'High value' : value < -0.5 ? 'Low value' : 'Mid value';
    const when = r < -0.5 ? 'recent' : r > 0.5 ? 'lapsed' : 'cooling';
    return `${worth}, ${when}`;
  });
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

/**
 * K-means (ml-kmeans, K-means++ start with a fixed seed, so the same data always gives the same clusters) on
 * the standardised log R, F, M of the customers. Without `k`, each k in 3..6 is fitted on a random sample of
 * `sampleSize` customers and the k with the highest mean silhouette wins; the final fit uses every customer.
 * Clusters are returned largest value first (by the mean of their F and M z-scores). The result depends on the
 * customers' values only, not on their order.
 */
export function clusterRfm(values: readonly RfmValues[], options: RfmClusterOptions = {}): RfmClustering {
  // K-means++ seeding and the silhouette sample pick points by position: in the input's order (customer ids) the
  // clusters would depend on how customers are named. Sorted by their values, equal customers are interchangeable
  // and the result depends on the values alone; assignments are mapped back to the input order at the end.
  const order = [...values.keys()].sort(
    (i, j) =>
      values[i].recency - values[j].recency ||
      values[i].frequency - values[j].frequency ||
      values[i].monetary - values[j].monetary,
  );
  const sorted = clusterSorted(
    order.map((i) => values[i]),
    options,
  );
  const assignments = new Int32Array(values.length);
  order.forEach((i, at) => (assignments[i] = sorted.assignments[at]));
  return { ...sorted, assignments };
}

function clusterSorted(values: readonly RfmValues[], options: RfmClusterOptions): RfmClustering {
  const seed = options.seed ?? 42;
  const { points, means, sds } = rfmFeatures(values);
  const distinct = new Set(points.map((p) => p.join(','))).size;
  const silhouettes = new Map<number, number>();
  let k = options.k;
  let chosenBy: RfmClustering['chosenBy'] = 'user';
  if (k === undefined) {
    chosenBy = 'silhouette';
    const rand = random(seed);
    const size = Math.min(points.length, options.sampleSize ?? 800);
    const pool = [...points.keys()];
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(rand() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const sample = pool.slice(0, size).map((i) => points[i]);
    const sampleDistinct = new Set(sample.map((p) => p.join(','))).size;
    let best = -Infinity;
    for (const candidate of options.kRange ?? [3, 4, 5, 6]) {
      if (candidate > sampleDistinct) continue;
      const fit = kmeans(sample, candidate, { seed, initialization: 'kmeans++', maxIterations: 100 });
      const s = meanSilhouette(sample, fit.clusters, candidate);
      silhouettes.set(candidate, s);
      if (s > best) {
        best = s;
        k = candidate;
      }
    }
    k ??= Math.min(3, distinct);
  }
  k = Math.max(1, Math.min(k, distinct));
  const fit = kmeans(points, k, { seed, initialization: 'kmeans++', maxIterations: 300 });
  const sizes = new Array<number>(k).fill(0);
  for (const c of fit.clusters) sizes[c]++;
  const z = fit.centroids.map((c) => [c[0], c[1], c[2]] as [number, number, number]);
  const order = [...z.keys()].sort((a, b) => (z[b][1] + z[b][2]) / 2 - (z[a][1] + z[a][2]) / 2 || z[a][0] - z[b][0]);
  const rank = new Int32Array(k);
  order.forEach((old, i) => (rank[old] = i));
  const labels = labelCentroids(order.map((i) => z[i]));
  const back = (c: readonly number[], j: number) => c[j] * sds[j] + means[j];
  const clusters = order.map((i, at) => ({
    label: labels[at],
    size: sizes[i],
    z: z[i],
    centre: {
      recency: Math.expm1(back(z[i], 0)),
      frequency: Math.exp(back(z[i], 1)),
      monetary: Math.expm1(back(z[i], 2)),
    },
  }));
  const assignments = Int32Array.from(fit.clusters, (c) => rank[c]);
  return { k, chosenBy, silhouettes, clusters, assignments };
}
