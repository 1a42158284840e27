import { expect } from '@open-wc/testing';
import {
  clusterRfm,
  labelCentroids,
  meanSilhouette,
  rfmFeatures,
  type RfmValues,
} from '../../src/models/kmeans-rfm.js';

/** Three obvious groups: loyal big spenders bought last week, lapsed one-timers a year ago, occasional in between. */
function threeGroups(): RfmValues[] {
  const out: RfmValues[] = [];
  for (let i = 0; i < 40; i++)
    out.push({ recency: 3 + (i % 5), frequency: 20 + (i % 7), monetary: 2000 + 37 * (i % 9) });
  for (let i = 0; i < 60; i++) out.push({ recency: 330 + (i % 11), frequency: 1, monetary: 20 + (i % 6) });
  for (let i = 0; i < 50; i++)
    out.push({ recency: 60 + (i % 9), frequency: 3 + (i % 2), monetary: 150 + 10 * (i % 5) });
  return out;
}

describe('K-means on RFM', () => {
  it('rfmFeatures() standardises log R, F, M to mean 0 and sd 1', () => {
    const { points } = rfmFeatures(threeGroups());
    for (const j of [0, 1, 2]) {
      const values = points.map((p) => p[j]);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      expect(mean).to.be.closeTo(0, 1e-12);
      expect(sd).to.be.closeTo(1, 1e-12);
    }
  });

  it('meanSilhouette() is (b − a) / max(a, b) averaged: two pairs on a line', () => {
    // Points 0, 1 (cluster 0) and 10, 11 (cluster 1): for 0, a = 1, b = (10 + 11) / 2 = 10.5 → 9.5 / 10.5;
    // for 1, a = 1, b = 9.5 → 8.5 / 9.5; symmetric for the other pair.
    const s = meanSilhouette([[0], [1], [10], [11]], [0, 0, 1, 1], 2);
    expect(s).to.be.closeTo((2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4, 1e-12);
  });

  it('clusterRfm() picks k = 3 by silhouette on three separated groups and labels them from the centroids', () => {
    const result = clusterRfm(threeGroups());
    expect(result.chosenBy).to.equal('silhouette');
    expect(result.k).to.equal(3);
    expect([...result.silhouettes.keys()]).to.deep.equal([3, 4, 5, 6]);
    expect(result.clusters.map((c) => c.size)).to.deep.equal([40, 50, 60]);
    expect(result.clusters[0].label).to.equal('High value, recent');
    expect(result.clusters[2].label).to.equal('Low value, lapsed');
    // Assignments follow the input order: the first 40 customers are the big spenders (cluster 0).
    expect([...result.assignments.slice(0, 40)].every((c) => c === 0)).to.equal(true);
    expect([...result.assignments.slice(40, 100)].every((c) => c === 2)).to.equal(true);
  });

  it('clusterRfm() is deterministic and honours a k given by the user', () => {
    const a = clusterRfm(threeGroups(), { k: 4 });
    const b = clusterRfm(threeGroups(), { k: 4 });
    expect(a.k).to.equal(4);
    expect(a.chosenBy).to.equal('user');
    expect([...a.assignments]).to.deep.equal([...b.assignments]);
  });

  it('clusterRfm() gives every customer the same cluster whatever the input order', () => {
    // 300 made-up customers without clear clusters, as on a real marketplace: 90 % bought once, recency spread
    // over a year, a long tail of spend. K-means++ and the silhouette sample pick points by position, so in input
    // order (customer ids) 10 to 41 of them changed cluster when the list was reversed.
    let seed = 99;
    const uniform = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const values = Array.from({ length: 300 }, () => ({
      recency: Math.floor(uniform() * 365),
      frequency: uniform() < 0.1 ? 2 + Math.floor(uniform() * 3) : 1,
      monetary: Math.round(10 + 300 * uniform() ** 2),
    }));
    const permutations = [values.map((_, i) => values.length - 1 - i), values.map((_, i) => (i * 7) % values.length)];
    const labelOf = (c: ReturnType<typeof clusterRfm>, i: number) => c.clusters[c.assignments[i]].label;
    for (const k of [undefined, 4, 5]) {
      const base = clusterRfm(values, { k });
      for (const permutation of permutations) {
        const shuffled = clusterRfm(
          permutation.map((i) => values[i]),
          { k },
        );
        expect(shuffled.k).to.equal(base.k);
        const moved = permutation.filter((from, at) => labelOf(shuffled, at) !== labelOf(base, from));
        expect(moved, `k = ${k ?? 'auto'}`).to.deep.equal([]);
      }
    }
  });

  it('labelCentroids() names value and recency, and numbers duplicates', () => {
    expect(
      labelCentroids([
        [-1, 1, 1],
        [1, -1, -1],
        [0, 0, 0],
        [0.1, 0.1, 0],
      ]),
    ).to.deep.equal(['High value, recent', 'Low value, lapsed', 'Mid value, cooling', 'Mid value, cooling (2)']);
  });
});
