import { property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { integerIn, oneOf } from '../base/attribute-check.js';
import {
  COHORT_ENTITIES,
  COHORT_MEASURES,
  type CohortEntity,
  type CohortMatrix,
  type CohortMeasure,
} from '../../metrics/cohorts.js';
import { queryCohortMatrix } from './cohort-query.js';
import { cohortDataView, type CohortTableRow } from './cohort-table.js';

/** What the cohort heatmap and the retention curves share: their attributes, checked, and their query. */
export abstract class CohortWidget extends MktWidget<CohortMatrix> {
  /** The selection it highlights (see MktWidget). */
  protected override readonly drawnFilters = ['cohort'] as const;

  /** Whose cohorts: `customers` or `sellers`. */
  @property({ reflect: true }) entity: CohortEntity = 'customers';
  /** `retention` (members active in month k), `revenue` (revenue vs month 0) or `churn` (churned by month k). */
  @property({ reflect: true }) measure: CohortMeasure = 'retention';
  /** Months since the cohort month computed: 0 .. periods − 1. */
  @property({ type: Number }) periods = 12;
  /** Hide the toggles in the header. */
  @property({ type: Boolean, attribute: 'no-controls' }) noControls = false;

  /** The smallest `periods` that can be drawn. */
  protected abstract readonly minPeriods: number;

  protected get who(): CohortEntity {
    return this.validAttribute(
      'entity',
      this.entity,
      oneOf(COHORT_ENTITIES),
      'customers',
      COHORT_ENTITIES.join(' or '),
    );
  }

  protected get what(): CohortMeasure {
    return this.validAttribute(
      'measure',
      this.measure,
      oneOf(COHORT_MEASURES),
      'retention',
      COHORT_MEASURES.join(', '),
    );
  }

  protected get span(): number {
    const min = this.minPeriods;
    return this.validAttribute(
      'periods',
      this.periods,
      integerIn(min, 60),
      12,
      `a whole number of months from ${min} to 60`,
    );
  }

  protected override queryArgs() {
    return [this.who, this.span];
  }

  protected override query(context: QueryContext): Promise<CohortMatrix> {
    return queryCohortMatrix(context, this.who, this.span);
  }

  /** Every cell as a table (cohorts by month since): the "Table" view and the CSV export. */
  protected override dataView(m: CohortMatrix): DataView<CohortTableRow> {
    return cohortDataView(m, this.what, this.format);
  }
}
