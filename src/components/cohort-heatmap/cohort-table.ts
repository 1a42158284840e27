import type { TableColumn } from '../../charts/data-table.js';
import type { Formatter } from '../../format/format.js';
import { cellValue, type CohortCell, type CohortMatrix, type CohortMeasure } from '../../metrics/cohorts.js';
import type { DataView } from '../base/mkt-widget.js';

/** One cohort (or the weighted average, cohort `average`) as a row of the table view. */
export interface CohortTableRow {
  readonly cohort: string;
  readonly size: number;
  readonly cells: readonly CohortCell[];
}

const WORDS: Record<CohortMeasure, string> = {
  retention: 'Retention',
  revenue: 'Revenue retention',
  churn: 'Churned by month k',
};

/** A cohort matrix as a table, cohorts by month since: the heatmap's and the retention curves' table view. */
export function cohortDataView(m: CohortMatrix, measure: CohortMeasure, f: Formatter): DataView<CohortTableRow> {
  const rows: CohortTableRow[] = [
    ...m.rows,
    { cohort: 'average', size: m.rows.reduce((n, r) => n + r.size, 0), cells: m.average },
  ];
  const value = (r: CohortTableRow, k: number) =>
    r.cells[k]?.observed === false ? null : cellValue(r.cells[k], measure);
  const columns: TableColumn<CohortTableRow>[] = [
    {
      label: 'Cohort',
      value: (r) => (r.cohort === 'average' ? 'Average (weighted)' : f.month(r.cohort)),
      raw: (r) => r.cohort,
    },
    { label: 'Size', value: (r) => f.count(r.size), raw: (r) => r.size, numeric: true },
    ...Array.from({ length: m.periods }, (_, k) => ({
      label: `Month ${k}`,
      value: (r: CohortTableRow) => {
        const v = value(r, k);
        return v === null ? '–' : f.percent(v, 1);
      },
      raw: (r: CohortTableRow) => value(r, k),
      numeric: true,
    })),
  ];
  const since = m.entity === 'sellers' ? 'first sale' : 'first purchase';
  return {
    caption: `${WORDS[measure]} of ${m.entity === 'sellers' ? 'seller' : 'customer'} cohorts by month since ${since}`,
    columns,
    rows,
  };
}
