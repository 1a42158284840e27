import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { rfmSegmentSummarySql, rfmSql } from '../../src/metrics/rfm.js';
import { customerSummarySql } from '../../src/metrics/customer-summary.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { whereClause } from '../../src/metrics/filter-sql.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

type RfmRow = {
  customer_id: string;
  recency: number;
  frequency: number;
  monetary: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: string;
};

describe('RFM SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  it('rfmSql() scores recency, purchase days and revenue of completed orders and applies the rule table', async () => {
    const rows = await sql<RfmRow>(engine, rfmSql(EMPTY_FILTERS));
    // Window end = last order day 2025-03-10. Completed: c1 10 Jan 100 + 3 Feb 20; c2 15 Jan 40 + 5 Mar 100;
    // c3 20 Feb 100 (10 Feb returned); c4 10 Mar 100 (25 Feb cancelled).
    // With 4 customers ntile(5) gives 1..4. R by recency desc: c1 35 d → 1, c3 18 → 2, c2 5 → 3, c4 0 → 4.
    // F by days then id: c3 1 → 1, c4 1 → 2, c1 2 → 3, c2 2 → 4. M: c3 100 → 1, c4 100 → 2, c1 120 → 3, c2 140 → 4.
    // Rules: c1 (1,3,3) At Risk; c2 (3,4,4) Loyal; c3 (2,1,1) About To Sleep; c4 (4,2,2) Potential Loyalist.
    expect(
      rows.map((r) => [r.customer_id, r.recency, r.frequency, r.monetary, r.r_score, r.f_score, r.m_score, r.segment]),
    ).to.deep.equal([
      ['c1', 35, 2, 120, 1, 3, 3, 'At Risk'],
      ['c2', 5, 2, 140, 3, 4, 4, 'Loyal Customers'],
      ['c3', 18, 1, 100, 2, 1, 1, 'About To Sleep'],
      ['c4', 0, 1, 100, 4, 2, 2, 'Potential Loyalist'],
    ]);
  });

  it("rfmSql() counts recency to the date filter's last day and ignores the segment filter", async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { dateTo: '2025-02-28', segment: 'Champions' });
    const rows = await sql<RfmRow>(engine, rfmSql(f));
    // Up to 28 Feb: c1 last bought 3 Feb (25 days), c2 15 Jan (44), c3 20 Feb (8); c4 has no completed order.
    expect(rows.map((r) => [r.customer_id, r.recency])).to.deep.equal([
      ['c1', 25],
      ['c2', 44],
      ['c3', 8],
    ]);
  });

  it('mkt_customer_segments holds the all-data segment of every customer', async () => {
    const rows = await sql<{ customer_id: string; segment: string }>(
      engine,
      'SELECT customer_id, segment FROM mkt_customer_segments ORDER BY 1',
    );
    expect(rows.map((r) => r.segment)).to.deep.equal([
      'At Risk',
      'Loyal Customers',
      'About To Sleep',
      'Potential Loyalist',
    ]);
  });

  it("the segment filter keeps the order lines and sessions of that segment's customers only", async () => {
    const where = whereClause(applyFilterPatch(EMPTY_FILTERS, { segment: 'At Risk' }));
    const orders = await sql<{ c: string }>(engine, `SELECT DISTINCT customer_id AS c FROM mkt_orders ${where}`);
    // c1 is the one "At Risk" customer (above); every one of its lines counts, cancelled ones too.
    expect(orders.map((r) => r.c)).to.deep.equal(['c1']);
    const sessions = await sql<{ c: string | null }>(
      engine,
      `SELECT DISTINCT customer_id AS c FROM mkt_sessions ${where}`,
    );
    // c1's sessions are S2 and S4 (the fixture's header).
    expect(sessions.map((r) => r.c)).to.deep.equal(['c1']);
    const count = await sql<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM mkt_sessions ${where}`);
    expect(count[0].n).to.equal(2);
    const none = await sql(
      engine,
      `SELECT 1 FROM mkt_orders ${whereClause(applyFilterPatch(EMPTY_FILTERS, { segment: "No Such Segment's" }))}`,
    );
    expect(none).to.have.length(0);
  });

  it('rfmSegmentSummarySql() gives customers, revenue share, mean frequency and recency per segment', async () => {
    const rows = await sql<{ segment: string; customers: number; revenue_share: number }>(
      engine,
      rfmSegmentSummarySql(EMPTY_FILTERS),
    );
    // Revenue 460 in all: Loyal (c2) 140 / 460.
    const loyal = rows.find((r) => r.segment === 'Loyal Customers')!;
    expect(loyal.customers).to.equal(1);
    expect(loyal.revenue_share).to.be.closeTo(140 / 460, 1e-12);
    expect(rows.reduce((s, r) => s + r.customers, 0)).to.equal(4);
  });

  it('customerSummarySql() gives x, t_x and T in weeks, and the mean of the repeat purchases', async () => {
    const rows = await sql<{ customer_id: string; x: number; tx: number; T: number; mx: number; recency_days: number }>(
      engine,
      customerSummarySql(EMPTY_FILTERS, { end: '2025-03-10' }),
    );
    // c1: 10 Jan, 3 Feb → x 1, t_x 24 d, T 59 d, mx 20. c2: 15 Jan, 5 Mar → x 1, t_x 49 d, T 54 d, mx 100.
    // c3: one purchase 20 Feb → x 0, T 18 d. c4: 10 Mar → T 0.
    expect(rows.map((r) => [r.customer_id, r.x, r.tx * 7, r.T * 7, r.mx, r.recency_days])).to.deep.equal([
      ['c1', 1, 24, 59, 20, 35],
      ['c2', 1, 49, 54, 100, 5],
      ['c3', 0, 0, 18, 0, 18],
      ['c4', 0, 0, 0, 0, 0],
    ]);
  });
});

describe('RFM segment counts equal an independent SQL computation', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(manyCustomersDataset()));
  });
  after(() => close());

  /**
   * Written from the definition without the kit's code: raw tables, quintiles from row_number (the first
   * n mod 5 groups hold ⌊n/5⌋ + 1 customers), and the rule table spelled out by hand.
   */
  function independent(filter: string, end: string): string {
    const bucket = (col: string) => `CASE WHEN ${col} <= rem * (q + 1) THEN (${col} - 1) // (q + 1) + 1
      ELSE rem + (${col} - rem * (q + 1) - 1) // q + 1 END`;
    return `WITH c AS (
        SELECT t.customer_id AS id, (${end} - max(t.order_date)) AS rec, count(DISTINCT t.order_date) AS freq, sum(t.revenue) AS mon
        FROM transactions t JOIN products p ON p.id = t.product_id
        WHERE t.status = 'completed' ${filter} GROUP BY 1
      ), n AS (SELECT count(*) // 5 AS q, count(*) % 5 AS rem FROM c),
      ranked AS (
        SELECT id, row_number() OVER (ORDER BY rec DESC, id) AS rr, row_number() OVER (ORDER BY freq, id) AS fr,
          row_number() OVER (ORDER BY mon, id) AS mr FROM c
      ),
      s AS (SELECT id, ${bucket('rr')} AS r, ${bucket('fr')} AS f, ${bucket('mr')} AS m FROM ranked, n)
      SELECT CASE
        WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 'Champions'
        WHEN r >= 2 AND f >= 3 AND m >= 3 THEN 'Loyal Customers'
        WHEN r >= 3 AND f <= 3 AND m <= 3 THEN 'Potential Loyalist'
        WHEN r >= 4 AND f = 1 AND m = 1 THEN 'New Customers'
        WHEN r IN (3, 4) AND f = 1 AND m = 1 THEN 'Promising'
        WHEN r IN (2, 3) AND f IN (2, 3) AND m IN (2, 3) THEN 'Need Attention'
        WHEN r IN (2, 3) AND f <= 2 AND m <= 2 THEN 'About To Sleep'
        WHEN r <= 2 AND f >= 2 AND m >= 2 THEN 'At Risk'
        WHEN r = 1 AND f >= 4 AND m >= 4 THEN 'Can''t Lose Them'
        WHEN r <= 2 AND f <= 2 AND m <= 2 THEN 'Lost'
        ELSE 'Others' END AS segment, count(*)::INTEGER AS customers
      FROM s GROUP BY 1 ORDER BY 1`;
  }

  it('over all the data', async () => {
    const ours = await sql<{ segment: string; customers: number }>(
      engine,
      `SELECT segment, count(*)::INTEGER AS customers FROM (${rfmSql(EMPTY_FILTERS)}) GROUP BY 1 ORDER BY 1`,
    );
    const theirs = await sql<{ segment: string; customers: number }>(
      engine,
      independent('', `(SELECT max(order_date) FROM transactions)`),
    );
    expect(ours).to.deep.equal(theirs);
    expect(ours.length).to.be.above(3);
    expect(ours.reduce((s, r) => s + r.customers, 0)).to.equal(
      (
        await sql<{ n: number }>(
          engine,
          `SELECT count(DISTINCT customer_id)::INTEGER AS n FROM transactions WHERE status = 'completed'`,
        )
      )[0].n,
    );
  });

  it('with a date range and a category filter', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, {
      dateFrom: '2025-02-01',
      dateTo: '2025-05-31',
      categories: ['Books', 'Toys'],
    });
    const ours = await sql<{ segment: string; customers: number }>(
      engine,
      `SELECT segment, count(*)::INTEGER AS customers FROM (${rfmSql(f)}) GROUP BY 1 ORDER BY 1`,
    );
    const theirs = await sql<{ segment: string; customers: number }>(
      engine,
      independent(
        `AND t.order_date BETWEEN DATE '2025-02-01' AND DATE '2025-05-31' AND p.category IN ('Books', 'Toys')`,
        `DATE '2025-05-31'`,
      ),
    );
    expect(ours).to.deep.equal(theirs);
  });

  it('the segment table is the same computation over all the data', async () => {
    const table = await sql(
      engine,
      `SELECT segment, count(*)::INTEGER AS customers FROM mkt_customer_segments GROUP BY 1 ORDER BY 1`,
    );
    const theirs = await sql(engine, independent('', `(SELECT max(order_date) FROM transactions)`));
    expect(table).to.deep.equal(theirs);
  });
});
