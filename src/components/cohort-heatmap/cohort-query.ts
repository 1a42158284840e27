import { rows } from '../../data/arrow-rows.js';
import { cohortMatrix, type CohortActivityRow, type CohortEntity, type CohortMatrix } from '../../metrics/cohorts.js';
import type { QueryContext } from '../base/mkt-widget.js';
import { periodEnd } from '../../charts/time-format.js';
import { named } from '../../queries/registry.js';

/**
 * The cohort matrix both cohort elements draw: months since each cohort month up to `periods`, observed up to the
 * last month of the window (the filter's end, or the data's), and in part only in it when the window ends first.
 */
export async function queryCohortMatrix(
  { engine, filters, dashboard, signal }: QueryContext,
  entity: CohortEntity,
  periods: number,
): Promise<CohortMatrix> {
  const max = dashboard.info?.maxDate ?? '1970-01-01';
  const last = filters.dateTo && filters.dateTo < max ? filters.dateTo : max;
  const table = await engine.query(named('cohortActivity', filters, { entity, periods }), signal);
  const month = last.slice(0, 7);
  const complete = last === periodEnd(`${month}-01`, 'month');
  return cohortMatrix(entity, rows<CohortActivityRow & Record<string, unknown>>(table), periods, month, complete);
}
