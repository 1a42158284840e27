import { expect } from '@open-wc/testing';
import {
  compileGammaGammaLikelihood,
  customerLifetimeValue,
  expectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodOne,
  type GammaGammaCustomer,
} from '../../src/models/gamma-gamma.js';
import { conditionalExpectedPurchases, type BgNbdParams } from '../../src/models/bg-nbd.js';
import { parseNumericCsv, sharedText } from '../support/shared-data.js';

const PAPER_BG: BgNbdParams = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('Gamma-Gamma spend model', () => {
  it('expectedSpend() is the weighted mean p(v + x·mx) / (px + q − 1)', () => {
    // p = 6.25, q = 3.74, v = 15.44, x = 2, mx = 22.35: 6.25 × (15.44 + 44.70) / (12.5 + 2.74) = 375.875 / 15.24.
    expect(expectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35)).to.be.closeTo(375.875 / 15.24, 1e-9);
    // No repeat purchase: the population mean p·v / (q − 1) = 96.5 / 2.74.
    expect(expectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, 0, 0)).to.be.closeTo(96.5 / 2.74, 1e-9);
  });

  it('customerLifetimeValue() without discounting is spend × E[Y(horizon)]', () => {
    // The monthly increments telescope to the cumulative expectation when d = 0.
    const expected = 30 * conditionalExpectedPurchases(PAPER_BG, 52, 3, 20, 30);
    expect(customerLifetimeValue(PAPER_BG, 30, 3, 20, 30, { horizonWeeks: 52, discountRate: 0 })).to.be.closeTo(
      expected,
      1e-9,
    );
  });

  it('customerLifetimeValue() discounts month i by (1 + d)^i', () => {
    // One month (4.345 weeks) only: spend × E[Y(4.345)] / 1.01.
    const one = (10 * conditionalExpectedPurchases(PAPER_BG, 4.345, 3, 20, 30)) / 1.01;
    expect(customerLifetimeValue(PAPER_BG, 10, 3, 20, 30, { horizonWeeks: 4.345, discountRate: 0.01 })).to.be.closeTo(
      one,
      1e-9,
    );
    const undiscounted = customerLifetimeValue(PAPER_BG, 10, 3, 20, 30, { discountRate: 0 });
    expect(customerLifetimeValue(PAPER_BG, 10, 3, 20, 30, { discountRate: 0.01 })).to.be.below(undiscounted);
  });
});

describe('Gamma-Gamma on the CDNOW sample (Fader & Hardie 2013)', () => {
  // cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar; zbar = mean value of the x repeat
  // purchases (first purchase excluded), 0 when x = 0. The 946 repeat buyers are fitted.
  let buyers: GammaGammaCustomer[] = [];
  before(async function () {
    const text = await sharedText('cdnow/cdnow_customers_summary_with_transactions.csv');
    if (!text) return this.skip();
    buyers = parseNumericCsv(text)
      .filter((r) => r.x > 0)
      .map((r) => ({ x: r.x, mx: r.zbar }));
  });

  it('fitGammaGamma() reproduces p = 6.25, q = 3.74, v = 15.44, LL −4055.92 and mean spend 35.17', () => {
    expect(buyers.length).to.equal(946);
    const fit = fitGammaGamma(buyers);
    expect(fit.converged).to.equal(true);
    expect(relative(fit.params.p, 6.25)).to.be.below(0.01);
    expect(relative(fit.params.q, 3.74)).to.be.below(0.01);
    expect(relative(fit.params.v, 15.44)).to.be.below(0.01);
    expect(fit.logLikelihood).to.be.closeTo(-4055.92, 0.05);
    expect(relative(fit.meanSpend, 35.17)).to.be.below(0.01);
    expect(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, buyers)).to.be.closeTo(-4055.92, 0.05);
  });

  it('the interactive fit (BFGS) reproduces p = 6.25, q = 3.74, v = 15.44 and LL −4055.92 too', () => {
    const fit = fitGammaGamma(buyers, { precision: 'interactive' });
    expect(fit.converged).to.equal(true);
    expect(relative(fit.params.p, 6.25)).to.be.below(0.01);
    expect(relative(fit.params.q, 3.74)).to.be.below(0.01);
    expect(relative(fit.params.v, 15.44)).to.be.below(0.01);
    expect(fit.logLikelihood).to.be.closeTo(-4055.92, 0.05);
  });

  it('compileGammaGammaLikelihood() gives LL −4055.92 at the published estimates and agrees with the per-customer sum', () => {
    const compiled = compileGammaGammaLikelihood(buyers);
    expect(compiled({ p: 6.25, q: 3.74, v: 15.44 })).to.be.closeTo(-4055.92, 0.05);
    const elsewhere = { p: 0.8, q: 9.5, v: 120 };
    const plain = buyers.reduce((s, c) => s + gammaGammaLogLikelihoodOne(elsewhere, c.x, c.mx), 0);
    expect(compiled(elsewhere)).to.be.closeTo(plain, 1e-8 * Math.abs(plain));
    const gradient = [0, 0, 0];
    compiled(elsewhere, gradient);
    (['p', 'q', 'v'] as const).forEach((name, i) => {
      const h = 1e-5 * elsewhere[name];
      const numeric =
        (compiled({ ...elsewhere, [name]: elsewhere[name] + h }) -
          compiled({ ...elsewhere, [name]: elsewhere[name] - h })) /
        (2 * h);
      expect(gradient[i]).to.be.closeTo(numeric, 1e-4 * Math.max(1, Math.abs(numeric)));
    });
    // Weights: two identical buyers as one row with count 2 give the same sum.
    const [first] = buyers;
    expect(compileGammaGammaLikelihood([{ ...first, count: 2 }])(elsewhere)).to.be.closeTo(
      2 * gammaGammaLogLikelihoodOne(elsewhere, first.x, first.mx),
      1e-9,
    );
  });
});
