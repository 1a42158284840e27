import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { churnReferenceDates, churnSql, interPurchaseGapsSql } from '../../src/metrics/churn.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

type ChurnRow = { ref_date: string; active: number; churned: number; rate: number | null };
type GroupRow = { grp: string; customers: number; active: number; churned: number; rate: number | null };

describe('churn SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  it('churnReferenceDates() keeps month starts whose N days back and ahead lie in the data', () => {
    // Data 10 Jan – 10 Mar, N = 20: 1 Feb (back to 12 Jan, ahead to 20 Feb) fits; 1 Mar would need 20 Mar.
    expect(churnReferenceDates('2025-01-10', '2025-03-10', '2025-01-10', '2025-03-10', 20)).to.deep.equal([
      '2025-02-01',
    ]);
    expect(churnReferenceDates('2025-01-10', '2025-03-10', '2025-01-10', '2025-03-10', 30)).to.deep.equal([]);
    expect(churnReferenceDates('2024-01-15', '2024-04-01', '2023-01-01', '2025-01-01', 30)).to.deep.equal([
      '2024-02-01',
      '2024-03-01',
      '2024-04-01',
    ]);
  });

  it('churnSql() counts customers active in the N days before each date and gone in the N days after', async () => {
    const rows = await sql<ChurnRow>(
      engine,
      churnSql(EMPTY_FILTERS, { days: 30, refDates: ['2025-02-01', '2025-03-01'] }),
    );
    // 1 Feb: active in [2 Jan, 1 Feb): c1 (10 Jan), c2 (15 Jan). In [1 Feb, 3 Mar): c1 (3 Feb) returns, c2 (5 Mar) does not → 1 of 2.
    // 1 Mar: active in [30 Jan, 1 Mar): c1 (3 Feb), c3 (20 Feb; its 10 Feb order was returned). Neither buys in
    // [1 Mar, 31 Mar) → 2 of 2 (c2 and c4 buy in March but were not active before).
    expect(rows).to.deep.equal([
      { ref_date: '2025-02-01', active: 2, churned: 1, rate: 0.5 },
      { ref_date: '2025-03-01', active: 2, churned: 2, rate: 1 },
    ]);
  });

  it('churnSql() by segment and by cohort pools the reference dates', async () => {
    const bySegment = await sql<GroupRow>(
      engine,
      churnSql(EMPTY_FILTERS, { days: 30, refDates: ['2025-02-01', '2025-03-01'], by: 'segment' }),
    );
    // c1 At Risk: active twice, churned on 1 Mar; c2 Champions: active and churned on 1 Feb; c3 About To Sleep: 1 of 1.
    // `customers` counts each customer once: c1's two active dates are one customer.
    expect(bySegment).to.deep.equal([
      { grp: 'About To Sleep', customers: 1, active: 1, churned: 1, rate: 1 },
      { grp: 'At Risk', customers: 1, active: 2, churned: 1, rate: 0.5 },
      { grp: 'Champions', customers: 1, active: 1, churned: 1, rate: 1 },
    ]);
    const byCohort = await sql<GroupRow>(
      engine,
      churnSql(EMPTY_FILTERS, { days: 30, refDates: ['2025-02-01', '2025-03-01'], by: 'cohort' }),
    );
    // Cohort 2025-01 = c1, c2: 3 active customer-dates of 2 customers, 2 churned. 2025-02 = c3: 1 of 1.
    expect(byCohort).to.deep.equal([
      { grp: '2025-01', customers: 2, active: 3, churned: 2, rate: 2 / 3 },
      { grp: '2025-02', customers: 1, active: 1, churned: 1, rate: 1 },
    ]);
  });

  it('churnSql() applies the category filter to what counts as a purchase', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Electronics'] });
    const rows = await sql<ChurnRow>(engine, churnSql(f, { days: 30, refDates: ['2025-02-01'] }));
    // Electronics purchases: c1 10 Jan, c3 20 Feb, c2 5 Mar. 1 Feb: c1 active, no Electronics in [1 Feb, 3 Mar) → churned.
    expect(rows).to.deep.equal([{ ref_date: '2025-02-01', active: 1, churned: 1, rate: 1 }]);
  });

  it('interPurchaseGapsSql() counts the days between consecutive purchase days, whatever the date filter', async () => {
    // Completed purchase days: c1 10 Jan, 3 Feb → 24 days; c2 15 Jan, 5 Mar → 16 + 28 + 5 = 49 days; c3 only 20 Feb
    // (10 Feb was returned); c4 only 10 Mar (25 Feb was cancelled): no gap.
    const all = await sql(engine, interPurchaseGapsSql(EMPTY_FILTERS));
    expect(all).to.deep.equal([
      { gap_days: 24, gaps: 1 },
      { gap_days: 49, gaps: 1 },
    ]);
    // A March-only window would cut both gaps: the cycle is read over the whole history.
    const march = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01', dateTo: '2025-03-31' });
    expect(await sql(engine, interPurchaseGapsSql(march))).to.deep.equal(all);
    // Electronics purchases: c1 10 Jan, c3 20 Feb, c2 5 Mar, one each: no gap.
    const electronics = applyFilterPatch(EMPTY_FILTERS, { categories: ['Electronics'] });
    expect(await sql(engine, interPurchaseGapsSql(electronics))).to.deep.equal([]);
  });

  it('a reference date without active customers still gets a row', async () => {
    const rows = await sql<ChurnRow>(engine, churnSql(EMPTY_FILTERS, { days: 5, refDates: ['2025-01-05'] }));
    expect(rows).to.deep.equal([{ ref_date: '2025-01-05', active: 0, churned: 0, rate: null }]);
  });
});

describe('churn rates equal an independent SQL computation', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(manyCustomersDataset()));
  });
  after(() => close());

  it('month by month for N = 30 and N = 45', async () => {
    for (const days of [30, 45]) {
      const refDates = churnReferenceDates('2025-01-01', '2025-06-30', '2025-01-01', '2025-06-30', days);
      expect(refDates.length).to.be.above(2);
      const ours = await sql<ChurnRow>(engine, churnSql(EMPTY_FILTERS, { days, refDates }));
      // Written from the definition with EXISTS over the raw transactions.
      const theirs = await sql<ChurnRow>(
        engine,
        `WITH refs AS (SELECT unnest([${refDates.map((d) => `DATE '${d}'`).join(', ')}]) AS d),
          done AS (SELECT * FROM transactions WHERE status = 'completed'),
          active AS (
            SELECT r.d, c.id, NOT EXISTS (SELECT 1 FROM done t WHERE t.customer_id = c.id AND t.order_date >= r.d AND t.order_date < r.d + ${days}) AS gone
            FROM refs r, customers c
            WHERE EXISTS (SELECT 1 FROM done t WHERE t.customer_id = c.id AND t.order_date >= r.d - ${days} AND t.order_date < r.d)
          )
        SELECT strftime(r.d, '%Y-%m-%d') AS ref_date, count(a.id)::INTEGER AS active, count(a.id) FILTER (WHERE a.gone)::INTEGER AS churned,
          (count(a.id) FILTER (WHERE a.gone) / nullif(count(a.id), 0))::DOUBLE AS rate
        FROM refs r LEFT JOIN active a ON a.d = r.d GROUP BY r.d ORDER BY r.d`,
      );
      expect(ours).to.deep.equal(theirs);
      expect(ours.some((r) => r.active > 0)).to.equal(true);
    }
  });
});
