import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { oneTimeBuyersDataset, orderLinesDataset } from '../fixtures/one-time-buyers.js';
import { sharedText } from '../support/shared-data.js';
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

  it('rfmSql() scores recency, purchase days and revenue of completed orders against quintile breaks', async () => {
    const rows = await sql<RfmRow>(engine, rfmSql(EMPTY_FILTERS));
    // Window end = last order day 2025-03-10. Completed: c1 10 Jan 100 + 3 Feb 20; c2 15 Jan 40 + 5 Mar 100;
    // c3 20 Feb 100 (10 Feb returned); c4 10 Mar 100 (25 Feb cancelled).
    // Breaks = 20/40/60/80th percentiles, type 7: h = 3p over the sorted values, so at h = 0.6, 1.2, 1.8, 2.4.
    // Recency 0, 5, 18, 35 → 3, 7.6, 15.4, 24.8; R = 5 − breaks exceeded: c4 5, c2 4, c3 2, c1 1.
    // Days 1, 1, 2, 2 → 1, 1.2, 1.8, 2; F = 1 + breaks exceeded: c3 and c4 1, c1 and c2 4.
    // Revenue 100, 100, 120, 140 → 100, 104, 116, 128: c3 and c4 1, c1 4, c2 5.
    // Rules: c1 (1,4,4) At Risk; c2 (4,4,5) Champions; c3 (2,1,1) About To Sleep; c4 (5,1,1) Potential Loyalist.
    expect(
      rows.map((r) => [r.customer_id, r.recency, r.frequency, r.monetary, r.r_score, r.f_score, r.m_score, r.segment]),
    ).to.deep.equal([
      ['c1', 35, 2, 120, 1, 4, 4, 'At Risk'],
      ['c2', 5, 2, 140, 4, 4, 5, 'Champions'],
      ['c3', 18, 1, 100, 2, 1, 1, 'About To Sleep'],
      ['c4', 0, 1, 100, 5, 1, 1, 'Potential Loyalist'],
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
    expect(rows.map((r) => r.segment)).to.deep.equal(['At Risk', 'Champions', 'About To Sleep', 'Potential Loyalist']);
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
    // Revenue 460 in all: Champions (c2) 140 / 460.
    const champions = rows.find((r) => r.segment === 'Champions')!;
    expect(champions.customers).to.equal(1);
    expect(champions.revenue_share).to.be.closeTo(140 / 460, 1e-12);
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

/** R's default quantile (type 7: linear between order statistics) of ascending values. */
function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
}

/** The rfm package's scores, written from its definition: 1 + breaks exceeded (recency: 5 − breaks exceeded). */
function quintileScores(values: readonly number[], descending = false): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks = [0.2, 0.4, 0.6, 0.8].map((p) => quantile7(sorted, p));
  return values.map((v) => {
    const above = breaks.filter((b) => v > b).length;
    return descending ? 5 - above : 1 + above;
  });
}

/** The rule table of REFERENCE.md spelled out by hand. */
function ruleSegment(r: number, f: number, m: number): string {
  const within = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
  if (r >= 4 && f >= 4 && m >= 4) return 'Champions';
  if (r >= 2 && f >= 3 && m >= 3) return 'Loyal Customers';
  if (r >= 3 && f <= 3 && m <= 3) return 'Potential Loyalist';
  if (r >= 4 && f === 1 && m === 1) return 'New Customers';
  if (within(r, 3, 4) && f === 1 && m === 1) return 'Promising';
  if (within(r, 2, 3) && within(f, 2, 3) && within(m, 2, 3)) return 'Need Attention';
  if (within(r, 2, 3) && f <= 2 && m <= 2) return 'About To Sleep';
  if (r <= 2 && f >= 2 && m >= 2) return 'At Risk';
  if (r === 1 && f >= 4 && m >= 4) return "Can't Lose Them";
  if (r <= 2 && f <= 2 && m <= 2) return 'Lost';
  return 'Others';
}

type Raw = { id: string; rec: number; freq: number; mon: number };

/** Each customer's segment from raw values, by the functions above: id → segment. */
function independentSegments(raw: readonly Raw[]): Map<string, string> {
  const r = quintileScores(
    raw.map((c) => c.rec),
    true,
  );
  const f = quintileScores(raw.map((c) => c.freq));
  const m = quintileScores(raw.map((c) => c.mon));
  return new Map(raw.map((c, i) => [c.id, ruleSegment(r[i], f[i], m[i])]));
}

/** Recency, purchase days and revenue straight from the raw tables (no kit SQL). */
function rawSql(filter: string, end: string): string {
  return `SELECT t.customer_id AS id, (${end} - max(t.order_date))::INTEGER AS rec,
      count(DISTINCT t.order_date)::INTEGER AS freq, sum(t.revenue)::DOUBLE AS mon
    FROM transactions t JOIN products p ON p.id = t.product_id
    WHERE t.status = 'completed' ${filter} GROUP BY 1 ORDER BY 1`;
}

async function kitSegments(engine: QueryEngine, text: string): Promise<Map<string, string>> {
  const rows = await sql<{ customer_id: string; segment: string }>(engine, text);
  return new Map(rows.map((r) => [r.customer_id, r.segment]));
}

describe('RFM segments equal an independent computation of the rfm package definition', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(manyCustomersDataset()));
  });
  after(() => close());

  it('over all the data', async () => {
    const ours = await kitSegments(engine, rfmSql(EMPTY_FILTERS));
    const raw = await sql<Raw>(engine, rawSql('', `(SELECT max(order_date) FROM transactions)`));
    expect(ours).to.deep.equal(independentSegments(raw));
    expect(new Set(ours.values()).size).to.be.above(3);
    expect(ours.size).to.equal(
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
    const raw = await sql<Raw>(
      engine,
      rawSql(
        `AND t.order_date BETWEEN DATE '2025-02-01' AND DATE '2025-05-31' AND p.category IN ('Books', 'Toys')`,
        `DATE '2025-05-31'`,
      ),
    );
    expect(await kitSegments(engine, rfmSql(f))).to.deep.equal(independentSegments(raw));
  });

  it('the segment table is the same computation over all the data', async () => {
    const table = await kitSegments(engine, 'SELECT customer_id, segment FROM mkt_customer_segments');
    const raw = await sql<Raw>(engine, rawSql('', `(SELECT max(order_date) FROM transactions)`));
    expect(table).to.deep.equal(independentSegments(raw));
  });
});

describe('RFM on repeat-poor data: equal values get equal scores', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(oneTimeBuyersDataset()));
  });
  after(() => close());

  it('scores the one-time buyers by hand (test/fixtures/one-time-buyers.ts)', async () => {
    const rows = await sql<RfmRow>(engine, rfmSql(EMPTY_FILTERS));
    // Breaks at h = 9p over the sorted values (h = 1.8, 3.6, 5.4, 7.2):
    // recency 0 0 1 6 10 10 30 30 58 89 → 0.8, 8.4, 18, 35.6; R = 5 − breaks exceeded.
    // purchase days 1 ×8, 2, 3 → 1, 1, 1, 1.2: everyone who bought once has F = 1, the two who came back F = 5.
    // revenue 20 20 20 50 50 50 100 100 200 200 → 20, 50, 70, 120; M = 1 + breaks exceeded.
    expect(rows.map((r) => [r.customer_id, r.r_score, r.f_score, r.m_score, r.segment])).to.deep.equal([
      ['a01', 5, 1, 2, 'Potential Loyalist'],
      ['a02', 5, 1, 2, 'Potential Loyalist'],
      ['a03', 3, 1, 2, 'Potential Loyalist'],
      ['a04', 3, 1, 1, 'Potential Loyalist'],
      ['a05', 2, 1, 1, 'About To Sleep'],
      ['a06', 2, 1, 4, 'Others'],
      ['a07', 1, 1, 4, 'Others'],
      ['a08', 1, 1, 1, 'Lost'],
      ['a09', 4, 5, 5, 'Champions'],
      ['a10', 4, 5, 5, 'Champions'],
    ]);
  });

  it("relabelling the customers and reversing the rows changes no one's scores or segment", async () => {
    // z10 … z01: the id order reversed, and every table listed backwards.
    const rename = (id: string) => `z${String(11 - Number(id.slice(1))).padStart(2, '0')}`;
    const other = await openEngine(oneTimeBuyersDataset({ rename, reverse: true }));
    try {
      const scores = (r: RfmRow) => `${r.r_score}${r.f_score}${r.m_score} ${r.segment}`;
      const before = new Map((await sql<RfmRow>(engine, rfmSql(EMPTY_FILTERS))).map((r) => [r.customer_id, scores(r)]));
      const after = new Map(
        (await sql<RfmRow>(other.engine, rfmSql(EMPTY_FILTERS))).map((r) => [r.customer_id, scores(r)]),
      );
      for (const [id, value] of before) expect(after.get(rename(id)), id).to.equal(value);
      const table = await kitSegments(other.engine, 'SELECT customer_id, segment FROM mkt_customer_segments');
      for (const [id, value] of before) expect(table.get(rename(id)), id).to.equal(value.slice(4));
    } finally {
      await other.close();
    }
  });
});

describe('RFM segments of many customers do not depend on their ids or row order', () => {
  it('relabelled and reversed, every customer keeps their segment', async () => {
    const rename = (id: string) => `m${String(100 - Number(id.slice(1))).padStart(3, '0')}`;
    const a = await openEngine(manyCustomersDataset());
    const b = await openEngine(manyCustomersDataset({ rename, reverse: true }));
    try {
      const before = await kitSegments(a.engine, rfmSql(EMPTY_FILTERS));
      const after = await kitSegments(b.engine, rfmSql(EMPTY_FILTERS));
      expect(after.size).to.equal(before.size);
      for (const [id, segment] of before) expect(after.get(rename(id)), id).to.equal(segment);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('RFM on Olist 2017 (99.5 % bought once; needs ../shared/data/olist-2017-subset)', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  let raw: Raw[] = [];

  before(async function () {
    const texts = await Promise.all(
      ['orders.csv', 'order_items.csv', 'customers.csv'].map((f) => sharedText(`olist-2017-subset/${f}`)),
    );
    if (texts.some((t) => t === null)) return this.skip();
    const [orders, items, customers] = texts.map((t) => {
      const [header, ...lines] = t!.trim().split(/\r?\n/);
      const names = header.split(',');
      return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
    });
    // Completed = delivered (the converter's mapping); a customer is a customer_unique_id; the window ends on the
    // last purchase day of the whole file (any status), as the kit's does.
    const person = new Map(customers.map((c) => [c.customer_id, c.customer_unique_id]));
    const orderOf = new Map(orders.map((o) => [o.order_id, o]));
    const lines = items.map((item) => {
      const o = orderOf.get(item.order_id)!;
      return {
        customer: person.get(o.customer_id)!,
        day: o.order_purchase_timestamp.slice(0, 10),
        revenue: Number(item.price),
        completed: o.order_status === 'delivered',
      };
    });
    const end = lines.reduce((d, l) => (l.day > d ? l.day : d), '');
    const per = new Map<string, { days: Set<string>; mon: number; last: string }>();
    for (const l of lines.filter((l) => l.completed)) {
      const c = per.get(l.customer) ?? { days: new Set<string>(), mon: 0, last: '' };
      c.days.add(l.day);
      c.mon += l.revenue;
      if (l.day > c.last) c.last = l.day;
      per.set(l.customer, c);
    }
    raw = [...per].map(([id, c]) => ({
      id,
      rec: (Date.parse(end) - Date.parse(c.last)) / 86_400_000,
      freq: c.days.size,
      mon: c.mon,
    }));
    ({ engine, close } = await openEngine(orderLinesDataset(lines)));
  });
  after(() => close?.());

  it('scores equal values alike: no one-time buyer is a Champion, and the segments match the definition', async () => {
    const rows = await sql<RfmRow>(engine, rfmSql(EMPTY_FILTERS));
    const once = rows.filter((r) => r.frequency === 1);
    expect(once.length / rows.length).to.be.above(0.99);
    expect(new Set(once.map((r) => r.f_score))).to.deep.equal(new Set([1]));
    expect(rows.filter((r) => r.segment === 'Champions' && r.frequency === 1)).to.have.length(0);
    expect(rows.filter((r) => r.segment === 'Champions').length).to.be.above(0);
    const ours = new Map(rows.map((r) => [r.customer_id, r.segment]));
    const theirs = independentSegments(raw);
    expect(ours.size).to.equal(theirs.size);
    const differing = [...theirs].filter(([id, segment]) => ours.get(id) !== segment);
    expect(differing).to.deep.equal([]);
  });
});
