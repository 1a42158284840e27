import { CohortWidget } from './cohort-widget.js';
import { html, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { interpolateBlues, interpolateOranges, scaleSequential } from 'd3';
import { MktWidget } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { cohortDataView, type CohortTableRow } from './cohort-table.js';
import { cellValue, type CohortCell, type CohortMatrix, type CohortMeasure } from '../../metrics/cohorts.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import { sequentialLegend, sequentialLegendStyles } from '../../charts/sequential-legend.js';
import { cohortHeatmapStyles } from './mkt-cohort-heatmap.styles.js';

const MEASURE_LABEL: Record<CohortMeasure, string> = { retention: 'Active', revenue: 'Revenue', churn: 'Churned' };
const LABEL_W = 64;
const SIZE_W = 52;
const ROW_H = 24;
const HEAD_H = 30;

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

  @state() private tip: TooltipState | null = null;
  @state() private focusCell: [number, number] = [0, 0];
  private readonly size = new SizeController(this);

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
    const ramp = measure === 'churn' ? interpolateOranges : interpolateBlues;
    const scale = scaleSequential((t: number) => ramp(0.06 + 0.86 * t))
      .domain([0, hi])
      .clamp(true);
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
    const width = this.size.drawWidth;
    const cellW = Math.max(14, (width - LABEL_W - SIZE_W) / m.periods);
    const plotW = LABEL_W + SIZE_W + cellW * m.periods;
    const all = withAverage(m);
    const height = HEAD_H + ROW_H * all.length + 6;
    const { scale, hi } = this.colorScale(m);
    const digits = cellW >= 42 ? 1 : 0;
    const showText = cellW >= 30;
    const selected = this.dashboard?.filters.cohort ?? null;
    const [fr, fc] = [Math.min(this.focusCell[0], all.length - 1), Math.min(this.focusCell[1], m.periods - 1)];
    const since = this.who === 'sellers' ? 'first sale' : 'first purchase';
    const y = (i: number) => HEAD_H + i * ROW_H + (i === all.length - 1 ? 6 : 0);
    const labels = new Map(all.map((r) => [r.cohort, r.cohort === 'avg' ? 'Average' : f.month(r.cohort)]));
    const rowLabel = (cohort: string) => labels.get(cohort)!;

    // A cell is one focusable rect (no listeners of its own: the svg's serve them all, see cellOf) and, when
    // there is room, one label: the fewest nodes for the few hundred cells a new date range adds or drops.
    const cell = (row: (typeof all)[number], i: number, c: CohortCell, k: number) => {
      const v = cellValue(c, measure);
      const dark = v !== null && v / hi > 0.55;
      const label = `${rowLabel(row.cohort)}${row.cohort === 'avg' ? ' (weighted)' : ' cohort'}, month ${k}: ${
        v === null ? 'not yet observed' : f.percent(v, 1)
      }`;
      return svg`<rect class="cell ${dark ? 'dark' : ''} ${v === null ? 'blank' : ''}" part="cell"
        data-cohort=${row.cohort} data-row=${i} data-period=${k} data-value=${v === null ? nothing : String(v)}
        tabindex=${fr === i && fc === k ? '0' : '-1'} role=${this.clickable && row.cohort !== 'avg' ? 'button' : 'img'}
        aria-label=${label} x=${LABEL_W + SIZE_W + k * cellW + 0.5} y=${y(i) + 0.5} width=${Math.max(1, cellW - 1)}
        height=${ROW_H - 1} rx="2" fill=${v === null ? 'none' : scale(v)}></rect>`;
    };
    const cellLabel = (i: number, c: CohortCell, k: number) => {
      const v = cellValue(c, measure);
      return svg`<text class="cell-label ${v !== null && v / hi > 0.55 ? 'dark' : ''}" aria-hidden="true"
        x=${LABEL_W + SIZE_W + (k + 0.5) * cellW} y=${y(i) + ROW_H / 2} dy="0.35em" text-anchor="middle"
        >${v === null ? '' : f.percent(v, digits)}</text>`;
    };

    return html`
      <div class="chart" @pointerleave=${() => (this.tip = null)}>
        <svg
          width=${plotW}
          height=${height}
          viewBox="0 0 ${plotW} ${height}"
          role="group"
          aria-label=${`${this.who === 'sellers' ? 'Seller' : 'Customer'} cohorts, ${this.measureWords()} by month since ${since}`}
          @click=${this.onCellClick}
          @keydown=${this.onCellKey}
          @focusin=${this.onCellTip}
          @focusout=${this.hideTip}
          @pointerover=${this.onCellTip}
        >
          <g class="axis" aria-hidden="true">
            <text class="col-head" x=${LABEL_W - 6} y="12" text-anchor="end">Cohort</text>
            <text class="col-head" x=${LABEL_W + SIZE_W - 6} y="12" text-anchor="end">Size</text>
            <text class="col-head" x=${LABEL_W + SIZE_W} y="12">
              ${cellW * m.periods >= 240 ? `Months since ${since} →` : 'Months since →'}
            </text>
            ${Array.from({ length: m.periods }, (_, k) =>
              cellW >= 18 || k % 2 === 0
                ? svg`<text x=${LABEL_W + SIZE_W + (k + 0.5) * cellW} y=${HEAD_H - 6} text-anchor="middle">${k}</text>`
                : nothing,
            )}
          </g>
          ${all.map((row, i) => {
            const isAvg = row.cohort === 'avg';
            const isSelected = row.cohort === selected;
            return svg`<g class="row ${isSelected ? 'selected' : ''} ${isAvg ? 'average' : ''}">
              ${isAvg ? svg`<line class="sep" x1="0" x2=${plotW} y1=${y(i) - 3} y2=${y(i) - 3}></line>` : nothing}
              <text class="row-label" x=${LABEL_W - 6} y=${y(i) + ROW_H / 2} dy="0.35em" text-anchor="end"
                @click=${() => !isAvg && this.toggleCohort(row.cohort)}>${rowLabel(row.cohort)}</text>
              <text class="size" x=${LABEL_W + SIZE_W - 6} y=${y(i) + ROW_H / 2} dy="0.35em" text-anchor="end">${f.compact(row.size)}</text>
              ${row.cells.map((c, k) => cell(row, i, c, k))}
              ${showText ? row.cells.map((c, k) => cellLabel(i, c, k)) : nothing}
              ${
                isSelected
                  ? svg`<rect class="selection" x="1" y=${y(i)} width=${plotW - 2} height=${ROW_H} rx="3"></rect>`
                  : nothing
              }
            </g>`;
          })}
        </svg>
        ${tooltip(this.tip)}
      </div>
      ${sequentialLegend({
        title: this.measureWords(),
        color: (v) => scale(v),
        min: 0,
        max: hi,
        format: (v) => f.percent(v, 0),
        clampedAbove: this.what !== 'churn' && hi < 1,
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

  private showTip(
    event: Event,
    row: { cohort: string; size: number; cells: readonly CohortCell[] },
    c: CohortCell,
    k: number,
  ): void {
    const container = this.renderRoot.querySelector('.chart');
    if (!container) return;
    const f = this.format;
    const who = this.who === 'sellers' ? 'sellers' : 'customers';
    const head =
      row.cohort === 'avg' ? `All cohorts (weighted), month ${k}` : `${f.month(row.cohort)} cohort, month ${k}`;
    const revenue0 = row.cells[0]?.revenue ?? 0;
    if (!c.observed) {
      this.tip = { ...pointIn(container, event), lines: [head, 'Not yet observed: this month lies after the window.'] };
      return;
    }
    this.tip = {
      ...pointIn(container, event),
      lines: [
        head,
        `${MEASURE_LABEL.retention}: ${f.count(c.active)} of ${f.count(row.size)} ${who} (${f.percent(c.retention, 1)})`,
        `Revenue: ${f.money(c.revenue)} (${f.percent(revenue0 > 0 ? c.revenue / revenue0 : null, 1)} of month 0)`,
        `${MEASURE_LABEL.churn} by month ${k}: ${f.count(c.churned)} (${f.percent(c.churn, 1)})`,
      ],
    };
  }

  /** The cell an event happened in, found by its data attributes. */
  private cellOf(e: Event) {
    const g = (e.target as Element).closest<SVGRectElement>('.cell');
    const m = this.task.value;
    if (!g || !m) return null;
    const all = withAverage(m);
    const [r, k] = [Number(g.dataset.row), Number(g.dataset.period)];
    const row = all[r];
    const cell = row?.cells[k];
    return row && cell ? { r, k, row, cell, rows: all.length, periods: m.periods } : null;
  }

  private readonly onCellClick = (e: Event) => {
    const at = this.cellOf(e);
    if (at && at.row.cohort !== 'avg') this.toggleCohort(at.row.cohort);
  };

  private readonly onCellTip = (e: Event) => {
    const at = this.cellOf(e);
    if (at) this.showTip(e, at.row, at.cell, at.k);
    else this.tip = null;
  };

  private readonly hideTip = () => (this.tip = null);

  private readonly onCellKey = (e: KeyboardEvent) => {
    const at = this.cellOf(e);
    if (!at) return;
    const { r, k, rows: rowCount, periods } = at;
    const cohort = at.row.cohort === 'avg' ? null : at.row.cohort;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (cohort) this.toggleCohort(cohort);
      return;
    }
    const move = moves[e.key] ?? (e.key === 'Home' ? [0, -k] : e.key === 'End' ? [0, periods - 1 - k] : null);
    if (!move) return;
    e.preventDefault();
    const next: [number, number] = [
      Math.max(0, Math.min(rowCount - 1, r + move[0])),
      Math.max(0, Math.min(periods - 1, k + move[1])),
    ];
    this.focusCell = next;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<SVGRectElement>(`.cell[tabindex="0"]`)?.focus();
    });
  };
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
