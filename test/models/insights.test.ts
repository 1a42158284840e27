import { expect } from '@open-wc/testing';
import { formatter } from '../../src/format/format.js';
import {
  escapeMarkdown,
  gmvChangeFinding,
  lateRateFinding,
  rank,
  segmentFinding,
  sellerChurnFinding,
  shareFinding,
  summaryMarkdown,
} from '../../src/models/insights.js';

const f = formatter('en-US', 'USD');

describe('insights model', () => {
  it('gmvChangeFinding(): "up 12%, led by Home" with the score = |change|', () => {
    // 1120 vs 1000: +12%; Home +100 is the biggest rise (Books +20).
    const x = gmvChangeFinding(
      [
        { category: 'Home', gmv: 600, gmv_prior: 500 },
        { category: 'Books', gmv: 520, gmv_prior: 500 },
      ],
      f,
    )!;
    expect(x.text).to.equal('GMV is up 12.0% vs the prior period, led by Home (+$100)');
    expect(x.link).to.deep.equal({ categories: ['Home'] });
    expect(x.score).to.be.closeTo(0.12, 1e-12);
    expect(gmvChangeFinding([{ category: 'Home', gmv: 101, gmv_prior: 100 }], f)).to.equal(null);
  });

  it('sellerChurnFinding(): "2.1× the average" for the category most above it', () => {
    // Overall 30 / 300 = 10%; Electronics 21 / 100 = 21% = 2.1×; Books 9 / 200 = 4.5%.
    const x = sellerChurnFinding(
      [
        { category: 'Electronics', active: 100, churned: 21 },
        { category: 'Books', active: 200, churned: 9 },
      ],
      f,
    )!;
    expect(x.text).to.equal('Seller churn in Electronics is 2.1× the average (21.0% vs 10.0%)');
    // magnitude 1.1, reach 100 / 300: 0.8 × 1.1 × 1/3 = 0.29333.
    expect(x.score).to.be.closeTo((0.8 * 1.1) / 3, 1e-12);
  });

  it('segmentFinding(): "Champions are 16% of customers and 42% of revenue"', () => {
    const x = segmentFinding(
      [
        { segment: 'Champions', customers: 16, revenue: 420 },
        { segment: 'Lost', customers: 84, revenue: 580 },
      ],
      f,
    )!;
    expect(x.text).to.equal('Champions are 16% of customers and 42% of revenue');
    expect(x.link).to.deep.equal({ segment: 'Champions' });
    // magnitude 0.42 / 0.16 − 1 = 1.625, reach 0.42: 0.6 × 1.625 × 0.42 = 0.4095.
    expect(x.score).to.be.closeTo(0.4095, 1e-12);
  });

  it('lateRateFinding() names the tier furthest over the 4% target; none when all are under', () => {
    const x = lateRateFinding(
      [
        { tier: 'gold', shipped: 100, late: 2 },
        { tier: 'bronze', shipped: 100, late: 10 },
      ],
      f,
    )!;
    expect(x.text).to.equal('Late shipments of the Bronze tier are 10.0%, 2.5× the 4% target');
    expect(x.linkLabel).to.equal('Show the Bronze tier');
    expect(lateRateFinding([{ tier: 'gold', shipped: 100, late: 4 }], f)).to.equal(null);
  });

  it('shareFinding() needs a share well above an even split', () => {
    // 2 categories, 60%: 0.6 × 2 − 1 = 0.2 < 0.3 → none; 70%: 0.4 → a finding.
    expect(
      shareFinding(
        'category-share',
        [
          { name: 'A', gmv: 60 },
          { name: 'B', gmv: 40 },
        ],
        f,
      ),
    ).to.equal(null);
    expect(
      shareFinding(
        'category-share',
        [
          { name: 'A', gmv: 70 },
          { name: 'B', gmv: 30 },
        ],
        f,
      )!.text,
    ).to.equal('A brings 70% of GMV');
  });

  it('rank() orders by score and drops nulls', () => {
    const a = shareFinding(
      'region-share',
      [
        { name: 'Texas', gmv: 90 },
        { name: 'Ohio', gmv: 10 },
      ],
      f,
    )!;
    const b = gmvChangeFinding(
      [
        { category: 'Home', gmv: 200, gmv_prior: 100 },
        { category: 'Toys', gmv: 0, gmv_prior: 0 },
      ],
      f,
    )!;
    expect(rank([a, null, b]).map((x) => x.kind)).to.deep.equal(['gmv-change', 'region-share']);
  });

  it('summaryMarkdown() lists the findings in order and escapes Markdown in data strings', () => {
    const x = shareFinding(
      'category-share',
      [
        { name: '<b>*Toys*</b>', gmv: 90 },
        { name: 'B', gmv: 10 },
      ],
      f,
    )!;
    const md = summaryMarkdown([x], 'All data', 'Jan 1, 2026');
    expect(md.split('\n').slice(0, 5)).to.deep.equal([
      '# Executive summary',
      '',
      'All data',
      '',
      '1. \\<b\\>\\*Toys\\*\\</b\\> brings 90% of GMV.',
    ]);
    expect(escapeMarkdown('a_b|c')).to.equal('a\\_b\\|c');
  });
});
