import { expect } from '@open-wc/testing';
import { averagePrecision, classifierQuality, topShareRate } from '../../src/models/classifier-quality.js';

describe('classifier quality against the base rate', () => {
  it("averagePrecision() reproduces scikit-learn's documented example, 0.8333", () => {
    // sklearn.metrics.average_precision_score(y_true=[0, 0, 1, 1], y_score=[0.1, 0.4, 0.35, 0.8]) = 0.83...
    // By hand, from the top: 0.8 (pos) P = 1, R = ½; 0.4 (neg) R unchanged; 0.35 (pos) P = 2/3, R = 1.
    // AP = ½ · 1 + ½ · 2/3 = 5/6.
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).to.be.closeTo(5 / 6, 1e-12);
  });

  it('averagePrecision() takes tied scores as one threshold, whatever their order', () => {
    // 0.5 (one pos, one neg together): P = ½, R = ½; 0.1 (pos): P = 2/3, R = 1. AP = ¼ + ⅓ = 7/12.
    // Breaking the tie positive-first would give ½ + ⅓ = 5/6: the order of the input must not matter.
    expect(averagePrecision([0.5, 0.5, 0.1], [1, 0, 1])).to.be.closeTo(7 / 12, 1e-12);
    expect(averagePrecision([0.5, 0.5, 0.1], [0, 1, 1])).to.be.closeTo(7 / 12, 1e-12);
    expect(averagePrecision([0.3, 0.2], [0, 0])).to.be.NaN;
  });

  it('topShareRate() counts the ties at the cut in proportion', () => {
    // Top 20 % of 10 = 2 places: 0.9 (pos) is above the cut; the second place goes to one of three tied 0.8 (one
    // positive among them): expected positives 1 + 1/3, over 2 places = 2/3.
    const scores = [0.9, 0.8, 0.8, 0.8, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    const labels = [1, 1, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(topShareRate(scores, labels, 0.2)).to.be.closeTo(2 / 3, 1e-12);
    expect(topShareRate(scores, labels, 1)).to.be.closeTo(0.3, 1e-12);
    expect(() => topShareRate(scores, labels, 0)).to.throw(RangeError);
  });

  it('classifierQuality() puts every figure beside the base rate', () => {
    const q = classifierQuality([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], { topShare: 0.25 });
    // Base rate 2/4. At 0.5 only 0.8 is predicted: precision 1 (lift 1 / ½ = 2), recall ½. ROC AUC 3/4 (3 of 4
    // positive–negative pairs ranked right). AP 5/6 over ½ = 5/3. The top 25 % (one score, 0.8) is positive: lift 2.
    expect(q).to.deep.include({ n: 4, positives: 2, baseRate: 0.5, auc: 0.75, precision: 1, recall: 0.5, lift: 2 });
    expect(q.prAuc).to.be.closeTo(5 / 6, 1e-12);
    expect(q.prAucLift).to.be.closeTo(5 / 3, 1e-12);
    expect(q.topShareLift).to.equal(2);
  });

  it('a model that only echoes the base rate gets lift 1', () => {
    // 88 % churn and everyone gets the same score: precision 0.88 at any threshold below it, exactly the base rate.
    const labels = Array.from({ length: 100 }, (_, i) => (i < 88 ? 1 : 0));
    const q = classifierQuality(
      labels.map(() => 0.7),
      labels,
    );
    expect(q.baseRate).to.equal(0.88);
    expect(q.precision).to.equal(0.88);
    expect(q.lift).to.be.closeTo(1, 1e-12);
    expect(q.prAucLift).to.be.closeTo(1, 1e-12);
    expect(q.topShareLift).to.be.closeTo(1, 1e-12);
    expect(q.auc).to.equal(0.5);
  });
});
