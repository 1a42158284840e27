import { expect } from '@open-wc/testing';
import {
  backtest,
  blockSums,
  errorWeights,
  fitHoltWinters,
  forecastBlocks,
  forecastDays,
  holtWinters,
  initialStates,
  mape,
} from '../../src/models/forecast.js';
import { Rng } from '../../generator/core/random.js';

const WEEK = [5, -3, -2, 0, 4, 10, -14];

describe('forecast model (additive Holt-Winters, damped)', () => {
  it('initialStates() recovers level, slope and pattern of an exact linear + weekly series', () => {
    // y_t = 50 + 2t + WEEK[t % 7]: slope 2; level at t = −1 is 50 − 2 = 48; indices = WEEK (they sum to 0).
    const y = Array.from({ length: 28 }, (_, t) => 50 + 2 * t + WEEK[t % 7]);
    const s = initialStates(y, 7);
    expect(s.trend).to.be.closeTo(2, 1e-12);
    expect(s.level).to.be.closeTo(48, 1e-12);
    s.season.forEach((v, i) => expect(v).to.be.closeTo(WEEK[i], 1e-12));
  });

  it('forecasts an exact linear + weekly series exactly, with zero-width intervals', () => {
    const y = Array.from({ length: 70 }, (_, t) => 50 + 2 * t + WEEK[t % 7]);
    const fit = holtWinters(y, 7, { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 1 });
    expect(fit.sse).to.be.lessThan(1e-18);
    const days = forecastDays(fit, 10);
    days.forEach((v, h) => expect(v).to.be.closeTo(50 + 2 * (70 + h) + WEEK[(70 + h) % 7], 1e-9));
    // Week 1 = days 70..76: Σ(50 + 2t) = 7 × 50 + 2 × (70+…+76) = 350 + 2 × 511 = 1372; the pattern sums to 0.
    const [week] = forecastBlocks(fit, 1);
    expect(week.mean).to.be.closeTo(1372, 1e-9);
    expect(week.hi95 - week.lo95).to.be.lessThan(1e-6);
  });

  it('runs the recursions as worked by hand (m = 2, α 0.5, β 0.1, γ 0.2, φ 0.9)', () => {
    // y = 10, 20, 12, 22, 14: first two seasons give trend ((12+22)/2 − (10+20)/2) / 2 = 1, level 15 − 1 × 1.5 = 13.5,
    // season: t0: (10 − 14.5 + 12 − 16.5)/2 = −4.5, t1: (20 − 15.5 + 22 − 17.5)/2 = 4.5.
    // t0: ŷ = 13.5 + 0.9 + (−4.5) = 9.9, e = 0.1; l = 14.4 + 0.05 = 14.45; b = 0.9 + 0.01 = 0.91; s0 = −4.48.
    // t1: ŷ = 14.45 + 0.819 + 4.5 = 19.769, e = 0.231; l = 15.269 + 0.1155 = 15.3845; b = 0.819 + 0.0231 = 0.8421.
    const fit = holtWinters([10, 20, 12, 22, 14], 2, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 0.9 });
    expect(fit.fitted[0]).to.be.closeTo(9.9, 1e-12);
    expect(fit.fitted[1]).to.be.closeTo(19.769, 1e-12);
    const two = holtWinters([10, 20, 12, 22], 2, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 0.9 });
    // t2: ŷ = 15.3845 + 0.75789 + (−4.48) = 11.66239.
    expect(two.fitted[2]).to.be.closeTo(11.66239, 1e-9);
  });

  it('errorWeights() are α + β(φ + … + φ^j) + γ at whole seasons', () => {
    const fit = holtWinters(
      Array.from({ length: 8 }, (_, t) => t + (t % 2)),
      2,
      { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 0.9 },
    );
    // c1 = 0.5 + 0.1 × 0.9 = 0.59; c2 = 0.5 + 0.1 × 1.71 + 0.2 = 0.871; c3 = 0.5 + 0.1 × 2.439 = 0.7439.
    const c = errorWeights(fit, 4);
    expect(c[0]).to.equal(1);
    expect(c[1]).to.be.closeTo(0.59, 1e-12);
    expect(c[2]).to.be.closeTo(0.871, 1e-12);
    expect(c[3]).to.be.closeTo(0.7439, 1e-12);
  });

  it("a week's 95% interval covers about 95% of simulated weeks of the fitted model", () => {
    const fit = holtWinters(
      Array.from({ length: 70 }, (_, t) => 50 + t + WEEK[t % 7]),
      7,
      { alpha: 0.3, beta: 0.02, gamma: 0.1, phi: 0.95 },
    );
    const sigma = 4;
    const model = { ...fit, sigma2: sigma * sigma };
    const [, week2] = forecastBlocks(model, 2);
    // Simulate the model forward from its final state; count week 2 sums inside the interval.
    const rng = new Rng(11, 'sim');
    let inside = 0;
    const runs = 4000;
    for (let r = 0; r < runs; r++) {
      let { level, trend } = model;
      const season = [...model.season];
      let sum = 0;
      for (let h = 1; h <= 14; h++) {
        const t = model.n - 1 + h;
        const e = sigma * rng.normal();
        const y = level + model.params.phi * trend + season[t % 7] + e;
        const next = level + model.params.phi * trend + model.params.alpha * e;
        trend = model.params.phi * trend + model.params.beta * e;
        level = next;
        season[t % 7] += model.params.gamma * e;
        if (h > 7) sum += y;
      }
      if (sum >= week2.lo95 && sum <= week2.hi95) inside++;
    }
    expect(inside / runs).to.be.closeTo(0.95, 0.015);
  });

  it('fitHoltWinters() forecasts a noisy seasonal series close to its true continuation', () => {
    const rng = new Rng(5, 'fit');
    const y = Array.from({ length: 182 }, (_, t) => 200 + 0.5 * t + 3 * WEEK[t % 7] + 6 * rng.normal());
    const fit = fitHoltWinters(y, 7);
    const truth = Array.from({ length: 7 }, (_, h) => 200 + 0.5 * (182 + h) + 3 * WEEK[(182 + h) % 7]).reduce(
      (s, v) => s + v,
      0,
    );
    const [week] = forecastBlocks(fit, 1);
    expect(Math.abs(week.mean - truth) / truth).to.be.lessThan(0.03);
    expect(week.lo80).to.be.lessThan(truth);
    expect(week.hi80).to.be.greaterThan(truth);
  });

  it('mape() and blockSums() worked by hand', () => {
    // |100 − 110| / 100 = 10%, |200 − 180| / 200 = 10%: 10%; a zero actual is skipped.
    expect(mape([100, 200, 0], [110, 180, 5])).to.be.closeTo(0.1, 1e-12);
    expect(mape([0], [1])).to.equal(null);
    // 9 values in blocks of 3 ending at the end; 10 values drop the first.
    expect(blockSums([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).to.deep.equal([6, 15, 24]);
    expect(blockSums([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).to.deep.equal([6, 15, 24]);
  });

  it('backtest() holds out the last weeks: near-zero error on an exact series', () => {
    const y = Array.from({ length: 112 }, (_, t) => 500 + 3 * t + 10 * WEEK[t % 7]);
    const b = backtest(y, 7, 4)!;
    expect(b.actual).to.have.length(4);
    // Week 13 (days 84–90): 7 × 500 + 3 × (84+…+90) = 3500 + 3 × 609 = 5327.
    expect(b.actual[0]).to.be.closeTo(5327, 1e-9);
    expect(b.mape!).to.be.lessThan(0.01);
    // Seasonal naive repeats the last week (days 77–83: 3500 + 3 × 560 = 5180): week 13 off by 147 / 5327.
    expect(b.naiveMape!).to.be.greaterThan(0.02);
    expect(backtest(y.slice(0, 40), 7, 4)).to.equal(null);
  });
});
