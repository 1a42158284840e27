import { expect } from '@open-wc/testing';
import { assessHealth, healthScore, rateScore, sentimentScore } from '../../src/models/health-score.js';

const counts = (c: Partial<Parameters<typeof assessHealth>[0]>) => ({
  orders: 1000,
  defects: 0,
  shipped: 1000,
  late: 0,
  cancelled: 0,
  reviews: null,
  rating_sum: null,
  sentiment_sum: null,
  ...c,
});

describe('health score', () => {
  it('rateScore() is 100 at zero, 75 at the target, 50 at twice it and 0 from four times it', () => {
    expect([0, 0.04, 0.08, 0.16, 0.5].map((r) => rateScore(r, 0.04))).to.deep.equal([100, 75, 50, 0, 0]);
  });

  it('sentimentScore() is 50 at neutral and 75 at 0.5', () => {
    expect([-1, 0, 0.5, 1].map(sentimentScore)).to.deep.equal([0, 50, 75, 100]);
  });

  it('scores a seller exactly at every published target 75: Healthy', () => {
    // ODR 2 % (orders with a 1–2 star review), late 4 %, cancellations 2.5 %, sentiment 0.5.
    const h = assessHealth(
      counts({ defects: 20, late: 40, cancelled: 25, reviews: 10, rating_sum: 40, sentiment_sum: 5 }),
    );
    expect(h.score).to.be.closeTo(75, 1e-9);
    expect(h.tier).to.equal('Healthy');
    expect(h.avgRating).to.equal(4);
  });

  it('scores a seller at twice every target 50: At Risk, and just below: Critical', () => {
    const twice = assessHealth(
      counts({ defects: 40, late: 80, cancelled: 50, reviews: 10, rating_sum: 30, sentiment_sum: 0 }),
    );
    expect(twice.score).to.be.closeTo(50, 1e-9);
    expect(twice.tier).to.equal('At Risk');
    const worse = assessHealth(
      counts({ defects: 41, late: 80, cancelled: 50, reviews: 10, rating_sum: 30, sentiment_sum: 0 }),
    );
    expect(worse.tier).to.equal('Critical');
  });

  it('rescales the weights without reviews', () => {
    // ODR 0 → 100, late 8 % → 50, cancellations 5 % → 50: (0.4·100 + 0.25·50 + 0.2·50) / 0.85 = 62.5 / 0.85.
    expect(
      healthScore({ defectRate: 0, lateRate: 0.08, cancelRate: 0.05, sentiment: null, avgRating: null }),
    ).to.be.closeTo(73.5294, 1e-4);
  });

  it('marks a seller below min-orders "Not enough orders" instead of scoring it', () => {
    const h = assessHealth(counts({ orders: 9, defects: 9, shipped: 9, late: 9 }), 10);
    expect([h.score, h.tier]).to.deep.equal([null, 'Not enough orders']);
    expect(h.defectRate).to.equal(1);
    expect(assessHealth(counts({ orders: 10, shipped: 10 }), 10).tier).to.equal('Healthy');
  });

  it('leaves the late rate out when nothing shipped', () => {
    // All 10 lines cancelled: ODR 100 % → 0, cancellations 100 % → 0, late unknown.
    const h = assessHealth(counts({ orders: 10, defects: 10, cancelled: 10, shipped: 0 }));
    expect([h.lateRate, h.score, h.tier]).to.deep.equal([null, 0, 'Critical']);
  });
});

describe('health score with support tickets', () => {
  it('adds late responses (target 10%) and dissatisfaction (target 25%) with weight 0.1 each', () => {
    // Every other metric perfect (100). 20 of 100 tickets answered late: 20 % = twice the 10 % target → 50.
    // 5 of 10 rated tickets 1–2: 50 % = twice the 25 % target → 50. Weights: ODR 0.4, late 0.25, cancel 0.2,
    // tickets 0.1 + 0.1 (no reviews, so no sentiment): (0.85 · 100 + 0.2 · 50) / 1.05 = 95 / 1.05 = 90.476...
    const h = assessHealth(counts({ tickets: 100, late_responses: 20, rated_tickets: 10, dissatisfied: 5 }));
    expect([h.lateResponseRate, h.dissatisfactionRate]).to.deep.equal([0.2, 0.5]);
    expect(h.score).to.be.closeTo(95 / 1.05, 1e-9);
  });

  it('scores a seller without tickets exactly as before (the ticket weights drop out)', () => {
    const base = counts({ defects: 20, late: 40, cancelled: 25, reviews: 10, rating_sum: 40, sentiment_sum: 5 });
    const without = assessHealth(base);
    const none = assessHealth({
      ...base,
      tickets: null,
      late_responses: null,
      rated_tickets: null,
      dissatisfied: null,
    });
    const noneYet = assessHealth({ ...base, tickets: 0, late_responses: 0, rated_tickets: 0, dissatisfied: 0 });
    expect(without.score).to.be.closeTo(75, 1e-9);
    expect([none.score, noneYet.score]).to.deep.equal([without.score, without.score]);
    expect([none.lateResponseRate, noneYet.lateResponseRate]).to.deep.equal([null, null]);
  });

  it('moves a seller at every shipping target but slow to answer from Healthy to At Risk', () => {
    // At every shipping and review target: 75. Answering 40 % late (4× the target) scores 0, and every rated
    // ticket 1–2 (4× the 25 % target) scores 0: (1.0 · 75 + 0.2 · 0) / 1.2 = 62.5.
    const h = assessHealth(
      counts({
        defects: 20,
        late: 40,
        cancelled: 25,
        reviews: 10,
        rating_sum: 40,
        sentiment_sum: 5,
        tickets: 50,
        late_responses: 20,
        rated_tickets: 8,
        dissatisfied: 8,
      }),
    );
    expect(h.score).to.be.closeTo(62.5, 1e-9);
    expect(h.tier).to.equal('At Risk');
  });
});
