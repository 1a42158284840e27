import { expect } from '@open-wc/testing';
import { formatter } from '../../src/format/format.js';
import {
  campaignRoiFinding,
  cohortChurnFinding,
  concentrationFinding,
  csatDropFinding,
  returnSpikeFinding,
  sellerTierGapFinding,
} from '../../src/models/finding-candidates.js';
import { fromInsight, rankFindings, type RankedFinding } from '../../src/models/findings.js';
import { gmvChangeFinding } from '../../src/models/insights.js';
import { RETURN_SPIKE_ROWS } from '../fixtures/return-spike.js';

const f = formatter('en-US', 'USD');

describe('ranked findings with their size, support and filter', () => {
  it('returnSpikeFinding() tests each category against its prior period, Bonferroni over the categories', () => {
    // Fashion 60/250 = 24% now vs 36/240 = 15%: pooled 96/490, se = √(0.19592 · 0.80408 · (1/250 + 1/240))
    // = 0.035868, z = 0.09 / se = 2.509, two-sided p = 0.0121, × 3 categories = 0.0363 < 0.05.
    // Books 5% vs 4.5% (z = 0.24) and Toys 10% vs 8% (z = 0.35): chance.
    const rows = RETURN_SPIKE_ROWS;
    const x = returnSpikeFinding(rows, f)!;
    expect(x.kind).to.equal('return-spike');
    // 9 points of $10,000 delivered: about $900 more returned.
    expect(x.text).to.equal(
      'Returns of Fashion rose to 24.0% from 15.0% in the prior period, about $900 more returned',
    );
    expect(x.size).to.deep.equal({ value: 0.24 - 0.15, unit: 'points', text: '+9.0 pts' });
    expect(x.support!.statistic).to.be.closeTo(2.5092, 1e-4);
    expect(x.support!.pValue).to.be.closeTo(3 * 0.012101, 1e-5);
    // Newcombe's interval from the two Wilson intervals: +2.0 to +15.9 points.
    expect(x.support!.text).to.equal(
      '+9.0 pts (95% CI +2.0 to +15.9), z = 2.51, p = 0.04 (Bonferroni over 3 categories)',
    );
    expect([x.filter, x.filterLabel]).to.deep.equal([{ categories: ['Fashion'] }, 'Show Fashion']);
    // Magnitude 0.24 / 0.15 − 1 = 0.6, reach 250 / 500 lines, weight 0.8: score 0.24.
    expect(x.score).to.be.closeTo(0.8 * 0.6 * 0.5, 1e-12);
    // At α = 0.03 the adjusted 0.036 fails (the raw 0.012 would have passed): no finding.
    expect(returnSpikeFinding(rows, f, { alpha: 0.03 })).to.equal(null);
    // A fall is not a spike.
    expect(returnSpikeFinding([{ ...rows[0], returned: 20 }], f)).to.equal(null);
  });

  it('cohortChurnFinding() uses distinct customers as the sample size, not customer-dates', () => {
    // Cohort A: 150 customer-dates of 100 customers, 90 churned (60%); B 120/300 of 200 (40%); C 60/150 of 100 (40%).
    // Effective counts: A 60 of 100; the rest 80 + 40 = 120 of 300 (40%). Pooled 180/400 = 0.45,
    // se = √(0.45 · 0.55 · (1/100 + 1/300)) = 0.057446, z = 0.2 / se = 3.4816 (with customer-dates it would be
    // 4.26), p = 0.000499, × 3 cohorts = 0.0015.
    const x = cohortChurnFinding(
      [
        { grp: '2024-11', customers: 100, active: 150, churned: 90 },
        { grp: '2024-12', customers: 200, active: 300, churned: 120 },
        { grp: '2025-01', customers: 100, active: 150, churned: 60 },
      ],
      f,
    )!;
    expect(x.text).to.equal('Customers of the Nov 2024 cohort churn at 60% vs 40% for the other cohorts');
    expect(x.support!.statistic).to.be.closeTo(3.4816, 1e-4);
    expect(x.support!.pValue).to.be.closeTo(3 * 0.00049851, 1e-7);
    expect([x.filter, x.filterLabel]).to.deep.equal([{ cohort: '2024-11' }, 'Show the Nov 2024 cohort']);
    // Reach: 100 of 400 customers; magnitude 0.6 / 0.4 − 1 = 0.5; weight 0.7.
    expect(x.score).to.be.closeTo(0.7 * 0.5 * 0.25, 1e-12);
  });

  it('sellerTierGapFinding() finds the tier worse than the others', () => {
    // new: 12 of 100 shipped late (12%) vs gold + silver 22 of 900 (2.44%): pooled 34/1000, se = 0.019103,
    // z = 0.095556 / se = 5.002, p = 5.7e-7 (× 3 tiers still < 0.0001). Silver 3% vs 3.7% is lower, gold 2% lower too: not gaps.
    const x = sellerTierGapFinding(
      [
        { tier: 'gold', n: 500, events: 10 },
        { tier: 'silver', n: 400, events: 12 },
        { tier: 'new', n: 100, events: 12 },
      ],
      'Late shipments',
      f,
    )!;
    expect(x.text).to.equal('Late shipments of the New tier: 12.0% vs 2.4% for the other tiers');
    expect(x.filterLabel).to.equal('Show the New tier');
    expect(x.support!.statistic).to.be.closeTo(5.0021, 1e-4);
    expect(x.support!.text).to.match(
      /^\+9\.6 pts \(95% CI \+4\.4 to \+17\.4\), z = 5\.00, p < 0\.0001 \(Bonferroni over 3 tiers\)$/,
    );
    expect(x.filter).to.deep.equal({ tiers: ['new'] });
    // Magnitude 0.12 / 0.02444 − 1 = 3.9, capped at 3; reach 0.1: 0.8 · 3 · 0.1.
    expect(x.score).to.be.closeTo(0.24, 1e-12);
  });

  it('csatDropFinding() compares the share of 4–5 answers with the prior period', () => {
    // gold: 48 of 80 satisfied (60%) now vs 80 of 100 (80%): pooled 128/180, se = 0.067987, z = −2.9417,
    // p = 0.003264, × 2 tiers = 0.0065. silver 40/50 vs 40/50: no drop.
    const now = [
      { grp: 'gold', rated: 80, csat_score: 0.6 },
      { grp: 'silver', rated: 50, csat_score: 0.8 },
    ];
    const before = [
      { grp: 'gold', rated: 100, csat_score: 0.8 },
      { grp: 'silver', rated: 50, csat_score: 0.8 },
    ];
    const x = csatDropFinding(now, before, 'tier', f)!;
    expect(x.text).to.equal('CSAT of the Gold tier fell to 60% from 80% in the prior period (answers of 4 or 5)');
    expect(x.filterLabel).to.equal('Show the Gold tier');
    expect(x.size.text).to.equal('−20.0 pts');
    expect(x.support!.statistic).to.be.closeTo(-2.9417, 1e-4);
    expect(x.support!.pValue).to.be.closeTo(2 * 0.0032637, 1e-6);
    expect(x.filter).to.deep.equal({ tiers: ['gold'] });
    // Magnitude 1 − 0.6 / 0.8 = 0.25, reach 80 / 130 answers, weight 0.8.
    expect(x.score).to.be.closeTo(0.8 * 0.25 * (80 / 130), 1e-12);
    // Overall: 88/130 vs 120/150, z = −2.35, p = 0.0188, one comparison; no filter narrows to "all".
    const all = csatDropFinding(
      [{ grp: 'All', rated: 130, csat_score: 88 / 130 }],
      [{ grp: 'All', rated: 150, csat_score: 0.8 }],
      'all',
      f,
    )!;
    expect(all.text).to.equal('CSAT fell to 68% from 80% in the prior period (answers of 4 or 5)');
    expect(all.support!.pValue).to.be.closeTo(0.018771, 1e-5);
    expect([all.filter, all.filterLabel]).to.deep.equal([null, '']);
  });

  it('campaignRoiFinding() flags the campaign whose log ROAS is a modified-z outlier', () => {
    // ROAS e^1, e^1.1, e^0.9, e^1.05, e^0.95, e^3 (spend 1,000 each). Logs' median (1 + 1.05) / 2 = 1.025;
    // deviations 0.025 0.075 0.125 0.025 0.075 1.975 → MAD 0.075; M(e³) = 0.6745 · 1.975 / 0.075 = 17.76, the
    // others at most 0.6745 · 0.125 / 0.075 = 1.12. Median ROAS (e + e^1.05) / 2 = 2.788.
    const logs = [1, 1.1, 0.9, 1.05, 0.95, 3];
    const rows = logs.map((l, i) => ({
      key: `k${i}`,
      name: `C${i}`,
      channel: 'email',
      start_date: '2025-03-01',
      end_date: '2025-03-10',
      spend: 1000,
      revenue: 1000 * Math.exp(l),
    }));
    const x = campaignRoiFinding(rows, f)!;
    expect(x.text).to.equal('Campaign C5 (email) returned 20.1× its spend, against a median of 2.8× over 6 campaigns');
    expect(x.support!.statistic).to.be.closeTo((0.6745 * 1.975) / 0.075, 1e-9);
    expect(x.support!.pValue).to.equal(null);
    expect(x.filter).to.deep.equal({ dateFrom: '2025-03-01', dateTo: '2025-03-10' });
    expect(x.filterLabel).to.equal('Show Mar 1, 2025 to Mar 10, 2025');
    // |20.09 / 2.788 − 1| = 6.2, capped at 3; reach 1/6 of spend; weight 0.7.
    expect(x.score).to.be.closeTo(0.7 * 3 * (1 / 6), 1e-12);
    // Four campaigns are too few to call one an outlier; without the outlier nothing stands out.
    expect(campaignRoiFinding(rows.slice(2), f)).to.equal(null);
    expect(campaignRoiFinding(rows.slice(0, 5), f)).to.equal(null);
  });

  it('concentrationFinding() gives the top 10% share with the Gini interval, no filter', () => {
    // 18 customers spent 10, two 410: the top 10% (2 of 20) hold 820 / 1,000. Gini: Σ (2i − 21) x / (20 · 1,000)
    // = (10 · (2 · 171 − 21 · 18) + 410 · (17 + 19)) / 20,000 = (−360 + 14,760) / 20,000 = 0.72.
    const values = [...Array.from({ length: 18 }, () => 10), 410, 410];
    const x = concentrationFinding(values, 'customers', f)!;
    expect(x.text).to.equal('The top 10% of customers bring 82% of GMV (Gini 0.72)');
    expect(x.support!.method).to.equal('jackknife interval');
    const [low, high] = x.support!.interval!;
    expect(low).to.be.below(0.72);
    expect(high).to.be.above(0.72);
    expect(x.filter).to.equal(null);
    // Even spending: nothing to say.
    expect(
      concentrationFinding(
        Array.from({ length: 30 }, () => 5),
        'sellers',
        f,
      ),
    ).to.equal(null);
  });

  it('rankFindings() orders every kind, insights included, by score, then by the smaller p-value', () => {
    const insight = fromInsight(
      gmvChangeFinding(
        [
          { category: 'A', gmv: 110, gmv_prior: 100 },
          { category: 'B', gmv: 100, gmv_prior: 100 },
        ],
        f,
      )!,
    );
    // GMV +5%: magnitude 0.05, reach 1, weight 1 → 0.05.
    expect(insight.score).to.be.closeTo(0.05, 1e-12);
    expect(insight).to.deep.include({ support: null, filter: { categories: ['A'] }, filterLabel: 'Show A' });
    const support = (pValue: number) => ({
      method: 'two-proportion z-test' as const,
      interval: null,
      statistic: 2,
      pValue,
      comparisons: 1,
      text: '',
    });
    const made = (text: string, score: number, pValue: number | null): RankedFinding => ({
      ...insight,
      text,
      score,
      support: pValue === null ? null : support(pValue),
    });
    const ranked = rankFindings([made('b', 0.3, 0.04), null, insight, made('a', 0.3, 0.001), made('c', 0.9, null)]);
    expect(ranked.map((x) => x.text)).to.deep.equal(['c', 'a', 'b', insight.text]);
    expect(rankFindings([insight, made('x', 1, null)], 1).map((x) => x.text)).to.deep.equal(['x']);
  });
});
