import { expect } from '@open-wc/testing';
import { allFindings, supportInWords, type FindingInputs } from '../../src/models/finding-sources.js';
import { gmvChangeFinding, lateRateFinding } from '../../src/models/insights.js';
import { formatter } from '../../src/format/format.js';

const f = formatter('en-US', 'USD');

// A tiny marketplace worked out by hand. Score = weight × min(magnitude, 3) × reach (src/models/findings.ts).
// - Returns: Fashion 40 of 200 lines now, 10 of 200 before; Books 15 of 300 both times. Fashion rose 5% → 20%:
//   z = 0.15 / √(0.125 · 0.875 · 2/200) = 4.54, p ≈ 6e-6, × 2 categories, significant. Magnitude 0.20 / 0.05 − 1 = 3,
//   reach 200 / 500 = 0.4, weight 0.8: 0.96.
// - Customers: 18 spent 10, two 410: the top 10% hold 820 / 1,000 = 82%. Magnitude 0.82 / 0.1 − 1 = 7.2 → 3, reach
//   0.82, weight 0.3: 0.738. Sellers: 30 alike, no concentration.
// - Late shipments: gold 8 of 400 (2%), silver 30 of 100 (30%). Silver against the rest: 30% vs 2%, magnitude
//   0.30 / 0.02 − 1 = 14 → 3, reach 100 / 500 = 0.2, weight 0.8: 0.48. It replaces the late-rate insight on silver
//   (30%, 7.5× the 4% target).
// - GMV +5% (A 110 vs 100, B 100 vs 100): magnitude 0.05, reach 1, weight 1: 0.05.
// - No campaigns table, no support tickets: those two analyses are reported as not run.
const inputs: FindingInputs = {
  insights: [
    gmvChangeFinding(
      [
        { category: 'A', gmv: 110, gmv_prior: 100 },
        { category: 'B', gmv: 100, gmv_prior: 100 },
      ],
      f,
    ),
    lateRateFinding(
      [
        { tier: 'gold', shipped: 400, late: 8 },
        { tier: 'silver', shipped: 100, late: 30 },
      ],
      f,
    ),
    null,
  ],
  customerValues: [...Array.from({ length: 18 }, () => 10), 410, 410],
  sellerValues: Array.from({ length: 30 }, () => 5),
  lateByTier: [
    { tier: 'gold', n: 400, events: 8 },
    { tier: 'silver', n: 100, events: 30 },
  ],
  returns: [
    { name: 'Books', delivered: 300, returned: 15, delivered_prior: 300, returned_prior: 15 },
    { name: 'Fashion', delivered: 200, returned: 40, delivered_prior: 200, returned_prior: 10 },
  ],
  cohorts: [],
  campaigns: null,
  csat: null,
};

describe('allFindings()', () => {
  it('ranks the candidates of every analysis and the insights by one score, and names what it could not run', () => {
    const { findings, skipped } = allFindings(inputs, f);
    expect(findings.map((x) => [x.kind, Math.round(x.score * 1000) / 1000])).to.deep.equal([
      ['return-spike', 0.96],
      ['concentration', 0.738],
      ['seller-tier-gap', 0.48],
      ['gmv-change', 0.05],
    ]);
    expect(findings.map((x) => x.filter)).to.deep.equal([
      { categories: ['Fashion'] },
      null,
      { tiers: ['silver'] },
      { categories: ['A'] },
    ]);
    expect(findings[0].size.text).to.equal('+15.0 pts');
    expect(skipped).to.deep.equal([
      'campaign returns (no campaigns table)',
      'customer satisfaction (no support tickets table)',
    ]);
  });

  it('keeps the late-rate insight when no tier passes the test against the others', () => {
    const few = {
      ...inputs,
      lateByTier: [
        { tier: 'silver', n: 2, events: 1 },
        { tier: 'gold', n: 3, events: 0 },
      ],
    };
    const kinds = allFindings({ ...few, campaigns: [], csat: { now: [], prior: [] } }, f);
    expect(kinds.findings.map((x) => x.kind)).to.include('late-rate');
    expect(kinds.findings.map((x) => x.kind)).not.to.include('seller-tier-gap');
    expect(kinds.skipped).to.deep.equal([]);
  });
});

describe('supportInWords()', () => {
  it('says a test, an interval and an outlier score in plain words', () => {
    expect(
      supportInWords({
        method: 'two-proportion z-test',
        interval: [0.031, 0.093],
        statistic: 3.91,
        pValue: 0.0006,
        comparisons: 12,
        text: '',
      }),
    ).to.equal(
      'Chance alone would give a gap this large less than 1 in 1,000, allowing for the 12 groups compared; the true gap is likely +3.1 to +9.3 pts (95%).',
    );
    // p = 0.02: 1 / 0.02 = 50.
    expect(
      supportInWords({
        method: 'two-proportion z-test',
        interval: [-0.2, -0.05],
        statistic: -2.3,
        pValue: 0.02,
        comparisons: 1,
        text: '',
      }),
    ).to.equal(
      'Chance alone would give a gap this large about 1 in 50; the true gap is likely −20.0 to −5.0 pts (95%).',
    );
    expect(
      supportInWords({
        method: 'jackknife interval',
        interval: [0.61, 0.83],
        statistic: null,
        pValue: null,
        comparisons: 1,
        text: '',
      }),
    ).to.equal('The Gini coefficient is likely between 0.61 and 0.83 (95%).');
    expect(
      supportInWords({
        method: 'modified z-score',
        interval: null,
        statistic: -17.76,
        pValue: null,
        comparisons: 6,
        text: '',
      }),
    ).to.equal('17.8 robust standard deviations from the median of the 6 compared (beyond 3.5 counts as an outlier).');
    expect(supportInWords(null)).to.equal('A description of the data, not a test.');
  });
});
