import { CohortWidget } from './cohort-widget.js';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MktWidget } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { cohortDataView, type CohortTableRow } from './cohort-table.js';
import { cellValue, type CohortCell, type CohortMatrix, type CohortMeasure } from '../../metrics/cohorts.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { heatmap } from '../../charts/heatmap.js';
import { blues, oranges, rampScale } from '../../charts/palette.js';
import { sequentialLegend, sequentialLegendStyles } from '../../charts/sequential-legend.js';
import { cohortHeatmapStyles } from './mkt-cohort-heatmap.styles.js';

const MEASURE_LABEL: Record<CohortMeasure, string> = { retention: 'Active', revenue: 'Revenue', churn: 'Churned' };

/**
 * A cohort retention heatmap: one row per cohort month, one column per month since (0 .. `periods` − 1).
 *
 * - **Customers** (`entity="customers"`): cohort = month of the first completed purchase (`mkt_orders.cohort`);
 *   a member is active in month k with ≥ 1 completed purchase then.
 * - **Sellers** (`entity="sellers"`): cohort = month of the first completed sale (not the join date, so that
 *   period 0 is 100% as for customers); active in month k with ≥ 1 completed sale then.
 * - `measure="retention"`: members active in month k / cohort size. `measure="revenue"`: the cohort's revenue in
 *   month k / its revenue in month 0. `measure="churn"`: share of members with no completed order from month k to
 *   the end of the window ("churned by month k").
 * - The date range restricts the orders counted: a cohort appears when its members bought in their cohort month
 *   inside the range, and months after the range (or the data) are left blank, not counted as 0%. The other
 *   filters restrict the order lines counted the same way. The cohort filter is ignored: the heatmap shows every
 *   cohort and marks the selected one.
 * - Clicking a customer cohort (its label or a cell, or Enter/Space) filters the dashboard to it; again clears it.
 *   The last row is the average of all cohorts, weighted by cohort size.
 *
 * @summary Cohort retention (or revenue retention, or churn) heatmap for customers or sellers.
 * @fires mkt-filter-change - A customer cohort was clicked: `{ cohort: 'YYYY-MM' }`, or `{ cohort: null }` to clear.
 * @csspart card - The widget's frame.
 * @csspart cell - A heatmap cell.
 * @csspart legend - The colour legend.
 * @csspart tooltip - The tooltip.
 * @cssprop --mkt-accent - Outline of the selected cohort.
 */
@customElement('mkt-cohort-heatmap')
export class MktCohortHeatmap extends CohortWidget {
  static override styles = [...MktWidget.styles, chartStyles, sequentialLegendStyles, cohortHeatmapStyles];

  protected override readonly minPeriods = 1;

  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  protected override isEmpty(result: CohortMatrix): boolean {
    return result.rows.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No cohort has a completed order in the current filters.';
  }

  protected override renderControls() {
    if (this.noControls) return nothing;
    const seg = <T extends string>(label: string, values: readonly [T, string][], current: T, set: (v: T) => void) =>
      html`<div class="segmented" role="group" aria-label=${label}>
        ${values.map(([v, text]) => html`<button type="button" aria-pressed=${current === v ? 'true' : 'false'} @click=${() => set(v)}>${text}</button>`)}
      </div>`;
    return html`${seg(
      'Cohorts of',
      [
        ['customers', 'Customers'],
        ['sellers', 'Sellers'],
      ],
      this.who,
      (v) => (this.entity = v),
    )}
    ${seg(
      'Measure',
      [
        ['retention', 'Retention'],
        ['revenue', 'Revenue'],
        ['churn', 'Churn'],
      ],
      this.what,
      (v) => (this.measure = v),
    )}`;
  }

  private get clickable(): boolean {
    return this.who === 'customers';
  }

  private toggleCohort(cohort: string): void {
    if (!this.clickable) return;
    this.changeFilters({ cohort: this.dashboard?.filters.cohort === cohort ? null : cohort });
  }

  private colorScale(m: CohortMatrix) {
    const measure = this.what;
    // The top of the scale is the largest value after month 0 (which is 100% retention by definition), rounded up
    // to 5%: retention after month 0 is typically 5-15%, and a 0-100% ramp would paint it all the palest shade.
    let hi = 0;
    for (const r of [...m.rows.map((r) => r.cells), m.average])
      for (const c of r) if (c.period > 0) hi = Math.max(hi, cellValue(c, measure) ?? 0);
    hi = hi > 0 ? Math.min(1, Math.ceil(hi * 20) / 20) : 1;
    const scale = rampScale(measure === 'churn' ? oranges : blues, hi, 0.06, 0.92);
    return { scale, hi };
  }

  /** Every cell as a table (cohorts by month since): the "Table" view and the CSV export. */
  protected override dataView(m: CohortMatrix): DataView<CohortTableRow> {
    const measure = (['retention', 'revenue', 'churn'] as const).find((v) => v === this.measure) ?? 'retention';
    return cohortDataView(m, measure, this.format);
  }

  protected override renderResult(m: CohortMatrix) {
    const f = this.format;
    const measure = this.what;
    const { scale, hi } = this.colorScale(m);
    const since = this.who === 'sellers' ? 'first sale' : 'first purchase';
    const rows = withAverage(m).map((r) => ({
      key: r.cohort,
      label: r.cohort === 'avg' ? 'Average' : f.month(r.cohort),
      size: f.compact(r.size),
      values: r.cells.map((c) => cellValue(c, measure)),
      summary: r.cohort === 'avg',
      source: r,
    }));
    type Row = (typeof rows)[number];
    const width = this.size.drawWidth;
    return html`
      <div class="chart" @pointerleave=${this.cursor.hide}>
        ${heatmap(rows, {
          width,
          columns: m.periods,
          color: (v) => scale(v),
          format: (v, digits) => f.percent(v, digits),
          heads: { label: 'Cohort', size: 'Size', columns: [`Months since ${since} →`, 'Months since →'] },
          label: `${this.who === 'sellers' ? 'Seller' : 'Customer'} cohorts, ${this.measureWords()} by month since ${since}`,
          cellLabel: (r, k) => {
            const v = r.values[k];
            return `${r.label}${r.summary ? ' (weighted)' : ' cohort'}, month ${k}: ${v === null ? 'not yet observed' : f.percent(v, 1)}`;
          },
          selected: this.dashboard?.filters.cohort ?? null,
          activatable: (r) => this.clickable && !r.summary,
          activate: (r) => this.toggleCohort(r.key),
          tip: (r, k) => this.tipLines((r as Row).source, k),
          cursor: this.cursor,
        })}
        ${this.cursor.overlay()}
      </div>
      ${sequentialLegend({
        title: this.measureWords(),
        color: (v) => scale(v),
        min: 0,
        max: hi,
        format: (v) => f.percent(v, 0),
        clampedAbove: this.what !== 'churn' && hi < 1,
        width: Math.min(220, width - 24),
      })}
      <p class="note">
        ${
          this.what === 'churn'
            ? 'Share of each cohort with no completed order from month k to the end of the window.'
            : this.what === 'revenue'
              ? 'Cohort revenue in month k as a share of its revenue in month 0.'
              : `Share of each cohort with a completed ${this.who === 'sellers' ? 'sale' : 'purchase'} in month k; month 0 is 100%.`
        }
        Blank: not yet observed.${this.clickable ? ' Select a cohort to filter the dashboard.' : nothing}
      </p>
    `;
  }

  private measureWords(): string {
    return this.what === 'revenue' ? 'Revenue retention' : this.what === 'churn' ? 'Churned by month k' : 'Retention';
  }

  private tipLines(row: { cohort: string; size: number; cells: readonly CohortCell[] }, k: number): string[] {
    const f = this.format;
    const c = row.cells[k];
    const who = this.who === 'sellers' ? 'sellers' : 'customers';
    const head =
      row.cohort === 'avg' ? `All cohorts (weighted), month ${k}` : `${f.month(row.cohort)} cohort, month ${k}`;
    const revenue0 = row.cells[0]?.revenue ?? 0;
    if (!c?.observed) return [head, 'Not yet observed: this month lies after the window.'];
    return [
      head,
      `${MEASURE_LABEL.retention}: ${f.count(c.active)} of ${f.count(row.size)} ${who} (${f.percent(c.retention, 1)})`,
      `Revenue: ${f.money(c.revenue)} (${f.percent(revenue0 > 0 ? c.revenue / revenue0 : null, 1)} of month 0)`,
      `${MEASURE_LABEL.churn} by month ${k}: ${f.count(c.churned)} (${f.percent(c.churn, 1)})`,
    ];
  }
}

/** The cohorts' rows and, last, the weighted average as a row of its own. */
function withAverage(m: CohortMatrix) {
  return [...m.rows, { cohort: 'avg', size: m.rows.reduce((n, r) => n + r.size, 0), cells: m.average }];
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-cohort-heatmap': MktCohortHeatmap;
  }
}
