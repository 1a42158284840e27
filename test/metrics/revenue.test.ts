import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import {
  revenueTrendSql,
  trendRows,
  type Granularity,
  type TrendOptions,
  type TrendSums,
  type Window,
} from '../../src/metrics/revenue-trend.js';
import type { FilterState } from '../../src/data/filter-state.js';
import { categoryPerformanceSql, categoryValue, type CategoryRow } from '../../src/metrics/category-performance.js';
import { tierContributionSql } from '../../src/metrics/tier-contribution.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

describe('Revenue SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  const all = { from: '2025-01-10', to: '2025-03-10' };
  const trend = async (filters: FilterState, window: Window, g: Granularity, options: TrendOptions = {}) =>
    trendRows(await sql<TrendSums>(engine, revenueTrendSql(filters, window, g, options)), window, g, options);

  it('revenueTrendSql() sums completed GMV per calendar month, first and last month partial', async () => {
    const rows = await trend(EMPTY_FILTERS, all, 'month');
    // January: t1 100 + t2 40; February: t3 20 + t5 100 (t4 returned, t6 cancelled left out); March: t7 100 + t8 100.
    expect(rows.map((r) => [r.bucket, r.bucket_from, r.bucket_to, r.gmv, r.orders])).to.deep.equal([
      ['2025-01-01', '2025-01-10', '2025-01-31', 140, 2],
      ['2025-02-01', '2025-02-01', '2025-02-28', 120, 2],
      ['2025-03-01', '2025-03-01', '2025-03-10', 200, 2],
    ]);
    expect(rows.every((r) => r.gmv_prior === null)).to.equal(true);
  });

  it('revenueTrendSql() answers only the buckets with sales, each by its first day since 1970', async () => {
    const sums = await sql<TrendSums>(engine, revenueTrendSql(EMPTY_FILTERS, all, 'month'));
    // 1 January 2025 is day 20089 (55 years of 365 days and 14 leap days); February 20120, March 20148.
    expect(sums.map((r) => [r.day, r.gmv]).sort((a, b) => a[0] - b[0])).to.deep.equal([
      [20089, 140],
      [20120, 120],
      [20148, 200],
    ]);
  });

  it('trendRows() dates ISO weeks from Monday and months from the first, across a leap February and a new year', () => {
    const weeks = trendRows([], { from: '2023-12-30', to: '2024-01-09' }, 'week');
    // 30 Dec 2023 is a Saturday: its week starts on Monday 25 Dec; then 1 Jan and 8 Jan 2024 (both Mondays).
    expect(weeks.map((r) => [r.bucket, r.bucket_from, r.bucket_to])).to.deep.equal([
      ['2023-12-25', '2023-12-30', '2023-12-31'],
      ['2024-01-01', '2024-01-01', '2024-01-07'],
      ['2024-01-08', '2024-01-08', '2024-01-09'],
    ]);
    const months = trendRows(
      [{ day: 19754, gmv: 5, orders: 1, gmv_prior: null }],
      { from: '2024-01-15', to: '2024-03-02' },
      'month',
    );
    // Day 19754 is 1 February 2024 (19723 is 1 January 2024).
    expect(months.map((r) => [r.bucket, r.bucket_from, r.bucket_to, r.gmv])).to.deep.equal([
      ['2024-01-01', '2024-01-15', '2024-01-31', 0],
      ['2024-02-01', '2024-02-01', '2024-02-29', 5],
      ['2024-03-01', '2024-03-01', '2024-03-02', 0],
    ]);
    expect(months.every((r) => r.orders === (r.gmv ? 1 : 0) && r.gmv_prior === null)).to.equal(true);
  });

  it('revenueTrendSql() fills days without sales with zero', async () => {
    const rows = await trend(EMPTY_FILTERS, { from: '2025-03-04', to: '2025-03-06' }, 'day');
    // Only t7 (5 March, 100) falls in these three days.
    expect(rows.map((r) => [r.bucket, r.gmv])).to.deep.equal([
      ['2025-03-04', 0],
      ['2025-03-05', 100],
      ['2025-03-06', 0],
    ]);
  });

  it('revenueTrendSql() overlays the prior period shifted by its length, null before the data starts', async () => {
    const feb = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    const rows = await trend(feb, { from: '2025-02-01', to: '2025-02-28' }, 'week', {
      compare: true,
      dataStart: '2025-01-10',
    });
    // Weeks start on Monday: 27 Jan (holding 1–2 Feb), 3, 10, 17, 24 Feb. Prior = 4–31 Jan moved 28 days on:
    // t1 (10 Jan → 7 Feb) in the week of 3 Feb, t2 (15 Jan → 12 Feb) in the week of 10 Feb. The first week's
    // prior days (4–5 Jan) are before the first order (10 Jan): null, not zero.
    expect(rows.map((r) => [r.bucket, r.gmv, r.gmv_prior])).to.deep.equal([
      ['2025-01-27', 0, null],
      ['2025-02-03', 20, 100],
      ['2025-02-10', 0, 40],
      ['2025-02-17', 100, 0],
      ['2025-02-24', 0, 0],
    ]);
    expect([rows[0].bucket_from, rows[4].bucket_to]).to.deep.equal(['2025-02-01', '2025-02-28']);
  });

  it('revenueTrendSql() applies the category filter', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys'] });
    const rows = await trend(f, all, 'month');
    // Toys completed: only t8 (10 March, 100).
    expect(rows.map((r) => r.gmv)).to.deep.equal([0, 0, 100]);
  });

  it('categoryPerformanceSql() gives GMV, completed lines and session conversion per category', async () => {
    const rows = await sql<CategoryRow>(engine, categoryPerformanceSql(EMPTY_FILTERS, { withSessions: true }));
    // Electronics t1 t5 t7 = 300; Books t2 t3 = 60; Toys t8 = 100. Sessions by first product: Electronics S1, S4
    // (both purchase); Books S2, S5; Toys S3.
    expect(rows).to.deep.equal([
      { category: 'Books', gmv: 60, orders: 2, sessions: 2, purchases: 0 },
      { category: 'Electronics', gmv: 300, orders: 3, sessions: 2, purchases: 2 },
      { category: 'Toys', gmv: 100, orders: 1, sessions: 1, purchases: 0 },
    ]);
    expect(categoryValue(rows[1], 'conversion')).to.equal(1);
    expect(categoryValue(rows[0], 'conversion')).to.equal(0);
  });

  for (const categories of [undefined, 3])
    it(`categoryPerformanceSql() ignores the category filter but applies the others (categories: ${categories})`, async () => {
      const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Books'], regions: ['Texas'] });
      const rows = await sql<CategoryRow>(engine, categoryPerformanceSql(f, { withSessions: true, categories }));
      // Texas customers c2, c3: t2 Books 40, t5 and t7 Electronics 200; sessions S1 (c3, Electronics, purchase) and
      // S3 (c3, Toys); Toys has a session but no completed sale.
      expect(rows).to.deep.equal([
        { category: 'Books', gmv: 40, orders: 1, sessions: 0, purchases: 0 },
        { category: 'Electronics', gmv: 200, orders: 2, sessions: 1, purchases: 1 },
        { category: 'Toys', gmv: 0, orders: 0, sessions: 1, purchases: 0 },
      ]);
    });

  it('categoryPerformanceSql() without sessions leaves conversion null', async () => {
    const rows = await sql<CategoryRow>(engine, categoryPerformanceSql(EMPTY_FILTERS, { withSessions: false }));
    expect(rows.map((r) => [r.category, r.sessions])).to.deep.equal([
      ['Books', null],
      ['Electronics', null],
      ['Toys', null],
    ]);
    expect(categoryValue(rows[0], 'conversion')).to.equal(null);
  });

  it('tierContributionSql() sums completed GMV per tier per month', async () => {
    const rows = await sql(engine, tierContributionSql(EMPTY_FILTERS, all, 'month'));
    // gold s1: 100 each month; silver s2: t2 40 (Jan), t3 20 (Feb); new s3: t8 100 (Mar), t4/t6 not completed.
    expect(rows.map((r) => [r.bucket, r.tier, r.gmv])).to.deep.equal([
      ['2025-01-01', 'gold', 100],
      ['2025-01-01', 'silver', 40],
      ['2025-02-01', 'gold', 100],
      ['2025-02-01', 'silver', 20],
      ['2025-03-01', 'gold', 100],
      ['2025-03-01', 'new', 100],
    ]);
  });

  it('tierContributionSql() applies the tier filter and the window', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { tiers: ['silver'] });
    const rows = await sql(engine, tierContributionSql(f, { from: '2025-02-01', to: '2025-03-10' }, 'week'));
    // Silver from 1 February: t3 (3 Feb, a Monday, 20).
    expect(rows.map((r) => [r.bucket, r.tier, r.gmv])).to.deep.equal([['2025-02-03', 'silver', 20]]);
  });
});
