import { expect } from '@open-wc/testing';
import { churnFactors, churnFeatures } from '../../src/models/churn-factors.js';
import { averageRisk, fitChurnRisk, isHoldout, rankAtRisk, type ChurnExample } from '../../src/models/churn-risk.js';
import { fnv1a } from '../../src/models/logistic-regression.js';
import { earlyWarning, fitChurnModel } from '../../src/models/churn-model.js';
import { factorLabel } from '../../src/models/churn-factors.js';

/**
 * A hand-set model: only recency (β = 1) and frequency (β = −0.5) count, intercept 0 (the average customer's risk is
 * ½), on unit scales, centred on a customer 30 days away, with 2 purchase days, 100 spent, 365 days a customer.
 */
const model = {
  coefficients: [0, 1, -0.5, 0, 0],
  means: churnFeatures(30, 1, 100, 365 / 7),
  scales: [1, 1, 1, 1],
};

describe('churn risk: factors, one risk figure, the at-risk list', () => {
  it('churnFeatures() are the logs of recency, purchase days, spend and tenure in days', () => {
    const [r, f, m, t] = churnFeatures(30, 1, 100, 365 / 7);
    expect([Math.exp(r), Math.exp(f), Math.exp(m), Math.exp(t)].map((v) => Math.round(v * 1e9) / 1e9)).to.deep.equal([
      31, 2, 101, 366,
    ]);
  });

  it('churnFactors() are β·z per feature against the average customer, in plain words, largest first', () => {
    // 89 days away, a single purchase day (x = 0 repeats), 100 spent, 365 days a customer.
    // Recency: 1 · (ln 90 − ln 31) = ln(90/31) = 1.0658, raises. Frequency: −0.5 · (ln 1 − ln 2) = ½ ln 2 = 0.3466,
    // raises. Spend and tenure sit at the mean: 0, no effect.
    const factors = churnFactors(model, churnFeatures(89, 0, 100, 365 / 7));
    expect(factors.map((f) => f.feature)).to.deep.equal(['recency', 'frequency', 'monetary', 'tenure']);
    expect(factors[0].contribution).to.be.closeTo(Math.log(90 / 31), 1e-12);
    expect(factors[1].contribution).to.be.closeTo(0.5 * Math.log(2), 1e-12);
    expect(factors.map((f) => f.direction)).to.deep.equal(['raises', 'raises', 'none', 'none']);
    expect(factors[0].text).to.equal('89 days since the last purchase (typical 30) raises the risk');
    expect(factors[1].text).to.equal('a single purchase day (typical 2.0) raises the risk');
    expect(factors[2].text).to.equal('100 spent (typical 100) does not change the risk');
    // A frequent buyer: 5 purchase days lowers the risk by 0.5 · ln(5/2).
    const loyal = churnFactors(model, churnFeatures(30, 4, 100, 365 / 7), { limit: 1 });
    expect(loyal).to.have.length(1);
    expect(loyal[0]).to.deep.include({ feature: 'frequency', direction: 'lowers' });
    expect(loyal[0].contribution).to.be.closeTo(-0.5 * Math.log(2.5), 1e-12);
    expect(() => churnFactors(model, [1, 2])).to.throw(RangeError);
  });

  it('rankAtRisk() gives one risk whose log-odds are the factors summed, and lists by value at risk', () => {
    const money = (v: number) => `$${v}`;
    const list = rankAtRisk(
      model,
      [
        // A: log-odds ln(90/31) + ½ ln 2, so risk = 1 / (1 + (31/90) / √2) = 0.80414; revenue 200 → 160.83 at risk.
        { id: 'A', features: churnFeatures(89, 0, 100, 365 / 7), revenue: 200 },
        // B: the average customer, risk ½ exactly; revenue 500 → 250 at risk, so B leads.
        { id: 'B', features: model.means, revenue: 500 },
        // C: 10 days away, 2 purchase days: ln(11/31) < 0, risk 11/42 = 0.26 < ½: not listed.
        { id: 'C', features: churnFeatures(10, 1, 100, 365 / 7), revenue: 900 },
      ],
      { money },
    );
    expect(list.map((x) => x.id)).to.deep.equal(['B', 'A']);
    const a = list[1];
    expect(a.risk).to.be.closeTo(1 / (1 + 31 / 90 / Math.SQRT2), 1e-12);
    expect(a.valueAtRisk).to.be.closeTo(200 / (1 + 31 / 90 / Math.SQRT2), 1e-9);
    expect(a.why).to.equal('89 days since the last purchase (typical 30); a single purchase day (typical 2.0)');
    expect(list[0]).to.deep.include({ risk: 0.5, valueAtRisk: 250, why: '' });
    expect(averageRisk(model)).to.equal(0.5);
    // C enters with a lower bar: risk 1 / (1 + 31/11) = 11/42.
    const all = rankAtRisk(model, [{ id: 'C', features: churnFeatures(10, 1, 100, 365 / 7), revenue: 900 }], {
      minRisk: 0.2,
    });
    expect(all[0].risk).to.be.closeTo(11 / 42, 1e-12);
    expect(all[0].factors).to.deep.equal([]);
  });

  it('fitChurnRisk() trains on four fifths, checks on the fifth whose id hashes to 0 mod 5', () => {
    // 60 customers; those more than 60 days away churned. Recency separates the classes perfectly, so the holdout
    // ranks every churner above every stayer (AUC 1, PR-AUC 1) and the lift is 1 / base rate.
    const examples: ChurnExample[] = Array.from({ length: 60 }, (_, i) => ({
      id: `c${i}`,
      features: churnFeatures(5 + 3 * i, i % 4, 50 + 10 * (i % 7), 40),
      churned: 5 + 3 * i > 60,
    }));
    const fit = fitChurnRisk(examples);
    const held = examples.filter((e) => fnv1a(e.id) % 5 === 0);
    expect(held.length).to.be.above(3);
    expect(examples.filter((e) => isHoldout(e.id))).to.deep.equal(held);
    expect([fit.train, fit.holdout]).to.deep.equal([60 - held.length, held.length]);
    const baseRate = held.filter((e) => e.churned).length / held.length;
    expect(fit.quality!.baseRate).to.equal(baseRate);
    expect(fit.quality!.auc).to.equal(1);
    expect(fit.quality!.prAuc).to.equal(1);
    expect(fit.quality!.topShareLift).to.be.closeTo(1 / baseRate, 1e-12);
    // All of one class: no model, and no quality to report.
    const none = fitChurnRisk(examples.map((e) => ({ ...e, churned: true })));
    expect(none).to.deep.include({ model: null, quality: null });
  });

  it('earlyWarning() scores only customers not churned yet, counts them, and lists by value at risk', () => {
    // The hand-set model above, a 60-day window. Columns: x = repeat purchase days, T in weeks, recency in days.
    // A: 89 days away ≥ 60: already churned, not scored.
    // B: the average customer: risk ½ exactly (listed: the bar is ≥ ½); revenue 100 → 50 at risk.
    // C: 59 days away, a single purchase day, 300 spent: log-odds ln(60/31) + ½ ln 2, odds (60/31)·√2 = 2.73716,
    //    risk 2.73716 / 3.73716 = 0.73242; 300 → 219.73 at risk, so C leads.
    // D: 10 days away, 2 purchase days: odds 11/31, risk 11/42 = 0.262 < ½: scored, not at risk.
    const customers = {
      ids: ['A', 'B', 'C', 'D'],
      recencyDays: Float64Array.from([89, 30, 59, 10]),
      columns: {
        x: Float64Array.from([0, 1, 0, 1]),
        tx: Float64Array.from([0, 10, 0, 20]),
        T: Float64Array.from([365 / 7, 365 / 7, 365 / 7, 365 / 7]),
        mx: Float64Array.from([0, 50, 0, 50]),
        monetary: Float64Array.from([900, 100, 300, 100]),
      },
    };
    const w = earlyWarning(model, customers, 60, 8);
    expect([w.active, w.atRiskCount]).to.deep.equal([3, 2]);
    expect(w.atRisk.map((c) => c.id)).to.deep.equal(['C', 'B']);
    const odds = (60 / 31) * Math.SQRT2;
    expect(w.atRisk[0].risk).to.be.closeTo(odds / (1 + odds), 1e-12);
    expect(w.atRisk[0].valueAtRisk).to.be.closeTo((300 * odds) / (1 + odds), 1e-9);
    expect(w.atRisk[0].daysSinceLast).to.equal(59);
    const money = (v: number) => `R$ ${v}`;
    expect(w.atRisk[0].factors.map((f) => factorLabel(f.feature, f.value, f.typical, money))).to.deep.equal([
      '59 days since the last purchase (typical 30)',
      'a single purchase day (typical 2.0)',
    ]);
    // The list is cut to its size; the count is not.
    const one = earlyWarning(model, customers, 60, 1);
    expect([one.atRisk.length, one.atRiskCount, one.active]).to.deep.equal([1, 2, 3]);
  });

  it('fitChurnModel() trains on the customers active at the cut-off only, so its base rate is their churn rate', () => {
    // 30 customers, window 60 days. At the cut-off, c0 … c5 had been away 100 days or more (already churned: left
    // out); c6 … c29 were active (away 5 … 51 days). Now, the active ones with an even number came back (recency 10),
    // the odd ones did not (recency 70 ≥ 60): 12 of 24 churned, whichever fifth is held out the labels are theirs.
    const n = 30;
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    const earlierRecency = ids.map((_, i) => (i < 6 ? 100 + i : 5 + 2 * (i - 6)));
    const nowRecency = ids.map((_, i) => (i < 6 ? 160 : i % 2 === 0 ? 10 : 70));
    const col = (f: (i: number) => number) => Float64Array.from(ids, (_, i) => f(i));
    const columns = {
      x: col((i) => i % 3),
      tx: col((i) => i % 3),
      T: col(() => 30),
      mx: col(() => 20),
      monetary: col((i) => 50 + i),
    };
    const customers = { ids, recencyDays: Float64Array.from(nowRecency), columns };
    const earlier = {
      ...columns,
      index: Int32Array.from(ids, (_, i) => i),
      recencyDays: Float64Array.from(earlierRecency),
    };
    const fit = fitChurnModel(customers, earlier, 60);
    expect(fit.train + fit.holdout).to.equal(24);
    const held = ids.filter((id, i) => i >= 6 && isHoldout(id));
    expect(fit.holdout).to.equal(held.length);
    const churnedHeld = held.filter((id) => Number(id.slice(1)) % 2 === 1).length;
    expect(fit.holdoutRate).to.equal(churnedHeld / held.length);
  });
});
