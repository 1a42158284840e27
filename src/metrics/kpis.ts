import type { FilterState } from '../data/filter-state.js';
import { COMPLETED, distinctKeys } from './orders.js';
import { predicates, priorPeriod } from './filter-sql.js';
import { date } from './sql.js';

/** The period the KPIs cover and the one they compare against, `YYYY-MM-DD` inclusive. */
export interface KpiPeriods {
  readonly current: { readonly from: string; readonly to: string };
  readonly prior: { readonly from: string; readonly to: string };
}

/** The filtered window, falling back to the data's own first and last day. */
export function kpiPeriods(filters: FilterState, minDate: string, maxDate: string): KpiPeriods {
  const from = filters.dateFrom ?? minDate;
  const to = filters.dateTo ?? maxDate;
  return { current: { from, to }, prior: priorPeriod(from, to) };
}

function both(periods: KpiPeriods, column: string): { cur: string; prior: string; span: string } {
  const { current, prior } = periods;
  return {
    cur: `${column} BETWEEN ${date(current.from)} AND ${date(current.to)}`,
    prior: `${column} BETWEEN ${date(prior.from)} AND ${date(prior.to)}`,
    span: `${column} BETWEEN ${date(prior.from)} AND ${date(current.to)}`,
  };
}

/**
 * Order KPIs of the current and prior period. Only completed orders count: GMV = their revenue; orders = distinct
 * orders (src/metrics/orders.ts); active sellers / customers = those with at least one.
 * Each period is its own aggregate over its own dates, joined into one row: on the date-sorted mkt_orders each
 * reads only its period's rows, and a period without data (the prior period of the whole range) costs nothing,
 * where one scan with a FILTER per period and figure evaluates every filter on every row of both.
 */
export function orderKpisSql(filters: FilterState, periods: KpiPeriods): string {
  const rest = [COMPLETED, ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] })];
  const period = ({ from, to }: KpiPeriods['current'], name: string) => `(SELECT
      coalesce(sum(revenue), 0)::DOUBLE AS gmv${name},
      ${distinctKeys('order_key')}::INTEGER AS orders${name},
      count(DISTINCT seller_id)::INTEGER AS sellers${name},
      ${distinctKeys('customer_key')}::INTEGER AS customers${name}
    FROM mkt_orders WHERE ${[`order_date BETWEEN ${date(from)} AND ${date(to)}`, ...rest].join(' AND ')})`;
  return `SELECT * FROM ${period(periods.current, '')} cur, ${period(periods.prior, '_prior')} prior`;
}

/** Sessions and sessions with a purchase, current and prior period, from mkt_sessions. */
export function sessionKpisSql(filters: FilterState, periods: KpiPeriods): string {
  const p = both(periods, 'session_date');
  const where = [p.span, ...predicates(filters, { ignore: ['dateFrom', 'dateTo'], dateColumn: 'session_date' })];
  return `SELECT
      count(*) FILTER (WHERE ${p.cur})::INTEGER AS sessions,
      count(*) FILTER (WHERE ${p.cur} AND purchased)::INTEGER AS purchases,
      count(*) FILTER (WHERE ${p.prior})::INTEGER AS sessions_prior,
      count(*) FILTER (WHERE ${p.prior} AND purchased)::INTEGER AS purchases_prior
    FROM mkt_sessions WHERE ${where.join(' AND ')}`;
}

/** Relative change from `prior` to `current`; null when there is nothing to compare with. */
export function relativeChange(current: number, prior: number | null): number | null {
  if (prior === null || prior === 0 || !Number.isFinite(prior)) return null;
  return (current - prior) / prior;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
