import { expect } from '@open-wc/testing';
import { auc, confusion, fitLogisticRegression, fnv1a } from '../../src/models/logistic-regression.js';

describe('logistic regression', () => {
  it('fitLogisticRegression() without a penalty recovers the group rates of a binary feature', () => {
    // x = 0: 1 of 4 positive → P = 0.25; x = 1: 3 of 4 → P = 0.75 (the saturated model's MLE).
    const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const model = fitLogisticRegression(X, y, { l2: 0 });
    expect(model.converged).to.equal(true);
    expect(model.predict([0])).to.be.closeTo(0.25, 1e-8);
    expect(model.predict([1])).to.be.closeTo(0.75, 1e-8);
  });

  it('an L2 penalty pulls the probabilities towards the overall rate', () => {
    const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const model = fitLogisticRegression(X, y, { l2: 5 });
    expect(model.predict([1]))
      .to.be.below(0.75)
      .and.above(0.5);
    expect(model.predict([0]))
      .to.be.above(0.25)
      .and.below(0.5);
  });

  it('auc() is the share of positive–negative pairs ranked right, ties counting half', () => {
    // Pairs (pos, neg): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3 / 4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).to.equal(0.75);
    expect(auc([0.5, 0.5], [0, 1])).to.equal(0.5);
    expect(auc([0.2, 0.3], [1, 1])).to.be.NaN;
  });

  it('confusion() counts predictions at the threshold', () => {
    // Predicted positive: 0.8 only → TP 1, FP 0, FN 1 (0.35), TN 2.
    const c = confusion([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.5);
    expect([c.truePositives, c.falsePositives, c.falseNegatives, c.trueNegatives]).to.deep.equal([1, 0, 1, 2]);
    expect(c.precision).to.equal(1);
    expect(c.recall).to.equal(0.5);
  });

  it('fnv1a() is the standard 32-bit FNV-1a', () => {
    // Published test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    expect(fnv1a('')).to.equal(0x811c9dc5);
    expect(fnv1a('a')).to.equal(0xe40c292c);
    expect(fnv1a('foobar')).to.equal(0xbf9cf968);
  });
});
