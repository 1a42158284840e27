import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import {
  cohortActivitySql,
  cohortMatrix,
  type CohortActivityRow,
  type CohortOptions,
} from '../../src/metrics/cohorts.js';
import { applyFilterPatch, EMPTY_FILTERS, type FilterState } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

describe('cohort SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  const matrix = async (filters: FilterState, options: CohortOptions, lastMonth = '2025-03', complete = true) =>
    cohortMatrix(
      options.entity,
      await sql<CohortActivityRow & Record<string, unknown>>(engine, cohortActivitySql(filters, options)),
      options.periods,
      lastMonth,
      complete,
    );
  const pick = (m: Awaited<ReturnType<typeof matrix>>) =>
    m.rows.map((r) => [r.cohort, r.size, r.cells.map((c) => (c.observed ? c.active : null))]);

  it('cohortActivitySql() puts customers in the month of their first completed purchase', async () => {
    // Completed lines: c1 Jan 10 and Feb 3; c2 Jan 15 and Mar 5; c3 Feb 20 (its Feb 10 order was returned);
    // c4 Mar 10 (its Feb 25 order was cancelled). January cohort {c1, c2}: Feb active c1, Mar active c2.
    const m = await matrix(EMPTY_FILTERS, { entity: 'customers', periods: 3 });
    expect(pick(m)).to.deep.equal([
      ['2025-01', 2, [2, 1, 1]],
      ['2025-02', 1, [1, 0, null]],
      ['2025-03', 1, [1, null, null]],
    ]);
    expect(m.rows[0].cells.map((c) => c.retention)).to.deep.equal([1, 0.5, 0.5]);
  });

  it('cohortMatrix() weights the average by cohort size over the cohorts observed in each period', async () => {
    const m = await matrix(EMPTY_FILTERS, { entity: 'customers', periods: 3 });
    // Period 1: January 1 of 2 + February 0 of 1 = 1/3 (March is not observed in April). Period 2: January only.
    expect(m.average.map((c) => c.retention)).to.deep.equal([1, 1 / 3, 0.5]);
  });

  it('cohortMatrix() marks the cells of a last month held in part, and the average where all its cells are', async () => {
    // March counted in part: January's month 2, February's month 1 and March's month 0 are March. The average's
    // month 0 and 1 also weigh complete months (January's, February's); its month 2 is January's March alone.
    const m = await matrix(EMPTY_FILTERS, { entity: 'customers', periods: 3 }, '2025-03', false);
    expect(m.rows.map((r) => r.cells.map((c) => c.partial))).to.deep.equal([
      [false, false, true],
      [false, true, false],
      [true, false, false],
    ]);
    expect(m.average.map((c) => c.partial)).to.deep.equal([false, false, true]);
    const whole = await matrix(EMPTY_FILTERS, { entity: 'customers', periods: 3 });
    expect(whole.rows.flatMap((r) => r.cells).some((c) => c.partial)).to.be.false;
  });

  it('revenue retention divides each month by the cohort revenue of month 0', async () => {
    const m = await matrix(EMPTY_FILTERS, { entity: 'customers', periods: 3 });
    // January cohort: 100 + 40 = 140 in January, 20 (c1) in February, 100 (c2) in March.
    expect(m.rows[0].cells.map((c) => c.revenueRetention)).to.deep.equal([1, 20 / 140, 100 / 140]);
  });

  it('churn by month k counts members with no completed purchase from month k to the end of the window', async () => {
    const m = await matrix(EMPTY_FILTERS, { entity: 'customers', periods: 3 });
    // c1 last buys in period 1, c2 in period 2: by month 2 only c1 has churned. c3 never came back.
    expect(m.rows[0].cells.map((c) => c.churn)).to.deep.equal([0, 0, 0.5]);
    expect(m.rows[1].cells.map((c) => c.churn)).to.deep.equal([0, 1, null]);
  });

  it('seller cohorts start at the first completed sale', async () => {
    // s1: t1 Jan, t5 Feb, t7 Mar; s2: t2 Jan, t3 Feb; s3: only t8 in March completes (t4 returned, t6 cancelled).
    const m = await matrix(EMPTY_FILTERS, { entity: 'sellers', periods: 3 });
    expect(pick(m)).to.deep.equal([
      ['2025-01', 2, [2, 2, 1]],
      ['2025-03', 1, [1, null, null]],
    ]);
  });

  it('the date range restricts members and activity; a cohort month before it has no members', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-01', dateTo: '2025-03-31' });
    const m = await matrix(f, { entity: 'customers', periods: 3 });
    expect(pick(m)).to.deep.equal([
      ['2025-02', 1, [1, 0, null]],
      ['2025-03', 1, [1, null, null]],
    ]);
  });

  it('a category filter counts only matching lines, members included', async () => {
    // Electronics: t1 (c1, Jan), t5 (c3, Feb), t7 (c2, Mar). c2's first purchase (Jan) was a book: not a member.
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Electronics'] });
    const m = await matrix(f, { entity: 'customers', periods: 3 });
    expect(pick(m)).to.deep.equal([
      ['2025-01', 1, [1, 0, 0]],
      ['2025-02', 1, [1, 0, null]],
    ]);
  });

  it('ignores the cohort filter (the heatmap draws every cohort)', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { cohort: '2025-02' });
    const m = await matrix(f, { entity: 'customers', periods: 2 });
    expect(m.rows.map((r) => r.cohort)).to.deep.equal(['2025-01', '2025-02', '2025-03']);
  });
});
