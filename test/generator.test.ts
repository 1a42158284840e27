import { expect } from '@open-wc/testing';
import { tableFromIPC, type Table } from 'apache-arrow';
import { generateDatasetIPC, type DatasetIPC } from '../generator/core/write-dataset.js';
import { checkInvariants } from '../generator/report/invariants.js';
import { computeReport, type DatasetReport } from '../generator/report/stats.js';
import type { Tables } from '../generator/report/columns.js';
import { SCHEMA, SELLER_TIERS, TABLE_NAMES, type TableName } from '../src/schema/tables.js';
import { openEngine, sql } from './support/engine.js';
import { sellerHealthSql, type SellerHealthRow } from '../src/metrics/seller-health.js';
import { assessHealth } from '../src/models/health-score.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../src/data/filter-state.js';
import { campaignPerformanceSql, type CampaignRow } from '../src/metrics/campaigns.js';
import { campaignRoiFinding } from '../src/models/finding-candidates.js';
import { formatter } from '../src/format/format.js';

// Bands come from /work/shared/REFERENCE.md ("Realistic distributions", funnel and retention numbers), widened
// for the sampling noise of small scales; they are not read off the generator's output.

const decode = (ipc: DatasetIPC): Tables =>
  Object.fromEntries(TABLE_NAMES.map((t) => [t, tableFromIPC(ipc.tables[t])])) as Tables;
const column = (table: Table, name: string) => Array.from(table.getChild(name)!) as unknown[];
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('generator at scale 0.01', () => {
  let ipc: DatasetIPC;
  let tables: Tables;
  before(async () => {
    ipc = await generateDatasetIPC({ seed: 42, scale: 0.01 });
    tables = decode(ipc);
  });

  it('writes the same bytes for the same seed and scale, and other bytes for another seed', async () => {
    const again = await generateDatasetIPC({ seed: 42, scale: 0.01 });
    const other = await generateDatasetIPC({ seed: 43, scale: 0.01 });
    for (const t of TABLE_NAMES) {
      expect(sameBytes(again.tables[t], ipc.tables[t]), `${t} same seed`).to.equal(true);
      expect(sameBytes(other.tables[t], ipc.tables[t]), `${t} other seed`).to.equal(false);
    }
    expect(again.manifest).to.deep.equal(ipc.manifest);
  });

  it('has exact row counts for the entity tables and about the target for reviews and events', () => {
    expect(
      [tables.sellers, tables.products, tables.customers, tables.transactions].map((t) => t.numRows),
    ).to.deep.equal([5, 50, 500, 2000]);
    // Voluntary reviews: about 0.1 per line (generator/core/reviews.ts).
    expect(tables.reviews.numRows).to.be.within(120, 320);
    expect(tables.page_events.numRows).to.be.within(4000, 6000);
    for (const t of TABLE_NAMES) expect(ipc.manifest.tables[t]?.rows, t).to.equal(tables[t].numRows);
  });

  it('writes a manifest with the schema version, seed, scale and two years, 2024 and 2025', () => {
    expect(ipc.manifest).to.include({ schemaVersion: 1, seed: 42, scale: 0.01 });
    expect(ipc.manifest.dateRange).to.deep.equal({ start: '2024-01-01', end: '2025-12-31' });
    expect(ipc.manifest.tables.sellers).to.deep.include({ file: 'sellers.arrow', format: 'arrow', rows: 5 });
    // Each file's size, which the download's buffer is made to (src/data/fetch-bytes.ts).
    for (const t of TABLE_NAMES) expect(ipc.manifest.tables[t]?.bytes, t).to.equal(ipc.tables[t].byteLength);
    expect(ipc.manifest).not.to.have.property('plantedAnomalies');
  });

  it('uses the Arrow types that map to the DuckDB types of the schema', () => {
    const arrowName = {
      VARCHAR: 'Utf8',
      INTEGER: 'Int32',
      DOUBLE: 'Float64',
      DATE: 'Date32<DAY>',
      TIMESTAMP: 'Timestamp<MILLISECOND>',
      BOOLEAN: 'Bool',
    };
    for (const t of TABLE_NAMES) {
      expect(
        tables[t].schema.fields.map((f) => `${f.name} ${String(f.type)}`),
        t,
      ).to.deep.equal(SCHEMA[t].columns.map((c) => `${c.name} ${arrowName[c.type]}`));
    }
  });

  it('keeps every tier and every category present even at this scale', () => {
    expect(new Set(column(tables.sellers, 'tier'))).to.have.all.keys(...SELLER_TIERS);
    expect(new Set(column(tables.products, 'category')).size).to.be.within(10, 14);
  });

  it('keeps referential integrity: every foreign key points at an existing row', () => {
    const ids = (t: TableName) => new Set(column(tables[t], 'id'));
    const [sellers, products, customers, transactions] = [
      ids('sellers'),
      ids('products'),
      ids('customers'),
      ids('transactions'),
    ];
    expect(column(tables.products, 'seller_id').every((id) => sellers.has(id))).to.equal(true);
    for (const [col, set] of [
      ['customer_id', customers],
      ['seller_id', sellers],
      ['product_id', products],
    ] as const) {
      expect(
        column(tables.transactions, col).every((id) => set.has(id)),
        col,
      ).to.equal(true);
    }
    expect(column(tables.reviews, 'transaction_id').every((id) => transactions.has(id))).to.equal(true);
    expect(column(tables.page_events, 'customer_id').every((id) => id === null || customers.has(id))).to.equal(true);
  });

  it('writes reviews only of delivered lines, on or after the order, with its seller and product', () => {
    const tx = new Map(column(tables.transactions, 'id').map((id, i) => [id, i]));
    const [status, orderDate, seller, product] = ['status', 'order_date', 'seller_id', 'product_id'].map((c) =>
      column(tables.transactions, c),
    );
    const rv = tables.reviews;
    const [rvTx, rvDate, rvSeller, rvProduct] = ['transaction_id', 'review_date', 'seller_id', 'product_id'].map((c) =>
      column(rv, c),
    );
    for (let i = 0; i < rv.numRows; i++) {
      const t = tx.get(rvTx[i])!;
      expect(status[t]).to.not.equal('cancelled');
      expect(rvDate[i] as number).to.be.at.least(orderDate[t] as number);
      expect([rvSeller[i], rvProduct[i]]).to.deep.equal([seller[t], product[t]]);
    }
  });

  it('precedes each purchase event by a view, an add_to_cart and a checkout_start of that product', () => {
    const ev = tables.page_events;
    const [session, type, product, time] = ['session_id', 'event_type', 'product_id', 'event_time'].map((c) =>
      column(ev, c),
    );
    let purchases = 0;
    for (let i = 0; i < ev.numRows; i++) {
      if (type[i] !== 'purchase') continue;
      purchases++;
      for (const step of ['view', 'add_to_cart', 'checkout_start']) {
        const found = type.some(
          (t, j) =>
            t === step &&
            session[j] === session[i] &&
            product[j] === product[i] &&
            (time[j] as number) < (time[i] as number),
        );
        expect(found, `${step} before purchase in ${session[i]}`).to.equal(true);
      }
    }
    expect(purchases).to.be.greaterThan(0);
  });

  it('passes every invariant of the checker, and the checker catches a broken foreign key', () => {
    expect(checkInvariants(tables, ipc.manifest)).to.deep.equal([]);
    const broken = { ...tables, reviews: tables.reviews.slice(0, 0) };
    const wrongRows = checkInvariants(broken, ipc.manifest);
    expect(wrongRows.some((v) => v.startsWith('manifest row count'))).to.equal(true);
    const orphan = { ...tables, transactions: tables.transactions.slice(tables.transactions.numRows / 2) };
    expect(checkInvariants(orphan).some((v) => v.startsWith('review transaction exists'))).to.equal(true);
    const unpaid = { ...tables, payments: tables.payments.slice(1) };
    expect(checkInvariants(unpaid).some((v) => v.startsWith("an order's payments add up"))).to.equal(true);
    const unreturned = { ...tables, returns: tables.returns.slice(1) };
    expect(checkInvariants(unreturned).some((v) => v.startsWith('a returned line has a return'))).to.equal(true);
    const uncampaigned = { ...tables, campaigns: tables.campaigns.slice(0, 0) };
    expect(checkInvariants(uncampaigned).some((v) => v.startsWith('a credited line falls on its campaign'))).to.equal(
      true,
    );
    const lineless = { ...tables, transactions: tables.transactions.slice(0, 100) };
    expect(checkInvariants(lineless).some((v) => v.startsWith('a ticket names an order of its customer'))).to.equal(
      true,
    );
  });

  it('writes a dozen campaigns a year and tickets about orders, crediting orders and sessions last-touch', () => {
    const year = (column(tables.campaigns, 'start_date') as number[]).map((d) => new Date(d).getUTCFullYear());
    expect([year.filter((y) => y === 2024).length, year.filter((y) => y === 2025).length]).to.deep.equal([12, 12]);
    expect(new Set(column(tables.campaigns, 'channel'))).to.deep.equal(new Set(['email', 'social', 'paid_search']));
    expect(column(tables.transactions, 'campaign_id').filter((c) => c !== null).length).to.be.greaterThan(50);
    expect(column(tables.page_events, 'campaign_id').filter((c) => c !== null).length).to.be.greaterThan(100);
    // About 70 tickets per 1,000 orders (generator/core/support-tickets.ts): some dozens at this scale.
    expect(tables.support_tickets.numRows).to.be.within(40, 200);
    const csat = column(tables.support_tickets, 'csat').filter((c) => c !== null) as number[];
    expect(new Set(csat).size).to.equal(5);
  });

  it('loads into DuckDB with the column types of the schema', async () => {
    const { engine, close } = await openEngine({ manifest: ipc.manifest, files: ipc.tables });
    try {
      const described = await sql<{ column_name: string; column_type: string }>(engine, 'DESCRIBE transactions');
      expect(described.map((r) => `${r.column_name} ${r.column_type}`)).to.deep.equal(
        SCHEMA.transactions.columns.map((c) => `${c.name} ${c.type}`),
      );
      const [{ n }] = await sql<{ n: number }>(engine, 'SELECT count(*)::INTEGER AS n FROM page_events');
      expect(n).to.equal(tables.page_events.numRows);
    } finally {
      await close();
    }
  });
});

describe('generator distributions at scale 0.2', () => {
  let report: DatasetReport;
  before(async () => {
    report = computeReport(decode(await generateDatasetIPC({ seed: 7, scale: 0.2 })));
  });

  it('scales the entity tables linearly', () => {
    expect([report.rows.sellers, report.rows.products, report.rows.customers, report.rows.transactions]).to.deep.equal([
      100, 1000, 10000, 40000,
    ]);
  });

  it('concentrates seller GMV like Olist (top 10% ~60%, top 20% ~76%)', () => {
    expect(report.gmvShareTop.top10).to.be.within(0.45, 0.75);
    expect(report.gmvShareTop.top20).to.be.within(0.62, 0.88);
    expect(report.gmvShareByTier.gold).to.be.greaterThan(report.gmvShareByTier.bronze);
  });

  it('has J-shaped ratings: ~58% five stars, ~13% one star, mean ~4.0', () => {
    const [one, two, three, four, five] = report.ratingShares;
    expect(five).to.be.within(0.5, 0.66);
    expect(one).to.be.within(0.09, 0.17);
    expect(one).to.be.greaterThan(two);
    expect(five).to.be.greaterThan(four);
    expect(four).to.be.greaterThan(three);
    expect(report.ratingMean).to.be.within(3.8, 4.2);
    expect(report.sentimentByRating[4]).to.be.greaterThan(report.sentimentByRating[0]);
  });

  it('peaks on Black Friday at about 6x a median November day', () => {
    expect(report.blackFriday.date).to.equal('2025-11-28');
    expect(report.blackFriday.ratio).to.be.within(4, 8);
    expect(report.cyberWeekToSeason).to.be.within(1.5, 3);
  });

  it('follows the industry funnel: cart ~7-10%, checkout ~50%, purchase ~70%, conversion 2-4%', () => {
    expect(report.funnel.viewToCart).to.be.within(0.06, 0.11);
    expect(report.funnel.cartToCheckout).to.be.within(0.42, 0.58);
    expect(report.funnel.checkoutToPurchase).to.be.within(0.6, 0.8);
    expect(report.funnel.sessionConversion).to.be.within(0.02, 0.04);
  });

  it('has ~28% repeat buyers and month-1 cohort retention in the 5-15% band', () => {
    expect(report.repeatPurchaseRate).to.be.within(0.22, 0.34);
    expect(report.retention.month1).to.be.within(0.05, 0.17);
    expect(report.retention.month6).to.be.below(report.retention.month1 + 0.02);
  });

  it('returns ~8-12% and cancels ~1-2% of lines, and unhealthy sellers ship late more often', () => {
    expect(report.statusShares.returned).to.be.within(0.07, 0.14);
    // A marketplace whose typical seller meets Amazon's < 2.5% cancellation target.
    expect(report.statusShares.cancelled).to.be.within(0.008, 0.03);
    expect(report.lateRate).to.be.within(0.02, 0.1);
    const late = report.lateRateBySellerStatus;
    expect(Math.max(late.churned ?? 0, late.suspended ?? 0)).to.be.greaterThan(late.active);
  });

  it('lifts orders and sessions on campaign days, Black Friday week most credited', () => {
    const c = report.campaigns;
    expect(c.campaignsPerYear).to.deep.equal({ 2024: 12, 2025: 12 });
    // Campaign lifts of 2-12% (campaign-calendar.ts) over the 14 days around each campaign.
    expect(c.orderLift).to.be.within(1.03, 1.25);
    expect(c.sessionLift).to.be.within(1.03, 1.3);
    expect(c.creditedOrderShare).to.be.within(0.04, 0.15);
    expect(c.blackFridayCreditedShare).to.be.within(0.2, 0.5);
    // The planned ROAS runs from the dud's 0.1 to email's 9.
    expect(c.roasRange[0]).to.be.below(0.4);
    expect(c.roasRange[1]).to.be.above(6);
  });

  it('raises about 70 tickets per 1,000 orders, with CSAT lower in the December rush', () => {
    const t = report.tickets;
    // 2.5% of orders, plus 25% of those with a late line, 30% with a return, 15% cancelled (support-tickets.ts).
    expect(t.per1000Orders).to.be.within(50, 95);
    expect(t.csatMean).to.be.within(3.3, 4.2);
    expect(t.ratedShare).to.be.within(0.45, 0.6);
    expect(t.decemberCsatScore).to.be.below(t.csatScore);
    expect(t.reasons['return or refund']).to.be.greaterThan(t.reasons.cancellation);
  });
});

describe('generator orders, payments, returns, regions and seller health at scale 0.2', () => {
  let ipc: DatasetIPC;
  let tables: Tables;
  before(async () => {
    ipc = await generateDatasetIPC({ seed: 11, scale: 0.2 });
    tables = decode(ipc);
  });

  it('writes multi-line orders: most of one line, a tail to 5 and more', () => {
    const lines = new Map<unknown, number>();
    for (const id of column(tables.transactions, 'order_id')) lines.set(id, (lines.get(id) ?? 0) + 1);
    const sizes = [...lines.values()];
    const share = (f: (n: number) => boolean) => sizes.filter(f).length / sizes.length;
    expect(share((n) => n === 1)).to.be.within(0.6, 0.8);
    expect(share((n) => n >= 5)).to.be.within(0.001, 0.03);
    expect(tables.transactions.numRows / sizes.length).to.be.within(1.3, 1.6);
  });

  it('pays orders by card mostly, some in instalments, a few in two payments', () => {
    const method = column(tables.payments, 'method') as string[];
    const installments = column(tables.payments, 'installments') as number[];
    const count = (m: string) => method.filter((x) => x === m).length / method.length;
    expect(count('credit_card')).to.be.within(0.45, 0.65);
    expect(new Set(method).size).to.equal(5);
    expect(installments.every((n, i) => n >= 1 && (method[i] !== 'buy_now_pay_later' || n === 4))).to.equal(true);
    const orders = new Set(column(tables.payments, 'order_id')).size;
    expect(tables.payments.numRows / orders).to.be.within(1.01, 1.08);
  });

  it('returns mostly on fit in fashion and refunds at most the line', () => {
    const category = new Map(
      column(tables.products, 'id').map((id, i) => [id, column(tables.products, 'category')[i]]),
    );
    const line = new Map(column(tables.transactions, 'id').map((id, i) => [id, i]));
    const product = column(tables.transactions, 'product_id');
    const revenue = column(tables.transactions, 'revenue') as number[];
    const reasons = column(tables.returns, 'reason');
    const refunded = column(tables.returns, 'refunded') as number[];
    let fashion = 0;
    let fit = 0;
    column(tables.returns, 'transaction_id').forEach((id, i) => {
      const t = line.get(id)!;
      expect(refunded[i]).to.be.at.most(revenue[t]);
      if (category.get(product[t]) !== 'Fashion') return;
      fashion++;
      if (reasons[i] === 'wrong size or fit') fit++;
    });
    expect(fit / fashion).to.be.within(0.4, 0.65);
  });

  it('spreads customers over all 50 states, by population', () => {
    const region = column(tables.customers, 'region');
    expect(new Set(region).size).to.equal(50);
    // California is 39 of the US's 335 million.
    expect(region.filter((r) => r === 'California').length / region.length).to.be.within(0.1, 0.135);
  });

  it('tracks a sample of the orders in the clickstream: each purchase event names its order', () => {
    const orders = new Set(column(tables.transactions, 'order_id'));
    const type = column(tables.page_events, 'event_type');
    const named = column(tables.page_events, 'order_id').filter((_, i) => type[i] === 'purchase');
    expect(named.every((id) => orders.has(id))).to.equal(true);
    const tracked = new Set(named).size / orders.size;
    expect(tracked).to.be.closeTo(ipc.manifest.trackedOrderShare as number, 0.01);
  });

  it("feeds the findings: the year's dud campaign is a ROI outlier", async () => {
    const { engine, close } = await openEngine({ manifest: ipc.manifest, files: ipc.tables });
    try {
      const year = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-01-01', dateTo: '2025-12-31' });
      const rows = await sql<CampaignRow>(engine, campaignPerformanceSql(year));
      expect(rows).to.have.length(12);
      const finding = campaignRoiFinding(rows, formatter());
      expect(finding, 'a ROI outlier among the 2025 campaigns').not.to.equal(null);
      expect(finding?.text).to.match(/^Campaign Autumn influencers 2025 \(social\) returned only 0\.\d× its spend/);
      expect(finding?.filter).to.deep.equal({ dateFrom: '2025-09-15', dateTo: '2025-09-28' });
    } finally {
      await close();
    }
  });

  it('has most sellers Healthy against the published targets, few Critical', async () => {
    const { engine, close } = await openEngine({ manifest: ipc.manifest, files: ipc.tables });
    try {
      const rows = await sql<SellerHealthRow>(engine, sellerHealthSql(EMPTY_FILTERS, { withReviews: true }));
      const tiers = rows.map((r) => assessHealth(r).tier).filter((t) => t !== 'Not enough orders');
      const share = (t: string) => tiers.filter((x) => x === t).length / tiers.length;
      expect(tiers.length).to.be.greaterThan(50);
      expect(share('Healthy')).to.be.within(0.55, 0.85);
      expect(share('Critical')).to.be.below(0.15);
    } finally {
      await close();
    }
  });
});

describe('generator years', () => {
  it('covers more years by option, with a Black Friday peak in each', async () => {
    const ipc = await generateDatasetIPC({ seed: 3, scale: 0.01, years: 3 });
    expect(ipc.manifest.dateRange).to.deep.equal({ start: '2023-01-01', end: '2025-12-31' });
    const day = column(decode(ipc).transactions, 'order_date') as number[];
    const years = new Set(day.map((d) => new Date(d).getUTCFullYear()));
    expect([...years].sort()).to.deep.equal([2023, 2024, 2025]);
    // The default is back to two years for the next dataset.
    const again = await generateDatasetIPC({ seed: 3, scale: 0.01 });
    expect(again.manifest.dateRange?.start).to.equal('2024-01-01');
  });
});

describe('generator planted anomalies', () => {
  it('records the anomalies it plants and the GMV spike shows in its category', async () => {
    // Scale 0.1: over two years a category has a few orders a day, enough for a five-fold day to stand out.
    const ipc = await generateDatasetIPC({ seed: 5, scale: 0.1, plantAnomalies: true });
    const anomalies = ipc.manifest.plantedAnomalies as {
      metric: string;
      category?: string;
      start: string;
      kind: string;
    }[];
    expect(anomalies.map((a) => `${a.metric} ${a.kind}`)).to.deep.equal(['gmv spike', 'late_rate surge']);
    const spike = anomalies[0];
    const tables = decode(ipc);
    const category = new Map(
      column(tables.products, 'id').map((id, i) => [id, column(tables.products, 'category')[i]]),
    );
    const [product, day, revenue] = ['product_id', 'order_date', 'revenue'].map((c) => column(tables.transactions, c));
    const byDay = new Map<number, number>();
    product.forEach((p, i) => {
      if (category.get(p) === spike.category)
        byDay.set(day[i] as number, (byDay.get(day[i] as number) ?? 0) + (revenue[i] as number));
    });
    const values = [...byDay.values()].sort((a, b) => a - b);
    const median = values[values.length >> 1];
    expect(byDay.get(Date.parse(spike.start))! / median).to.be.greaterThan(3);
  });
});
