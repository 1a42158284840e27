import { expect } from '@open-wc/testing';
import {
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodOne,
  compileBgNbdLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  groupCustomers,
  probabilityAlive,
  type BgNbdCustomer,
  type BgNbdParams,
} from '../../src/models/bg-nbd.js';
import { parseNumericCsv, sharedText } from '../support/shared-data.js';

/** Fader, Hardie & Lee (2005) / BTYD vignette estimates on the CDNOW sample (REFERENCE.md). */
const PAPER: BgNbdParams = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('BG/NBD on small hand-checked cases', () => {
  it('probabilityAlive() is 1 without repeat purchases and falls as the last purchase ages', () => {
    expect(probabilityAlive(PAPER, 0, 0, 30)).to.equal(1);
    // x = 1, tx = T: (alpha + T) / (alpha + tx) = 1, so P = 1 / (1 + a / b) = b / (a + b) = 2.4262 / 3.2192.
    expect(probabilityAlive(PAPER, 1, 10, 10)).to.be.closeTo(2.4261667 / (0.7929899 + 2.4261667), 1e-12);
    expect(probabilityAlive(PAPER, 1, 2, 30)).to.be.below(probabilityAlive(PAPER, 1, 20, 30));
  });

  it('expectedPurchases() is 0 at t = 0 and grows with t', () => {
    expect(expectedPurchases(PAPER, 0)).to.equal(0);
    expect(expectedPurchases(PAPER, 10)).to.be.below(expectedPurchases(PAPER, 20));
  });

  it('groupCustomers() merges identical (x, tx, T) rows into one weighted row', () => {
    const rows = groupCustomers([
      { x: 0, tx: 0, T: 5 },
      { x: 0, tx: 0, T: 5 },
      { x: 2, tx: 3, T: 5 },
    ]);
    expect(rows).to.deep.equal([
      { x: 0, tx: 0, T: 5, count: 2 },
      { x: 2, tx: 3, T: 5, count: 1 },
    ]);
    expect(bgNbdLogLikelihood(PAPER, rows)).to.be.closeTo(
      bgNbdLogLikelihood(PAPER, [
        { x: 0, tx: 0, T: 5 },
        { x: 0, tx: 0, T: 5 },
        { x: 2, tx: 3, T: 5 },
      ]),
      1e-10,
    );
  });
});

describe('BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  // cdnow_customers_summary.csv: ID, frequency, recency, T. frequency = x, the number of repeat purchase days
  // (same-day purchases merged); recency = t_x and T in weeks since the first purchase; calibration ends
  // 1997-09-30. Values are rounded to 2 decimals, which moves the estimates by less than 0.01 %.
  let customers: BgNbdCustomer[] = [];
  before(async function () {
    const text = await sharedText('cdnow/cdnow_customers_summary.csv');
    if (!text) return this.skip();
    customers = parseNumericCsv(text).map((r) => ({ x: r.frequency, tx: r.recency, T: r.T }));
  });

  it('reads 2357 customers', () => {
    expect(customers.length).to.equal(2357);
  });

  it('fitBgNbd() reproduces r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 and LL −9582.4', () => {
    const fit = fitBgNbd(customers);
    expect(fit.converged).to.equal(true);
    expect(relative(fit.params.r, 0.243)).to.be.below(0.01);
    expect(relative(fit.params.alpha, 4.414)).to.be.below(0.01);
    expect(relative(fit.params.a, 0.793)).to.be.below(0.01);
    expect(relative(fit.params.b, 2.426)).to.be.below(0.01);
    expect(fit.logLikelihood).to.be.closeTo(-9582.4, 0.1);
    expect(fit.customers).to.equal(2357);
    expect(fit.distinctRows).to.be.below(2357);
  });

  it('bgNbdLogLikelihood() at the published parameters is −9582.43', () => {
    expect(bgNbdLogLikelihood(PAPER, customers)).to.be.closeTo(-9582.429, 0.01);
  });

  it('compileBgNbdLikelihood() gives the published LL −9582.43 and agrees with the per-customer sum elsewhere', () => {
    const compiled = compileBgNbdLikelihood(groupCustomers(customers));
    expect(compiled(PAPER)).to.be.closeTo(-9582.429, 0.01);
    // Away from the optimum, against the plain sum over customers (FHL 2005, eq. 6 per customer).
    const elsewhere: BgNbdParams = { r: 1.3, alpha: 0.7, a: 2.1, b: 0.4 };
    const plain = customers.reduce((s, c) => s + bgNbdLogLikelihoodOne(elsewhere, c.x, c.tx, c.T), 0);
    expect(compiled(elsewhere)).to.be.closeTo(plain, 1e-8 * Math.abs(plain));
  });

  it('the compiled gradient matches central differences of the likelihood', () => {
    const compiled = compileBgNbdLikelihood(groupCustomers(customers));
    const at: BgNbdParams = { r: 0.4, alpha: 6, a: 1.1, b: 3 };
    const gradient = [0, 0, 0, 0];
    compiled(at, gradient);
    (['r', 'alpha', 'a', 'b'] as const).forEach((name, i) => {
      const h = 1e-5 * at[name];
      const numeric = (compiled({ ...at, [name]: at[name] + h }) - compiled({ ...at, [name]: at[name] - h })) / (2 * h);
      expect(gradient[i]).to.be.closeTo(numeric, 1e-4 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('the interactive fit (BFGS) reproduces the published estimates as closely as the precise one', () => {
    const fit = fitBgNbd(customers, { precision: 'interactive' });
    expect(fit.converged).to.equal(true);
    expect(fit.evaluations).to.be.below(200);
    expect(relative(fit.params.r, 0.2425982)).to.be.below(1e-3);
    expect(relative(fit.params.alpha, 4.4136842)).to.be.below(1e-3);
    expect(relative(fit.params.a, 0.7929899)).to.be.below(1e-3);
    expect(relative(fit.params.b, 2.4261667)).to.be.below(1e-3);
    expect(fit.logLikelihood).to.be.closeTo(-9582.429, 0.01);
  });

  it('expectedPurchases() matches the paper: 1.444004 in 52 weeks and E[X(t)] at six horizons', () => {
    const fit = fitBgNbd(customers);
    expect(relative(expectedPurchases(PAPER, 52), 1.444004)).to.be.below(1e-4);
    expect(relative(expectedPurchases(fit.params, 52), 1.444004)).to.be.below(1e-3);
    const published: [number, number][] = [
      [0.1429, 0.0078],
      [1, 0.0532],
      [3, 0.1506],
      [31.8571, 1.0405],
      [32, 1.0437],
      [78, 1.8576],
    ];
    // Published to 4 decimals: within half a unit of the last digit, plus 1e-3 relative for the parameters' rounding.
    for (const [t, e] of published) expect(expectedPurchases(PAPER, t)).to.be.closeTo(e, 0.00005 + 1e-3 * e);
  });

  it('conditionalExpectedPurchases() = 25.75659 and probabilityAlive() = 0.9688523 for x = 26, t_x = 30.857143, T = 31', () => {
    expect(relative(conditionalExpectedPurchases(PAPER, 52, 26, 30.857143, 31), 25.75659)).to.be.below(1e-4);
    expect(relative(probabilityAlive(PAPER, 26, 30.857143, 31), 0.9688523)).to.be.below(1e-5);
    const { params } = fitBgNbd(customers);
    expect(relative(conditionalExpectedPurchases(params, 52, 26, 30.857143, 31), 25.75659)).to.be.below(1e-3);
    expect(relative(probabilityAlive(params, 26, 30.857143, 31), 0.9688523)).to.be.below(1e-3);
  });
});

describe('BG/NBD when nobody seems to drop out differently (the likelihood rises towards a, b → ∞)', () => {
  // Simulated: purchase rates from Gamma(r = 2, alpha = 4) (weekly), and the same dropout probability 0.02 after
  // every purchase for everyone: no heterogeneity in dropout, so the beta mixing distribution degenerates and the
  // maximum of the likelihood lies at infinity along a/(a + b) ≈ 0.02.
  const customers: BgNbdCustomer[] = [];
  let seed = 12345;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed + 0.5) / 2 ** 32;
  };
  const exponential = (rate: number) => -Math.log(uniform()) / rate;
  const gamma2 = (alpha: number) => (exponential(1) + exponential(1)) / alpha; // Gamma(2, alpha) as a sum of two
  for (let c = 0; c < 3000; c++) {
    const lambda = gamma2(4);
    const T = 5 + Math.floor(uniform() * 40);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += exponential(lambda);
      if (t > T) break;
      x++;
      tx = t;
      if (uniform() < 0.02) break;
    }
    customers.push({ x, tx: Math.round(tx * 7) / 7, T });
  }

  it('the interactive fit stops on the ridge quickly, as high as the precise search goes', () => {
    const quick = fitBgNbd(customers, { precision: 'interactive' });
    const precise = fitBgNbd(customers);
    expect(quick.evaluations).to.be.below(200);
    expect(quick.params.a / (quick.params.a + quick.params.b)).to.be.closeTo(0.02, 0.015);
    expect(quick.logLikelihood).to.be.at.least(precise.logLikelihood - 1e-3);
    // The purchase process is still recovered: the simulation's r = 2 and alpha = 4.
    expect(quick.params.r).to.be.closeTo(2, 0.2);
    expect(quick.params.alpha).to.be.closeTo(4, 0.5);
  });
});
