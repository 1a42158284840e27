import { expect } from '@open-wc/testing';
import { customerValues, type CustomerColumns } from '../../src/models/customer-value.js';
import { conditionalExpectedPurchases, probabilityAlive } from '../../src/models/bg-nbd.js';
import { customerLifetimeValue, expectedSpend } from '../../src/models/gamma-gamma.js';
import { parseNumericCsv, sharedText } from '../support/shared-data.js';

describe('customerValues() on the CDNOW sample', () => {
  let columns: CustomerColumns;
  before(async function () {
    const text = await sharedText('cdnow/cdnow_customers_summary_with_transactions.csv');
    if (!text) return this.skip();
    const rows = parseNumericCsv(text);
    const col = (f: (r: Record<string, number>) => number) => Float64Array.from(rows, f);
    columns = {
      x: col((r) => r.x),
      tx: col((r) => r.t_x),
      T: col((r) => r.T),
      mx: col((r) => r.zbar),
      monetary: col((r) => r.zbar * (r.x + 1)),
    };
  });

  it('fits both models and predicts each customer with the single-customer functions', () => {
    const v = customerValues(columns, { horizonWeeks: 52, discountRate: 0.01 });
    expect(v.problem).to.equal(null);
    expect(v.bgnbd!.params.r).to.be.closeTo(0.243, 0.0025);
    expect(v.gammaGamma!.params.p).to.be.closeTo(6.25, 0.06);
    const i = 0; // ID 1: x = 2, t_x = 30.43, T = 38.86, zbar = 22.35
    const bg = v.bgnbd!.params;
    expect(v.expected[i]).to.be.closeTo(conditionalExpectedPurchases(bg, 52, 2, 30.43, 38.86), 1e-12);
    expect(v.pAlive[i]).to.be.closeTo(probabilityAlive(bg, 2, 30.43, 38.86), 1e-12);
    const spend = expectedSpend(v.gammaGamma!.params, 2, 22.35);
    expect(v.spend[i]).to.be.closeTo(spend, 1e-12);
    expect(v.clv[i]).to.be.closeTo(
      customerLifetimeValue(bg, spend, 2, 30.43, 38.86, { horizonWeeks: 52, discountRate: 0.01 }),
      1e-9,
    );
  });
});

describe('customerValues() on degenerate input', () => {
  it('says why when nobody bought twice', () => {
    const one = Float64Array.of(0, 0, 0);
    const v = customerValues({
      x: one,
      tx: one,
      T: Float64Array.of(3, 4, 5),
      mx: one,
      monetary: Float64Array.of(10, 20, 30),
    });
    expect(v.problem).to.contain('bought twice');
    expect(Number.isNaN(v.clv[0])).to.equal(true);
  });
});
