import { expect } from '@open-wc/testing';
import {
  concentration,
  countHolding,
  gini,
  lorenzCurve,
  tierThresholds,
  topShare,
  valueTiers,
} from '../../src/models/concentration.js';

/** n values at the mid-quantiles (i − ½) / n of a distribution: a sample whose Lorenz curve approaches the law's. */
const quantiles = (n: number, inverse: (u: number) => number) =>
  Array.from({ length: n }, (_, i) => inverse((i + 0.5) / n));

describe('concentration: Lorenz curve, Gini, top shares, value tiers', () => {
  it('gini() of 1..5 is 4/15, worked by hand', () => {
    // Σ (2i − n − 1) x = (−4)·1 + (−2)·2 + 0·3 + 2·4 + 4·5 = 20; n Σx = 5 · 15 = 75: 20/75 = 4/15.
    // Equivalently the mean absolute difference over all 25 ordered pairs, 40/25 = 1.6, over twice the mean (6).
    expect(gini([3, 1, 5, 2, 4])).to.be.closeTo(4 / 15, 1e-12);
    expect(gini([7, 7, 7])).to.equal(0);
    // One of four holds everything: (n − 1) / n = 0.75.
    expect(gini([0, 0, 0, 10])).to.equal(0.75);
    expect([gini([]), gini([0, 0])]).to.deep.equal([null, null]);
  });

  it('lorenzCurve() of 1..5 goes through 0, 1/15, 3/15, 6/15, 10/15, 1', () => {
    const points = lorenzCurve([5, 4, 3, 2, 1]);
    expect(points.map((p) => p.population)).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(points.map((p) => Math.round(p.share * 15 * 1e9) / 1e9)).to.deep.equal([0, 1, 3, 6, 10, 15]);
    // Sampled: 3 points at 0, ½ and 1; L(½) lies halfway between L(0.4) = 3/15 and L(0.6) = 6/15: 4.5/15.
    expect(lorenzCurve([1, 2, 3, 4, 5], 3).map((p) => Math.round(p.share * 1e12) / 1e12)).to.deep.equal([0, 0.3, 1]);
  });

  it('topShare() reads the Lorenz curve: the top 20 % of 1..5 hold 5/15, the top 30 % 5/15 + half of 4/15', () => {
    expect(topShare([1, 2, 3, 4, 5], 0.2)).to.be.closeTo(1 / 3, 1e-12);
    expect(topShare([1, 2, 3, 4, 5], 0.3)).to.be.closeTo(7 / 15, 1e-12);
    expect(topShare([1, 2, 3, 4, 5], 1)).to.equal(1);
  });

  it('matches the published Gini and Lorenz curve of the uniform, exponential and Pareto laws', () => {
    // Uniform on [0, 1]: L(p) = p², Gini 1/3, top 20 % share 1 − 0.8² = 0.36.
    const uniform = quantiles(100_000, (u) => u);
    expect(gini(uniform)).to.be.closeTo(1 / 3, 1e-4);
    expect(topShare(uniform, 0.2)).to.be.closeTo(0.36, 1e-4);
    // Exponential: Gini 1/2; L(p) = p + (1 − p) ln(1 − p), so the top 10 % hold 1 − L(0.9) = 0.1 (1 + ln 10).
    const exponential = quantiles(100_000, (u) => -Math.log(1 - u));
    expect(gini(exponential)).to.be.closeTo(0.5, 1e-3);
    expect(topShare(exponential, 0.1)).to.be.closeTo(0.1 * (1 + Math.log(10)), 1e-3);
    // Pareto with α = 3: Gini 1 / (2α − 1) = 0.2; the top p hold p^(1 − 1/α), 0.2^(2/3) = 0.342 for the top 20 %.
    const pareto = quantiles(200_000, (u) => (1 - u) ** (-1 / 3));
    expect(gini(pareto)).to.be.closeTo(0.2, 2e-3);
    expect(topShare(pareto, 0.2)).to.be.closeTo(0.2 ** (2 / 3), 2e-3);
  });

  it('valueTiers() cuts by spend percentile with settable cut-offs', () => {
    // 100 customers spending 1..100. Top 1 % = rank 1 (100); top 10 % starts at rank 10 (91); top 40 % at rank 40 (61).
    const spend = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(tierThresholds(spend)).to.deep.equal([100, 91, 61]);
    const tiers = valueTiers(spend);
    // Platinum {100}: 100 of 5050; Gold 91..99: 9 customers, 855; Silver 61..90: 30, 2265; Bronze 1..60: 1830.
    expect(tiers.map((t) => [t.tier, t.threshold, t.count, t.total])).to.deep.equal([
      ['Platinum', 100, 1, 100],
      ['Gold', 91, 9, 855],
      ['Silver', 61, 30, 2265],
      ['Bronze', 0, 60, 1830],
    ]);
    expect(tiers[1].totalShare).to.be.closeTo(855 / 5050, 1e-12);
    const custom = valueTiers(spend, { platinum: 0.05, gold: 0.2, silver: 0.5 });
    expect(custom.map((t) => t.count)).to.deep.equal([5, 15, 30, 50]);
    expect(() => valueTiers(spend, { platinum: 0.2, gold: 0.1, silver: 0.5 })).to.throw(RangeError);
  });

  it('valueTiers() keeps equal spenders in one tier', () => {
    // Ten customers. Platinum (top 1 %) and Gold (top 10 %) both start at rank 1, 50: the two who spent 50 are
    // Platinum and Gold is empty. Silver (top 40 %) starts at rank 4, 10: all three who spent 10. Bronze: 5 5 1 1 1.
    const t = valueTiers([50, 50, 10, 10, 10, 5, 5, 1, 1, 1]);
    expect(t.map((x) => x.count)).to.deep.equal([2, 0, 3, 5]);
  });

  it('concentration() refuses negative values and sums everything up', () => {
    expect(() => gini([1, -1])).to.throw(RangeError);
    const c = concentration([1, 2, 3, 4, 5]);
    expect([c.count, c.total, c.lorenz.length]).to.deep.equal([5, 15, 6]);
    expect(c.gini).to.be.closeTo(4 / 15, 1e-12);
    expect(c.top20).to.be.closeTo(1 / 3, 1e-12);
    // Half of 15 is 7.5: the largest two, 5 + 4 = 9, reach it, 5 alone does not. The largest holds 5 / 15.
    expect([c.halfCount, c.largest]).to.deep.equal([2, 1 / 3]);
  });

  it('countHolding() counts the fewest, largest first, that reach a share of the total', () => {
    // 1..5 (total 15): 5 = 1/3 exactly, so a third takes one; 60 % = 9 = 5 + 4 takes two; 61 % takes three.
    expect([1 / 3, 0.6, 0.61, 1, 0].map((s) => countHolding([1, 2, 3, 4, 5], s))).to.deep.equal([1, 2, 3, 5, 0]);
    expect(countHolding([0, 0], 0.5)).to.equal(0);
    expect(() => countHolding([1], 1.5)).to.throw(RangeError);
  });
});
