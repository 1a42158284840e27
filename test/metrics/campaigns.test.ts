import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop, SHOP } from '../fixtures/analytics-shop.js';
import {
  campaignCoverageSql,
  campaignPerformanceSql,
  campaignTotals,
  campaignTrendSql,
  campaignTrendTotals,
  spendIsUnsplit,
  type CampaignRow,
  type CampaignTrendRow,
} from '../../src/metrics/campaigns.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
const pick = (r: CampaignRow) => [
  r.key,
  r.days,
  round(r.spend),
  r.revenue,
  r.orders,
  r.profit,
  r.new_customers,
  round(r.roas),
  round(r.roi),
  round(r.cac),
  r.sessions,
  r.purchase_sessions,
];

describe('campaign SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  it('campaignPerformanceSql() gives spend, last-touch revenue, ROI, ROAS and CAC per campaign', async () => {
    const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(EMPTY_FILTERS, { withSessions: true }));
    // k1: o4 (100 + 20) + o5 (100 + 10) = 230 over 2 orders; cost 60 + 12 + 60 + 4 = 136, profit 94;
    //   ROAS 230 / 100 = 2.3; ROI (94 − 100) / 100 = −0.06; new customers: c4 (o5 is c4's first order; c1 bought
    //   in February) → CAC 100 / 1. Sessions S1 (a purchase) and S2.
    // k2: o6 L9 40 (L10 returned is not revenue) + o8 130 = 170 over 2 orders (o7 cancelled); cost 24 + 60 + 4 + 12
    //   = 100, profit 70; ROAS 0.85; ROI (70 − 200) / 200 = −0.65; new: c5 and c6 → CAC 100. Sessions S3 (bought), S4.
    // k3: June, nothing attributed: ROAS 0, ROI −1, no CAC. Largest spend first.
    expect(rows.map(pick)).to.deep.equal([
      ['k3', 30, 300, 0, 0, 0, 0, 0, -1, null, 0, 0],
      ['k2', 10, 200, 170, 2, 70, 2, 0.85, -0.65, 100, 2, 1],
      ['k1', 10, 100, 230, 2, 94, 1, 2.3, -0.06, 100, 2, 1],
    ]);
    expect(rows.map((r) => [r.name, r.channel, r.start_date, r.end_date, r.attribution])).to.deep.equal([
      ['Summer social', 'social', '2025-06-01', '2025-06-30', 'last-touch'],
      ['Search push', 'paid_search', '2025-03-06', '2025-03-15', 'last-touch'],
      ['Spring email', 'email', '2025-03-01', '2025-03-10', 'last-touch'],
    ]);
  });

  it('campaignPerformanceSql() spreads spend over the campaign days inside the date filter', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-08', dateTo: '2025-03-31' });
    const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(f, { withSessions: true }));
    // k1 runs 1–10 March: 3 of its 10 days inside → 30 of 100; no k1 order after 7 March.
    // k2 runs 6–15 March: 8 of 10 days → 160; o8 (12 March) 130, cost 76, profit 54: ROAS 130 / 160 = 0.8125,
    //   ROI (54 − 160) / 160 = −0.6625, new customer c6 → CAC 160; session S4 (9 March, no purchase).
    // k3 (June) neither overlaps nor earns: left out.
    expect(rows.map(pick)).to.deep.equal([
      ['k2', 8, 160, 130, 1, 54, 1, 0.8125, -0.6625, 160, 1, 0],
      ['k1', 3, 30, 0, 0, 0, 0, 0, -1, null, 0, 0],
    ]);
  });

  it('campaignPerformanceSql() narrows revenue, not spend, by category, and says spend is unsplit', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Books'] });
    const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(f));
    // Books lines: k1 L6 20 (cost 12); k2 L9 40 (cost 24) and L14 20 (cost 12), first orders of c5 and c6.
    expect(rows.map((r) => [r.key, r.spend, r.revenue, r.orders, r.profit, r.new_customers, r.sessions])).to.deep.equal(
      [
        ['k3', 300, 0, 0, 0, 0, null],
        ['k2', 200, 60, 2, 24, 2, null],
        ['k1', 100, 20, 1, 8, 0, null],
      ],
    );
    expect(spendIsUnsplit(f)).to.equal(true);
    expect(spendIsUnsplit(applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-01' }))).to.equal(false);
  });

  it('campaignTotals() sums spend, revenue, profit and new customers, and their ratios', async () => {
    const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(EMPTY_FILTERS));
    // Spend 300 + 200 + 100 = 600; revenue 0 + 170 + 230 = 400; profit 0 + 70 + 94 = 164; new customers 0 + 2 + 1.
    // ROAS 400 / 600; ROI (164 − 600) / 600 = −0.726667; CAC 600 / 3 = 200.
    const t = campaignTotals(rows);
    expect([t.spend, t.revenue, t.profit, t.newCustomers, round(t.roas), round(t.roi), t.cac]).to.deep.equal([
      600, 400, 164, 3, 0.666667, -0.726667, 200,
    ]);
    const byChannel = campaignTotals(
      await sql<CampaignRow>(engine, campaignPerformanceSql(EMPTY_FILTERS, { by: 'channel' })),
    );
    expect(byChannel).to.deep.equal(t);
    // A campaign of unknown profit leaves the total profit and ROI unknown; nothing spent, no ratio.
    const unknown = campaignTotals(rows.map((r) => (r.key === 'k1' ? { ...r, profit: null } : r)));
    expect([unknown.profit, unknown.roi, round(unknown.roas)]).to.deep.equal([null, null, 0.666667]);
    expect(campaignTotals([])).to.deep.include({ spend: 0, roas: null, roi: null, cac: null });
  });

  it('campaignPerformanceSql() rolls campaigns up by channel', async () => {
    const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(EMPTY_FILTERS, { by: 'channel' }));
    expect(rows.map((r) => [r.key, r.name, r.spend, r.revenue, r.new_customers])).to.deep.equal([
      ['social', 'social', 300, 0, 0],
      ['paid_search', 'paid_search', 200, 170, 2],
      ['email', 'email', 100, 230, 1],
    ]);
  });

  it('campaignPerformanceSql() leaves ROI unknown when an attributed line has no cost', async () => {
    const { engine: e2, close: c2 } = await openEngine(
      analyticsShop({
        rows: {
          // Headphones lose their cost.
          products: SHOP.products!.map((p) => (p.id === 'p1' ? { ...p, cost: null } : p)),
        },
      }),
    );
    try {
      const rows = await sql<CampaignRow>(e2, campaignPerformanceSql(EMPTY_FILTERS));
      // Headphones (p1) have no cost: k1 and k2 both sold them, so their profit and ROI are unknown; ROAS is not.
      expect(rows.map((r) => [r.key, r.profit, r.roi, r.roas])).to.deep.equal([
        ['k3', 0, -1, 0],
        ['k2', null, null, 0.85],
        ['k1', null, null, 2.3],
      ]);
    } finally {
      await c2();
    }
  });

  it('campaignTrendSql() gives monthly spend and attributed revenue per campaign', async () => {
    const rows = await sql(engine, campaignTrendSql(EMPTY_FILTERS, 'month'));
    expect(rows.map((r) => [r.bucket, r.key, r.spend, r.revenue, r.attribution])).to.deep.equal([
      ['2025-03-01', 'k1', 100, 230, 'last-touch'],
      ['2025-03-01', 'k2', 200, 170, 'last-touch'],
      ['2025-06-01', 'k3', 300, 0, 'last-touch'],
    ]);
  });

  it('campaignTrendSql() gives weekly spend per channel inside the date filter', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-03-08', dateTo: '2025-03-31' });
    const rows = await sql(engine, campaignTrendSql(f, 'week', { by: 'channel' }));
    // ISO weeks start on Monday 3 and 10 March. email (k1, 10 a day): 8–9 March → 20, 10 March → 10.
    // paid_search (k2, 20 a day): 8–9 March → 40, 10–15 March → 120, and o8 (12 March) 130.
    expect(rows.map((r) => [r.bucket, r.key, Math.round(Number(r.spend) * 1e6) / 1e6, r.revenue])).to.deep.equal([
      ['2025-03-03', 'email', 20, 0],
      ['2025-03-03', 'paid_search', 40, 0],
      ['2025-03-10', 'email', 10, 0],
      ['2025-03-10', 'paid_search', 120, 130],
    ]);
  });

  it('campaignTrendTotals() sums the campaigns per bucket and fills the buckets between with zeros', async () => {
    const rows = await sql<CampaignTrendRow>(engine, campaignTrendSql(EMPTY_FILTERS, 'month'));
    // March: k1 100 + k2 200 spent, 230 + 170 earned; June: k3 300 spent; April and May: nothing.
    expect(campaignTrendTotals(rows, 'month')).to.deep.equal([
      { bucket: '2025-03-01', spend: 300, revenue: 400 },
      { bucket: '2025-04-01', spend: 0, revenue: 0 },
      { bucket: '2025-05-01', spend: 0, revenue: 0 },
      { bucket: '2025-06-01', spend: 300, revenue: 0 },
    ]);
    const weeks = [
      { bucket: '2024-12-23', key: 'a', spend: 1, revenue: 2, attribution: 'last-touch' },
      { bucket: '2025-01-06', key: 'a', spend: 3, revenue: 0, attribution: 'last-touch' },
    ];
    expect(campaignTrendTotals(weeks, 'week').map((r) => [r.bucket, r.spend])).to.deep.equal([
      ['2024-12-23', 1],
      ['2024-12-30', 0],
      ['2025-01-06', 3],
    ]);
    expect(campaignTrendTotals([], 'day')).to.deep.equal([]);
  });

  it('campaignCoverageSql() counts the completed orders that name a campaign', async () => {
    const [all] = await sql(engine, campaignCoverageSql(EMPTY_FILTERS));
    // Completed orders: o1 o2 o4 o5 o6 o8 o9 o10 (o3 only returned, o7 cancelled); o4 o5 o6 o8 name a campaign.
    expect(all).to.deep.equal({ orders: 8, attributed: 4 });
  });

  it('campaignCoverageSql() finds no attribution when the files leave campaign_id out', async () => {
    const { engine: e2, close: c2 } = await openEngine(
      analyticsShop({ omit: { transactions: ['campaign_id'], page_events: ['campaign_id'] } }),
    );
    try {
      const [all] = await sql(e2, campaignCoverageSql(EMPTY_FILTERS));
      expect(all).to.deep.equal({ orders: 8, attributed: 0 });
      const rows = await sql<CampaignRow>(e2, campaignPerformanceSql(EMPTY_FILTERS, { withSessions: true }));
      expect(rows.map((r) => [r.key, r.revenue, r.sessions])).to.deep.equal([
        ['k3', 0, 0],
        ['k2', 0, 0],
        ['k1', 0, 0],
      ]);
    } finally {
      await c2();
    }
  });

  it('treats a category with a quote as a value, not as SQL', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ["Books' OR 1=1 --"] });
    const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(f));
    expect(rows.map((r) => r.revenue)).to.deep.equal([0, 0, 0]);
  });
});
