import { expect } from '@open-wc/testing';
import { decomposeDaily, mstl, stl } from '../../src/models/stl.js';

/**
 * The reference: R's `stats::stl` (the Fortran of Cleveland et al. 1990) on R's `co2` data set, the Mauna Loa
 * monthly CO₂ concentrations 1959–1997 (ppm), with s.window = 35, t.window = 19, l.window = 13, all degrees 1,
 * jumps 4, 2, 2, inner = 1, outer = 2. The numbers below are R's output as published in statsmodels' test results
 * (statsmodels/tsa/tests/results/stl_test_results.csv, scenario "baseline"; the data stl_co2.csv). They are
 * independent of this code: computed by another implementation (R's Fortran) and only read here.
 */
const CO2 = [
  315.58, 316.39, 316.79, 317.82, 318.39, 318.22, 316.68, 315.01, 314.02, 313.55, 315.02, 315.75, 316.52, 317.1, 317.79,
  319.22, 320.08, 319.7, 318.27, 315.99, 314.24, 314.05, 315.05, 316.23, 316.92, 317.76, 318.54, 319.49, 320.64, 319.85,
  318.7, 316.96, 315.17, 315.47, 316.19, 317.17, 318.12, 318.72, 319.79, 320.68, 321.28, 320.89, 319.79, 317.56, 316.46,
  315.59, 316.85, 317.87, 318.87, 319.25, 320.13, 321.49, 322.34, 321.62, 319.85, 317.87, 316.36, 316.24, 317.13,
  318.46, 319.57, 320.23, 320.89, 321.54, 322.2, 321.9, 320.42, 318.6, 316.73, 317.15, 317.94, 318.91, 319.73, 320.78,
  321.23, 322.49, 322.59, 322.35, 321.61, 319.24, 318.23, 317.76, 319.36, 319.5, 320.35, 321.4, 322.22, 323.45, 323.8,
  323.5, 322.16, 320.09, 318.26, 317.66, 319.47, 320.7, 322.06, 322.23, 322.78, 324.1, 324.63, 323.79, 322.34, 320.73,
  319, 318.99, 320.41, 321.68, 322.3, 322.89, 323.59, 324.65, 325.3, 325.15, 323.88, 321.8, 319.99, 319.86, 320.88,
  322.36, 323.59, 324.23, 325.34, 326.33, 327.03, 326.24, 325.39, 323.16, 321.87, 321.31, 322.34, 323.74, 324.61,
  325.58, 326.55, 327.81, 327.82, 327.53, 326.29, 324.66, 323.12, 323.09, 324.01, 325.1, 326.12, 326.62, 327.16, 327.94,
  329.15, 328.79, 327.53, 325.65, 323.6, 323.78, 325.13, 326.26, 326.93, 327.84, 327.96, 329.93, 330.25, 329.24, 328.13,
  326.42, 324.97, 325.29, 326.56, 327.73, 328.73, 329.7, 330.46, 331.7, 332.66, 332.22, 331.02, 329.39, 327.58, 327.27,
  328.3, 328.81, 329.44, 330.89, 331.62, 332.85, 333.29, 332.44, 331.35, 329.58, 327.58, 327.55, 328.56, 329.73, 330.45,
  330.98, 331.63, 332.88, 333.63, 333.53, 331.9, 330.08, 328.59, 328.31, 329.44, 330.64, 331.62, 332.45, 333.36, 334.46,
  334.84, 334.29, 333.04, 330.88, 329.23, 328.83, 330.18, 331.5, 332.8, 333.22, 334.54, 335.82, 336.45, 335.97, 334.65,
  332.4, 331.28, 330.73, 332.05, 333.54, 334.65, 335.06, 336.32, 337.39, 337.66, 337.56, 336.24, 334.39, 332.43, 332.22,
  333.61, 334.78, 335.88, 336.43, 337.61, 338.53, 339.06, 338.92, 337.39, 335.72, 333.64, 333.65, 335.07, 336.53,
  337.82, 338.19, 339.89, 340.56, 341.22, 340.92, 339.26, 337.27, 335.66, 335.54, 336.71, 337.79, 338.79, 340.06,
  340.93, 342.02, 342.65, 341.8, 340.01, 337.94, 336.17, 336.28, 337.76, 339.05, 340.18, 341.04, 342.16, 343.01, 343.64,
  342.91, 341.72, 339.52, 337.75, 337.68, 339.14, 340.37, 341.32, 342.45, 343.05, 344.91, 345.77, 345.3, 343.98, 342.41,
  339.89, 340.03, 341.19, 342.87, 343.74, 344.55, 345.28, 347, 347.37, 346.74, 345.36, 343.19, 340.97, 341.2, 342.76,
  343.96, 344.82, 345.82, 347.24, 348.09, 348.66, 347.9, 346.27, 344.21, 342.88, 342.58, 343.99, 345.31, 345.98, 346.72,
  347.63, 349.24, 349.83, 349.1, 347.52, 345.43, 344.48, 343.89, 345.29, 346.54, 347.66, 348.07, 349.12, 350.55, 351.34,
  350.8, 349.1, 347.54, 346.2, 346.2, 347.44, 348.67,
];

// [index, seasonal, trend, robustness weight] from R.
const R_BASELINE: [number, number, number, number][] = [
  [0, -0.13125464336066284, 315.5519397253235, 0.9474880317646172],
  [1, 0.5170694281109743, 315.6444815723392, 0.8823907076099369],
  [6, 0.9296995152565583, 316.11072747527453, 0.7280856951021515],
  [47, -0.9607922603306425, 318.8934842283605, 0.9921525735674509],
  [82, -1.965338096305213, 320.6946143719202, 0.2651672528703003],
  [93, -3.0192920742255533, 321.38591076938843, 0.18203278005122117],
  [147, 2.380018523373396, 326.3239396787171, 0.10460030870706755],
  [313, 0.5461274327562692, 345.14282560209313, 0.9452145046210193],
  [340, 3.186564896280186, 348.3071934767865, 0.957628043010471],
  [347, -0.9489819628908843, 349.7026916029209, 0.9807184221537931],
];
// The same with l.jump = 1 (scenario "nljump-1").
const R_NLJUMP_1: [number, number, number, number][] = [
  [0, -0.13125362300212545, 315.55193834363786, 0.9474881640096693],
  [82, -1.9653407188737753, 320.6946111064919, 0.26515507871114585],
];

const BASELINE = {
  period: 12,
  seasonal: 35,
  trend: 19,
  lowPass: 13,
  seasonalDegree: 1,
  trendDegree: 1,
  lowPassDegree: 1,
  seasonalJump: 4,
  trendJump: 2,
  lowPassJump: 2,
  inner: 1,
  outer: 2,
} as const;

function expectReference(fit: ReturnType<typeof stl>, reference: [number, number, number, number][]) {
  for (const [i, seasonal, trend, weight] of reference) {
    expect(fit.seasonal[i], `seasonal[${i}]`).to.be.closeTo(seasonal, 1e-7);
    expect(fit.trend[i], `trend[${i}]`).to.be.closeTo(trend, 1e-7);
    expect(fit.weights[i], `weight[${i}]`).to.be.closeTo(weight, 1e-7);
  }
}

describe('STL', () => {
  it('reproduces R’s decomposition of the Mauna Loa CO₂ series', () => {
    expect(CO2).to.have.length(348);
    const fit = stl(CO2, BASELINE);
    expectReference(fit, R_BASELINE);
    fit.remainder.forEach((r, i) => expect(r).to.be.closeTo(CO2[i] - fit.seasonal[i] - fit.trend[i], 1e-12));
  });

  it('reproduces R’s decomposition with loess at every point of the low-pass filter', () => {
    expectReference(stl(CO2, { ...BASELINE, lowPassJump: 1 }), R_NLJUMP_1);
  });

  it('recovers a seasonal pattern and a linear trend it was built from, and refuses too short a series', () => {
    // 10 weeks of a weekly pattern summing to 0 on a straight line. With local lines (degree 1) everywhere, each
    // cycle-subseries is a line that loess reproduces (and extends) exactly, the moving averages of the low-pass
    // filter cancel the pattern and keep the line, so STL gives back both in one pass (to rounding).
    const pattern = [3, -1, -2, 0, 4, -3, -1];
    const y = Array.from({ length: 70 }, (_, t) => 100 + 0.5 * t + pattern[t % 7]);
    const fit = stl(y, { period: 7, seasonalDegree: 1 });
    fit.trend.forEach((v, t) => expect(v, `trend ${t}`).to.be.closeTo(100 + 0.5 * t, 1e-6));
    fit.seasonal.forEach((v, t) => expect(v, `seasonal ${t}`).to.be.closeTo(pattern[t % 7], 1e-6));
    expect(() => stl(y.slice(0, 13), { period: 7 })).to.throw(RangeError);
    expect(() => stl([1, 2, Number.NaN, 4], { period: 2 })).to.throw(RangeError);
  });
});

describe('MSTL', () => {
  /** A deterministic noise in [−1, 1] (a linear congruential generator), so the test is the same on every run. */
  function noise(n: number): number[] {
    let state = 12345;
    return Array.from({ length: n }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state / 2 ** 32) * 2 - 1;
    });
  }

  it('separates a weekly and a yearly pattern and the trend of a series built from them', () => {
    // Three years of daily values: trend 200 + 0.1 t, a weekly pattern (amplitude up to 20), a yearly wave of
    // amplitude 30, and noise of ±1.
    const n = 3 * 365;
    const weekly = [12, 8, 4, 0, -4, -20, 0];
    const e = noise(n);
    const trend = (t: number) => 200 + 0.1 * t;
    const yearly = (t: number) => 30 * Math.sin((2 * Math.PI * t) / 365);
    const y = Array.from({ length: n }, (_, t) => trend(t) + weekly[t % 7] + yearly(t) + e[t]);
    const fit = mstl(y, { periods: [365, 7] });
    expect(fit.seasonals.map((s) => s.period)).to.deep.equal([7, 365]);
    // Away from the ends (loess extrapolates there), the root-mean-square error of each component against what it
    // was built from is small next to the amplitudes (20, 30) and the noise (1).
    const inner = Array.from({ length: n - 120 }, (_, k) => k + 60);
    const rms = (f: (t: number) => number) => Math.sqrt(inner.reduce((s, t) => s + f(t) ** 2, 0) / inner.length);
    const worst = (f: (t: number) => number) => Math.max(...inner.map((t) => Math.abs(f(t))));
    const [week, year] = fit.seasonals;
    expect(rms((t) => week.values[t] - weekly[t % 7])).to.be.below(0.5);
    expect(rms((t) => year.values[t] - yearly(t))).to.be.below(2.5);
    expect(rms((t) => fit.trend[t] - trend(t))).to.be.below(1);
    // R's default of two inner iterations has not converged for the yearly pattern (three points per day of the
    // year); four bring every day of it within 1.5.
    const converged = mstl(y, { periods: [365, 7], stl: { inner: 4 } });
    expect(worst((t) => converged.seasonals[1].values[t] - yearly(t))).to.be.below(1.5);
    expect(worst((t) => converged.seasonals[0].values[t] - weekly[t % 7])).to.be.below(1.5);
    // The components add up to the data exactly.
    y.forEach((v, t) =>
      expect(fit.trend[t] + week.values[t] + year.values[t] + fit.remainder[t]).to.be.closeTo(v, 1e-9),
    );
  });

  it('drops a period without two full cycles, and refuses a series with none', () => {
    const y = Array.from({ length: 100 }, (_, t) => (t % 7) + t / 10);
    expect(mstl(y, { periods: [7, 365] }).seasonals.map((s) => s.period)).to.deep.equal([7]);
    expect(() => mstl(y.slice(0, 10), { periods: [7] })).to.throw(RangeError);
    // Daily data: the week from 14 days, the year from 730.
    expect(decomposeDaily(y).seasonals.map((s) => s.period)).to.deep.equal([7]);
    expect(decomposeDaily(new Array(730).fill(1)).seasonals.map((s) => s.period)).to.deep.equal([7, 365]);
  });
});
