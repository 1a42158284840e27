import { expect } from '@open-wc/testing';
import { decomposeDays, movingAverage, varianceShares, weekdayMeans } from '../../src/models/decomposition.js';

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

describe('decomposition', () => {
  it('varianceShares() divides each part’s variance by their sum', () => {
    // Trend 1 2 3 4: mean 2.5, squares 2.25 0.25 0.25 2.25, variance 5 / 4 = 1.25. Weekly 1 −1 1 −1: variance 1.
    // Remainder all 0: variance 0. Sum 2.25: 1.25 / 2.25 = 0.5556, 1 / 2.25 = 0.4444, 0.
    expect(
      varianceShares([
        [1, 2, 3, 4],
        [1, -1, 1, -1],
        [0, 0, 0, 0],
      ]).map(r4),
    ).to.deep.equal([0.5556, 0.4444, 0]);
    expect(varianceShares([[5, 5]])).to.deep.equal([0]);
  });

  it('weekdayMeans() averages a weekly part per weekday, Monday first', () => {
    // 2025-03-01 is a Saturday: Sat 9, Sun 1, Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 11.
    // Mondays (2 + 11) / 2 = 6.5, Saturdays (9 + 7) / 2 = 8, Sundays (1 + 8) / 2 = 4.5, the others once each.
    const weekly = [9, 1, 2, 3, 4, 5, 6, 7, 8, 11];
    expect(weekdayMeans(weekly, '2025-03-01')).to.deep.equal([6.5, 3, 4, 5, 6, 8, 4.5]);
  });

  it('decomposeDays() takes out the weekly pattern of a short series, no yearly one, and says when too short', () => {
    // Eight weeks of a pattern peaking on Saturdays (+30) on a flat 100: the weekly part carries nearly all the
    // variation, and its Saturday mean is near +30 (the series starts on Monday 2025-03-03).
    const pattern = [-10, -5, 0, 0, 5, 30, -20];
    const y = Array.from({ length: 56 }, (_, t) => 100 + pattern[t % 7]);
    const d = decomposeDays(y, '2025-03-03')!;
    expect(d.yearly).to.equal(false);
    expect(d.parts.map((p) => p.key)).to.deep.equal(['trend', 'weekly', 'remainder']);
    expect(d.parts[1].share).to.be.above(0.95);
    expect(d.weekdays[5]).to.be.closeTo(30, 1);
    expect(d.weekdays[6]).to.be.closeTo(-20, 1);
    expect(decomposeDays(y.slice(0, 13), '2025-03-03')).to.equal(null);
  });

  it('movingAverage() averages a centred window, shortened at the ends', () => {
    // Span 3: (0 + 3) / 2 = 1.5, (0 + 3 + 6) / 3 = 3, (3 + 6 + 3) / 3 = 4, 3, (3 + 0) / 2 = 1.5.
    expect([...movingAverage([0, 3, 6, 3, 0], 3)]).to.deep.equal([1.5, 3, 4, 3, 1.5]);
  });

  /** A deterministic noise in [−1, 1] (a linear congruential generator). */
  function noise(n: number, seed = 7): number[] {
    let state = seed;
    return Array.from({ length: n }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state / 2 ** 32) * 2 - 1;
    });
  }

  it('decomposeDays() adds a smooth yearly pattern from two years of days, and the parts add up to the data', () => {
    const e = noise(730);
    const yearly = (t: number) => 20 * Math.sin((2 * Math.PI * t) / 365);
    const y = Array.from({ length: 730 }, (_, t) => 100 + yearly(t) + (t % 7) + 3 * e[t]);
    const d = decomposeDays(y, '2024-01-01')!;
    expect(d.yearly).to.equal(true);
    expect(d.parts.map((p) => p.key)).to.deep.equal(['trend', 'weekly', 'yearly', 'remainder']);
    expect(r4(d.parts.reduce((s, p) => s + p.share, 0))).to.equal(1);
    y.forEach((v, t) => expect(d.parts.reduce((s, p) => s + p.values[t], 0)).to.be.closeTo(v, 1e-9));
    // The yearly part holds the wave (amplitude 20, variance 200) and the trend the level: over the middle year the
    // yearly part plus the trend's swing follow the wave to within a few units, the noise (±3) left out.
    const [trend, , year] = d.parts;
    const mid = Array.from({ length: 365 }, (_, k) => k + 182);
    const mean = mid.reduce((s, t) => s + trend.values[t], 0) / mid.length;
    const rms = Math.sqrt(
      mid.reduce((s, t) => s + (year.values[t] + trend.values[t] - mean - yearly(t)) ** 2, 0) / mid.length,
    );
    expect(rms).to.be.below(3);
  });

  it('decomposeDays() does not pass two years of noise off as a season', () => {
    // Pure noise (variance 1/3) on a flat level: without smoothing the yearly part would copy about half of it
    // (each day of the year is the mean of two noisy values). Smoothed over a month it keeps little.
    const y = noise(730, 99).map((v) => 50 + v);
    const d = decomposeDays(y, '2024-01-01')!;
    const share = (key: string) => d.parts.find((p) => p.key === key)!.share;
    expect(share('yearly')).to.be.below(0.1);
    expect(share('remainder')).to.be.above(0.6);
  });
});
