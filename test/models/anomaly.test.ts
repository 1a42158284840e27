import { expect } from '@open-wc/testing';
import { decompose, episodes, mad, median, robustZ, rollingMedian, scoreSeries } from '../../src/models/anomaly.js';
import { Rng } from '../../generator/core/random.js';

/** A year of days: level 100, a slow rise, a weekly pattern (weekend +30 / −20), normal noise of sd `sd`. */
function seasonal(seed: number, sd: number, days = 364): number[] {
  const rng = new Rng(seed, 'anomaly-test');
  const week = [0, -5, -5, 0, 0, 30, -20];
  return Array.from({ length: days }, (_, i) => 100 + 0.05 * i + week[i % 7] + sd * rng.normal());
}

describe('anomaly model', () => {
  it('median() and mad() of a small set, worked by hand', () => {
    // Sorted 1 2 3 4 100: median 3; deviations 2 1 0 1 97 → sorted 0 1 1 2 97: MAD 1.
    expect(median([4, 1, 100, 3, 2])).to.equal(3);
    expect(mad([4, 1, 100, 3, 2])).to.equal(1);
    expect(median([1, 2, 3, 10])).to.equal(2.5);
  });

  it('robustZ() is 0.6745 × deviation / MAD, so one outlier does not hide itself', () => {
    // 100 − 3 = 97 deviations, MAD 1: 0.6745 × 97 = 65.43; 4 − 3 = 1: 0.6745.
    const z = robustZ([4, 1, 100, 3, 2]);
    expect(z[2]).to.be.closeTo(65.4265, 1e-3);
    expect(z[0]).to.be.closeTo(0.6745, 1e-4);
  });

  it('robustZ() falls back to the mean absolute deviation when MAD is 0', () => {
    // Median 0, MAD 0; mean |dev| = 10/5 = 2, σ ≈ 2 × 1.2533 = 2.5066; 10 / 2.5066 = 3.99.
    const z = robustZ([0, 0, 0, 0, 10]);
    expect(z[4]).to.be.closeTo(10 / (2 * 1.2533), 1e-6);
    expect(robustZ([5, 5, 5]).every(Number.isNaN)).to.be.true;
  });

  it('rollingMedian() truncates the window at the ends and ignores a lone spike', () => {
    // Window 3: [1,2]→1.5, [1,2,50]→2, [2,50,4]→4, [50,4,5]→5, [4,5]→4.5.
    expect(rollingMedian([1, 2, 50, 4, 5], 3)).to.deep.equal([1.5, 2, 4, 5, 4.5]);
  });

  it('rollingMedian() equals the median of each truncated window, missing values left out', () => {
    // The definition, written out: sort each window's finite values and take the middle (or the mean of the two).
    const byDefinition = (xs: number[], w: number) =>
      xs.map((_, i) => {
        const h = Math.floor(w / 2);
        const win = xs
          .slice(Math.max(0, i - h), i + h + 1)
          .filter(Number.isFinite)
          .sort((a, b) => a - b);
        const m = win.length >> 1;
        return win.length === 0 ? NaN : win.length % 2 ? win[m] : (win[m - 1] + win[m]) / 2;
      });
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100 - 20;
    const xs = Array.from({ length: 200 }, (_, i) => (i % 17 === 3 ? NaN : Math.round(next() * 10) / 10));
    for (const w of [3, 7, 21]) expect(rollingMedian(xs, w)).to.deep.equal(byDefinition(xs, w));
    expect(rollingMedian([NaN, NaN, NaN], 3)).to.deep.equal([NaN, NaN, NaN]);
  });

  it('decompose() recovers an exact weekly pattern on a flat series', () => {
    const week = [10, -10, 0, 0, 5, -5, 0];
    const y = Array.from({ length: 70 }, (_, i) => 50 + week[i % 7]);
    const d = decompose(y, { period: 7 });
    // The 21-day rolling median of a flat series with a zero-sum pattern whose median is 0 is 50 away from the edges.
    expect(d.trend[35]).to.equal(50);
    expect(d.seasonal.slice(0, 7).map((v) => Math.round(v * 1e9) / 1e9)).to.deep.equal(week);
    expect(Math.max(...d.residual.slice(10, 60).map(Math.abs))).to.be.lessThan(1e-9);
  });

  it('finds a one-day spike of 5× in a noisy seasonal series, with the right expected value', () => {
    const y = seasonal(1, 5);
    const day = 150; // a Thursday-like position (150 % 7 = 3): pattern 0
    const normal = y[day];
    y[day] = normal * 5;
    const scored = scoreSeries(y, { period: 7 });
    expect(scored[day].flagged).to.be.true;
    expect(scored[day].score).to.be.greaterThan(20);
    // Expected ≈ 100 + 0.05 × 150 + 0 = 107.5, within noise.
    expect(scored[day].expected).to.be.closeTo(107.5, 6);
  });

  it('finds a week-long surge in a rate weighted by its daily trials, as one episode', () => {
    const rng = new Rng(7, 'surge');
    const n = Array.from({ length: 200 }, (_, i) => (i % 7 === 5 ? 400 : 150));
    const p = n.map((_, i) => (i >= 120 && i < 127 ? 0.4 : 0.08));
    const rate = n.map((trials, i) => {
      let late = 0;
      for (let k = 0; k < trials; k++) if (rng.next() < p[i]) late++;
      return late / trials;
    });
    const scored = scoreSeries(rate, { period: 7, weights: n });
    const found = episodes(scored).filter((e) => e.peak.score > 0);
    const surge = found.find((e) => e.start <= 126 && e.end >= 120);
    expect(surge, 'an episode overlapping days 120–126').to.exist;
    expect(surge!.start).to.equal(120);
    expect(surge!.end).to.equal(126);
  });

  it('gives few false alarms on clean seasonal series: under 0.5% of days over 20 seeds', () => {
    // Under normal noise |z| ≥ 3.5 has probability 0.047%; the decomposition's own error adds a little.
    let flagged = 0;
    let days = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const scored = scoreSeries(seasonal(seed, 8), { period: 7 });
      flagged += scored.filter((p) => p.flagged).length;
      days += scored.length;
    }
    expect(flagged / days).to.be.lessThan(0.005);
  });

  it('with a log transform, scores multiplicative noise evenly across levels', () => {
    const rng = new Rng(3, 'log');
    // The level triples over the year; noise is ±10% multiplicative.
    const y = Array.from(
      { length: 364 },
      (_, i) => (100 + i * 0.6) * (i % 7 === 5 ? 1.5 : 1) * Math.exp(0.1 * rng.normal()),
    );
    const scored = scoreSeries(y, { period: 7, transform: 'log' });
    expect(scored.filter((p) => p.flagged).length).to.be.at.most(3);
    y[300] *= 3;
    expect(scoreSeries(y, { period: 7, transform: 'log' })[300].flagged).to.be.true;
  });

  it('episodes() merges consecutive flagged days of one sign and reports the peak', () => {
    const pts = [0, 4, 6, 5, 0, -4, 4].map((score, index) => ({
      index,
      observed: 0,
      expected: 0,
      score,
      flagged: Math.abs(score) >= 3.5,
    }));
    const e = episodes(pts);
    expect(e.map((x) => [x.start, x.end, x.peak.index])).to.deep.equal([
      [1, 3, 2],
      [5, 5, 5],
      [6, 6, 6],
    ]);
  });
});
