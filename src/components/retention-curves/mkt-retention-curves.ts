import { CohortWidget } from '../cohort-heatmap/cohort-widget.js';
import { html, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { interpolateBlues, line, scaleLinear } from 'd3';
import { MktWidget } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { cohortDataView, type CohortTableRow } from '../cohort-heatmap/cohort-table.js';
import { SERIES } from '../base/tokens.styles.js';
import { cellValue, type CohortCell, type CohortMatrix, type CohortMeasure } from '../../metrics/cohorts.js';
import { axisBottom, axisLeft } from '../../charts/axes.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { legend } from '../../charts/legend.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import { retentionCurvesStyles } from './mkt-retention-curves.styles.js';

const AVG = 'avg';
const M = { top: 12, right: 16, bottom: 34, left: 44 };

interface Curve {
  readonly key: string;
  readonly size: number;
  readonly cells: readonly CohortCell[];
}

/**
 * Retention curves: one line per cohort (share of members active in each month since the cohort month) and their
 * average weighted by cohort size (Σ active / Σ size over the cohorts observed in that month), drawn bold.
 * Month 0 is 100% by definition and is left out so that the curves use the height. Cohorts, filters and the date
 * range work as in `<mkt-cohort-heatmap>` (same SQL). Hover or focus a line to highlight its cohort; click a
 * customer cohort (or press Enter) to filter the dashboard to it.
 *
 * @summary Retention curve per cohort plus the size-weighted average.
 * @fires mkt-filter-change - A customer cohort line was clicked: `{ cohort: 'YYYY-MM' }`, or `{ cohort: null }` to clear.
 * @csspart card - The widget's frame.
 * @csspart line - A cohort's line.
 * @csspart legend - The legend.
 * @csspart tooltip - The tooltip.
 * @cssprop --mkt-series-2 - Colour of the average line.
 */
@customElement('mkt-retention-curves')
export class MktRetentionCurves extends CohortWidget {
  static override styles = [...MktWidget.styles, chartStyles, retentionCurvesStyles];

  protected override readonly minPeriods = 2;

  @state() private highlight: string | null = null;
  @state() private tip: TooltipState | null = null;
  private readonly size = new SizeController(this);

  protected override isEmpty(m: CohortMatrix): boolean {
    return !m.average.some((c) => c.period > 0 && c.observed);
  }

  protected override emptyMessage(): string {
    return 'No cohort has been observed beyond its first month in the current filters.';
  }

  protected override renderControls() {
    if (this.noControls) return nothing;
    const options: [CohortMeasure, string][] = [
      ['retention', 'Retention'],
      ['revenue', 'Revenue'],
      ['churn', 'Churn'],
    ];
    return html`<div class="segmented" role="group" aria-label="Measure">
      ${options.map(([v, text]) => html`<button type="button" aria-pressed=${this.what === v ? 'true' : 'false'} @click=${() => (this.measure = v)}>${text}</button>`)}
    </div>`;
  }

  private label(key: string): string {
    return key === AVG ? 'Average (weighted)' : `${this.format.month(key)} cohort`;
  }

  private toggleCohort(key: string): void {
    if (key === AVG || this.who !== 'customers') return;
    this.changeFilters({ cohort: this.dashboard?.filters.cohort === key ? null : key });
  }

  /** The curves' values as a table (cohorts by month since): the "Table" view and the CSV export. */
  protected override dataView(m: CohortMatrix): DataView<CohortTableRow> {
    const measure = (['retention', 'revenue', 'churn'] as const).find((v) => v === this.measure) ?? 'retention';
    return cohortDataView(m, measure, this.format);
  }

  protected override renderResult(m: CohortMatrix) {
    const f = this.format;
    const measure = this.what;
    const width = this.size.drawWidth;
    const height = Math.round(Math.min(320, Math.max(220, width * 0.5)));
    const curves: Curve[] = [
      ...m.rows.map((r) => ({ key: r.cohort, size: r.size, cells: r.cells })),
      { key: AVG, size: 0, cells: m.average },
    ];
    const points = (c: Curve) =>
      c.cells
        .filter((cell) => cell.period > 0 && cellValue(cell, measure) !== null)
        .map((cell) => [cell.period, cellValue(cell, measure)!] as const);
    let top = 0;
    for (const c of curves) for (const [, v] of points(c)) top = Math.max(top, v);
    const x = scaleLinear()
      .domain([1, Math.max(2, m.periods - 1)])
      .range([M.left, width - M.right]);
    const y = scaleLinear()
      .domain([0, top > 0 ? top * 1.08 : 1])
      .nice()
      .range([height - M.bottom, M.top]);
    const path = line<readonly [number, number]>(
      (d) => x(d[0]),
      (d) => y(d[1]),
    );
    const selected = this.dashboard?.filters.cohort ?? null;
    const active = this.highlight ?? (selected && curves.some((c) => c.key === selected) ? selected : null);
    const n = Math.max(1, m.rows.length - 1);
    const colour = (i: number, key: string) => (key === AVG ? SERIES[1] : interpolateBlues(0.9 - (0.55 * i) / n));
    const order = [...curves.keys()].sort(
      (a, b) => Number(curves[a].key === active) - Number(curves[b].key === active),
    );
    const last = (c: Curve) => points(c).at(-1);
    const what = measure === 'revenue' ? 'revenue vs month 0' : measure === 'churn' ? 'churned by month' : 'active';
    const summary = (c: Curve) => {
      const p = points(c);
      if (p.length === 0) return `${this.label(c.key)}: not yet observed after month 0`;
      return `${this.label(c.key)}${c.key === AVG ? '' : ` (${f.count(c.size)} ${c.size === 1 ? m.entity.slice(0, -1) : m.entity})`}: ${what} ${f.percent(p[0][1], 1)} in month ${p[0][0]}${
        p.length > 1 ? `, ${f.percent(p[p.length - 1][1], 1)} in month ${p[p.length - 1][0]}` : ''
      }`;
    };

    return html`
      <div class="chart" @pointerleave=${() => ((this.highlight = null), (this.tip = null))}>
        <svg
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          role="group"
          aria-label=${`${m.entity === 'sellers' ? 'Seller' : 'Customer'} retention curves by month since the cohort month`}
          class=${active ? 'highlighting' : ''}
        >
          <g transform="translate(0,${height - M.bottom})">
            ${axisBottom(x, { ticks: Math.min(m.periods - 1, width < 420 ? 5 : 11), format: (v) => (Number.isInteger(v) ? String(v) : '') })}
          </g>
          <g transform="translate(${M.left},0)">
            ${axisLeft(y, { ticks: 5, format: (v) => f.percent(v, 0), grid: width - M.left - M.right })}
          </g>
          <text class="axis-title" x=${width - M.right} y=${height - 3} text-anchor="end">
            Months since the cohort month →
          </text>
          <!-- A pointer shortcut to the nearest curve; each curve is focusable and takes Enter/Space itself. -->
          <rect
            class="overlay"
            aria-hidden="true"
            x=${M.left}
            y=${M.top}
            width=${Math.max(0, width - M.left - M.right)}
            height=${height - M.top - M.bottom}
            @pointermove=${(e: PointerEvent) => this.nearest(e, curves, x, y)}
            @click=${() => this.highlight && this.toggleCohort(this.highlight)}
          ></rect>
          ${order.map((i) => {
            const c = curves[i];
            const p = points(c);
            if (p.length === 0) return nothing;
            const on = c.key === active;
            const end = last(c)!;
            return svg`<g class="curve ${c.key === AVG ? 'average' : ''} ${on ? 'on' : ''}" data-cohort=${c.key}>
              <path class="line" part="line" d=${path(p as [number, number][]) ?? ''} stroke=${colour(i, c.key)}
                tabindex="0" role=${c.key !== AVG && m.entity === 'customers' ? 'button' : 'img'} aria-label=${summary(c)}
                @focus=${(e: FocusEvent) => this.focusCurve(e, c, end)} @blur=${() => ((this.highlight = null), (this.tip = null))}
                @pointerenter=${(e: PointerEvent) => this.focusCurve(e, c, end)}
                @click=${() => this.toggleCohort(c.key)}
                @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), this.toggleCohort(c.key))}></path>
              ${on ? p.map(([k, v]) => svg`<circle class="dot" cx=${x(k)} cy=${y(v)} r="3" fill=${colour(i, c.key)}></circle>`) : nothing}
              ${
                on || c.key === AVG
                  ? svg`<text class="end-label" x=${x(end[0]) - 4} y=${y(end[1]) - 7} text-anchor="end">${c.key === AVG ? 'Average' : f.month(c.key)}</text>`
                  : nothing
              }
            </g>`;
          })}
        </svg>
        ${tooltip(this.tip)}
      </div>
      ${legend([
        { label: 'Average, weighted by cohort size', color: SERIES[1] },
        { label: `One line per cohort (darker = older; ${m.rows.length})`, color: interpolateBlues(0.6) },
      ])}
    `;
  }

  private tipLines(c: Curve, period: number): string[] {
    const f = this.format;
    const cell = c.cells[period];
    const who = this.who === 'sellers' ? 'sellers' : 'customers';
    const size =
      c.key === AVG
        ? (this.task.value?.rows.filter((r) => r.cells[period]?.observed).reduce((n, r) => n + r.size, 0) ?? 0)
        : c.size;
    return [
      `${this.label(c.key)}, month ${period}`,
      `Active: ${f.count(cell?.active)} of ${f.count(size)} ${who} (${f.percent(cell?.retention, 1)})`,
      `Revenue vs month 0: ${f.percent(cell?.revenueRetention, 1)}`,
      `Churned by month ${period}: ${f.percent(cell?.churn, 1)}`,
    ];
  }

  private focusCurve(event: Event, c: Curve, end: readonly [number, number]): void {
    this.highlight = c.key;
    const container = this.renderRoot.querySelector('.chart');
    if (!container) return;
    this.tip = { ...pointIn(container, event), lines: this.tipLines(c, end[0]) };
  }

  /** Pointer over the plot: the curve nearest to it, at the nearest month. */
  private nearest(
    event: PointerEvent,
    curves: readonly Curve[],
    x: (v: number) => number,
    y: (v: number) => number,
  ): void {
    const svgEl = (event.currentTarget as SVGElement).ownerSVGElement!;
    const box = svgEl.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    let best: { c: Curve; k: number; d: number } | null = null;
    for (const c of curves) {
      for (const cell of c.cells) {
        const v = cellValue(cell, this.what);
        if (cell.period === 0 || v === null) continue;
        const d = Math.hypot(x(cell.period) - px, y(v) - py);
        if (!best || d < best.d) best = { c, k: cell.period, d };
      }
    }
    if (!best || best.d > 40) {
      this.highlight = null;
      this.tip = null;
      return;
    }
    this.highlight = best.c.key;
    const container = this.renderRoot.querySelector('.chart')!;
    this.tip = { ...pointIn(container, event), lines: this.tipLines(best.c, best.k) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-retention-curves': MktRetentionCurves;
  }
}
