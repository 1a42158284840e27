import { expect } from '@open-wc/testing';
import {
  bonferroni,
  giniJackknife,
  median,
  modifiedZScores,
  normalCdf,
  normalQuantile,
  twoProportionTest,
  wilsonInterval,
} from '../../src/models/statistics.js';

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

describe('statistics behind the findings', () => {
  it('normalCdf() and normalQuantile() match the standard normal table', () => {
    // Φ(1.96) = 0.9750021, Φ(1) = 0.8413447, Φ(−3) = 0.0013499; z(0.975) = 1.959964, z(0.995) = 2.575829,
    // z(0.001) = −3.090232.
    expect(normalCdf(1.96)).to.be.closeTo(0.9750021, 2e-7);
    expect(normalCdf(1)).to.be.closeTo(0.8413447, 2e-7);
    expect(normalCdf(-3)).to.be.closeTo(0.0013499, 2e-7);
    expect(normalCdf(0)).to.be.closeTo(0.5, 1e-9);
    expect(normalQuantile(0.975)).to.be.closeTo(1.959964, 1e-6);
    expect(normalQuantile(0.995)).to.be.closeTo(2.575829, 1e-6);
    expect(normalQuantile(0.001)).to.be.closeTo(-3.090232, 1e-6);
    expect(normalQuantile(0.5)).to.equal(0);
    expect(() => normalQuantile(1)).to.throw(RangeError);
  });

  it("wilsonInterval() reproduces Newcombe's (1998) published examples", () => {
    // Newcombe, Statistics in Medicine 17:857–872, Table II, method 3 (score interval).
    expect(wilsonInterval(81, 263).map((v) => round(v))).to.deep.equal([0.2553, 0.3662]);
    expect(wilsonInterval(15, 148).map((v) => round(v))).to.deep.equal([0.0624, 0.1605]);
    expect(wilsonInterval(0, 20).map((v) => round(v))).to.deep.equal([0, 0.1611]);
    expect(wilsonInterval(1, 29).map((v) => round(v))).to.deep.equal([0.0061, 0.1718]);
    expect(() => wilsonInterval(3, 2)).to.throw(RangeError);
  });

  it("twoProportionTest() gives R's prop.test χ² as z², and Newcombe's interval of the difference", () => {
    // 30/100 vs 20/100: pooled 0.25, se = √(0.25 · 0.75 · 2/100) = 0.061237, z = 0.1 / se = 1.63299; z² = 8/3 is
    // R's prop.test(c(30, 20), c(100, 100), correct = FALSE) X-squared 2.6667, p-value 0.1025.
    const t = twoProportionTest(30, 100, 20, 100);
    expect(t.z).to.be.closeTo(1.63299, 1e-5);
    expect(t.z ** 2).to.be.closeTo(8 / 3, 1e-9);
    expect(t.pValue).to.be.closeTo(0.1025, 1e-4);
    // Newcombe, Statistics in Medicine 17:873–890, method 10: 56/70 − 48/80 = 0.2, 95% CI 0.0524 to 0.3339; and
    // 9/10 − 3/10 = 0.6, 0.1705 to 0.8090.
    const a = twoProportionTest(56, 70, 48, 80);
    expect(round(a.difference)).to.equal(0.2);
    expect(a.interval.map((v) => round(v))).to.deep.equal([0.0524, 0.3339]);
    expect(twoProportionTest(9, 10, 3, 10).interval.map((v) => round(v))).to.deep.equal([0.1705, 0.809]);
    // Nothing happened on either side: no evidence, p = 1.
    expect(twoProportionTest(0, 10, 0, 20)).to.deep.include({ z: 0, pValue: 1 });
  });

  it('bonferroni() multiplies by the comparisons, up to 1', () => {
    expect(bonferroni(0.01, 6)).to.be.closeTo(0.06, 1e-12);
    expect(bonferroni(0.3, 6)).to.equal(1);
    expect(bonferroni(0.3, 0)).to.equal(0.3);
  });

  it('modifiedZScores() is 0.6745 (x − median) / MAD, with the mean deviation when MAD is 0', () => {
    // 1 2 3 4 100: median 3, deviations 2 1 0 1 97 → MAD 1. M(100) = 0.6745 · 97 = 65.43.
    expect(modifiedZScores([1, 2, 3, 4, 100]).map((v) => round(v))).to.deep.equal([
      -1.349, -0.6745, 0, 0.6745, 65.4265,
    ]);
    // 5 5 5 5 9: MAD 0; mean deviation 4 / 5 = 0.8, M(9) = 4 / (1.253314 · 0.8) = 3.98942.
    expect(modifiedZScores([5, 5, 5, 5, 9]).map((v) => round(v))).to.deep.equal([0, 0, 0, 0, 3.9894]);
    expect(modifiedZScores([2, 2])).to.deep.equal([0, 0]);
    expect(median([3, 1, 2, 10])).to.equal(2.5);
  });

  it('giniJackknife() of 1, 2, 3 by hand', () => {
    // Gini = Σ (2i − n − 1) x / (n Σ x) = (−2 + 0 + 6) / 18 = 2/9. Leaving one out: {2, 3} → 1/10, {1, 3} → 1/4,
    // {1, 2} → 1/6; mean 31/180; deviations −13, 14, −1 (/180); se = √(2/3 · 366 / 180²) = √244 / 180 = 0.08678.
    const g = giniJackknife([3, 1, 2])!;
    expect(g.gini).to.be.closeTo(2 / 9, 1e-12);
    expect(g.se).to.be.closeTo(Math.sqrt(244) / 180, 1e-12);
    expect(g.interval[0]).to.be.closeTo(2 / 9 - 1.959964 * (Math.sqrt(244) / 180), 1e-6);
    expect(giniJackknife([4, 4, 4, 4])).to.deep.equal({ gini: 0, se: 0, interval: [0, 0] });
    expect(giniJackknife([1, 2])).to.equal(null);
  });

  it('giniJackknife() agrees with recomputing every leave-one-out Gini directly', () => {
    const values = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89];
    const gini = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const total = s.reduce((a, b) => a + b, 0);
      return s.reduce((acc, x, i) => acc + (2 * (i + 1) - s.length - 1) * x, 0) / (s.length * total);
    };
    const loo = values.map((_, k) => gini(values.filter((__, i) => i !== k)));
    const mean = loo.reduce((a, b) => a + b, 0) / loo.length;
    const se = Math.sqrt(((loo.length - 1) / loo.length) * loo.reduce((a, g) => a + (g - mean) ** 2, 0));
    const g = giniJackknife(values)!;
    expect(g.gini).to.be.closeTo(gini(values), 1e-12);
    expect(g.se).to.be.closeTo(se, 1e-12);
  });
});
