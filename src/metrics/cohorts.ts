import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { num } from './sql.js';
import { COMPLETED } from './orders.js';

/** Whose cohorts: customers (cohort = month of first completed purchase) or sellers (month of first completed sale). */
export type CohortEntity = 'customers' | 'sellers';
/** What a cell shows: share of members active, revenue relative to month 0, or share churned by that month. */
export type CohortMeasure = 'retention' | 'revenue' | 'churn';

export const COHORT_ENTITIES: readonly CohortEntity[] = ['customers', 'sellers'];
export const COHORT_MEASURES: readonly CohortMeasure[] = ['retention', 'revenue', 'churn'];

export interface CohortOptions {
  readonly entity: CohortEntity;
  /** Periods 0 .. periods − 1 are returned. */
  readonly periods: number;
}

/**
 * Cohort activity, one row per (cohort, period) for periods 0 .. periods − 1:
 * `size` (members), `active` (members with ≥ 1 completed line in month cohort + period), `revenue` (their
 * completed revenue that month), `churned` (members with no completed line from month cohort + period to the end
 * of the window).
 *
 * - A customer's cohort is `mkt_orders.cohort`: the month of the first completed purchase over all the data.
 *   A seller's cohort is the month of the first completed sale over all the data (not the join date: a seller who
 *   joined and never sold is not yet a member of any marketplace cohort, and "active = ≥ 1 sale" makes period 0
 *   100% by construction, as for customers).
 * - Every filter except the cohort filter restricts the completed order lines counted (the date range included):
 *   a cohort's members are those with a matching line in their cohort month, so period 0 is always 100%, and
 *   they count as active in month k when they have a matching line in that month. A cohort month before the date
 *   range therefore has no members and does not appear.
 * - Rows exist only for periods with activity; the caller fills the rest (0, or "not observed" beyond the window).
 */
export function cohortActivitySql(filters: FilterState, options: CohortOptions): string {
  const member = options.entity === 'sellers' ? 'seller_id' : 'customer_id';
  // Month indexes (year × 12 + month − 1) kept in mkt_orders: the period of a line is a subtraction.
  const cohort = options.entity === 'sellers' ? 'seller_cohort_month' : 'cohort_month';
  const where = [
    COMPLETED,
    `${cohort} IS NOT NULL`,
    ...predicates(filters, { ignore: ['cohort'] }).map((p) => `(${p})`),
  ];
  const periods = num(Math.max(1, Math.floor(options.periods)));
  return `WITH activity AS (
      SELECT ${member} AS member, ${cohort} AS cohort, order_month - ${cohort} AS period, sum(revenue) AS revenue
      FROM mkt_orders WHERE ${where.join(' AND ')}
      GROUP BY ALL
    ),
    members AS (
      SELECT member, cohort, max(period) AS last_period FROM activity GROUP BY ALL
      HAVING bool_or(period = 0)
    ),
    sizes AS (SELECT cohort, count(*)::INTEGER AS size FROM members GROUP BY cohort),
    grid AS (SELECT cohort, size, k AS period FROM sizes, range(0, ${periods}) AS r(k)),
    active AS (
      SELECT a.cohort, a.period, count(*)::INTEGER AS active, sum(a.revenue)::DOUBLE AS revenue
      FROM activity a SEMI JOIN members m ON m.member = a.member AND m.cohort = a.cohort
      WHERE a.period BETWEEN 0 AND ${periods} - 1
      GROUP BY ALL
    ),
    churn AS (
      SELECT g.cohort, g.period, count(*) FILTER (WHERE m.last_period < g.period)::INTEGER AS churned
      FROM grid g JOIN members m ON m.cohort = g.cohort
      GROUP BY ALL
    )
    SELECT printf('%04d-%02d', g.cohort // 12, g.cohort % 12 + 1) AS cohort, g.period::INTEGER AS period, g.size,
      coalesce(a.active, 0)::INTEGER AS active, coalesce(a.revenue, 0)::DOUBLE AS revenue, ch.churned
    FROM grid g
    LEFT JOIN active a ON a.cohort = g.cohort AND a.period = g.period
    LEFT JOIN churn ch ON ch.cohort = g.cohort AND ch.period = g.period
    ORDER BY g.cohort, g.period`;
}

export interface CohortActivityRow {
  readonly cohort: string;
  readonly period: number;
  readonly size: number;
  readonly active: number;
  readonly revenue: number;
  readonly churned: number;
}

export interface CohortCell {
  readonly period: number;
  /** False when month cohort + period lies after the window's last month: nothing to count yet. */
  readonly observed: boolean;
  /**
   * Month cohort + period is the window's last month and the window ends before that month does: counted in part,
   * so it reads lower than it will be. The average's cell is partial when all the cells it weighs are.
   */
  readonly partial: boolean;
  readonly active: number;
  readonly revenue: number;
  readonly churned: number;
  /** active / size. */
  readonly retention: number | null;
  /** revenue / revenue in period 0. */
  readonly revenueRetention: number | null;
  /** churned / size. */
  readonly churn: number | null;
}

export interface CohortRow {
  /** `YYYY-MM`. */
  readonly cohort: string;
  readonly size: number;
  readonly cells: readonly CohortCell[];
}

export interface CohortMatrix {
  readonly entity: CohortEntity;
  readonly periods: number;
  /** Last month of the window, `YYYY-MM`; later months are not observed. */
  readonly lastMonth: string;
  readonly rows: readonly CohortRow[];
  /** Per period, the size-weighted average over the cohorts observed in that period (Σ active / Σ size). */
  readonly average: readonly CohortCell[];
}

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/**
 * Shapes the rows of `cohortActivitySql` into a matrix, marking periods after `lastMonth` as not observed, and those
 * in it as partial unless `lastMonthComplete`.
 */
export function cohortMatrix(
  entity: CohortEntity,
  rows: readonly CohortActivityRow[],
  periods: number,
  lastMonth: string,
  lastMonthComplete = true,
): CohortMatrix {
  const last = monthIndex(lastMonth);
  const byCohort = new Map<string, CohortActivityRow[]>();
  for (const r of rows) {
    if (!byCohort.has(r.cohort)) byCohort.set(r.cohort, []);
    byCohort.get(r.cohort)!.push(r);
  }
  const out: CohortRow[] = [];
  for (const [cohort, list] of byCohort) {
    const start = monthIndex(cohort);
    if (start > last) continue;
    const size = list[0].size;
    const revenue0 = list.find((r) => r.period === 0)?.revenue ?? 0;
    const cells = list.map((r): CohortCell => {
      const observed = start + r.period <= last;
      return {
        period: r.period,
        observed,
        partial: !lastMonthComplete && start + r.period === last,
        active: r.active,
        revenue: r.revenue,
        churned: r.churned,
        retention: observed && size > 0 ? r.active / size : null,
        revenueRetention: observed && revenue0 > 0 ? r.revenue / revenue0 : null,
        churn: observed && size > 0 ? r.churned / size : null,
      };
    });
    out.push({ cohort, size, cells });
  }
  const average: CohortCell[] = [];
  for (let k = 0; k < periods; k++) {
    let size = 0,
      active = 0,
      revenue = 0,
      revenue0 = 0,
      churned = 0,
      partial = true;
    for (const row of out) {
      const cell = row.cells[k];
      if (!cell?.observed) continue;
      partial &&= cell.partial;
      size += row.size;
      active += cell.active;
      revenue += cell.revenue;
      revenue0 += row.cells[0].revenue;
      churned += cell.churned;
    }
    const observed = size > 0;
    average.push({
      period: k,
      observed,
      partial: observed && partial,
      active,
      revenue,
      churned,
      retention: observed ? active / size : null,
      revenueRetention: observed && revenue0 > 0 ? revenue / revenue0 : null,
      churn: observed ? churned / size : null,
    });
  }
  return { entity, periods, lastMonth, rows: out, average };
}

/** The value a measure reads from a cell. */
export function cellValue(cell: CohortCell | undefined, measure: CohortMeasure): number | null {
  if (!cell) return null;
  return measure === 'revenue' ? cell.revenueRetention : measure === 'churn' ? cell.churn : cell.retention;
}
