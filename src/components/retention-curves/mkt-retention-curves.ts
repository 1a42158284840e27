import { CohortWidget } from '../cohort-heatmap/cohort-widget.js';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MktWidget } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { cohortDataView, type CohortTableRow } from '../cohort-heatmap/cohort-table.js';
import { SERIES } from '../base/tokens.styles.js';
import { cellValue, type CohortCell, type CohortMatrix, type CohortMeasure } from '../../metrics/cohorts.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { legend } from '../../charts/legend.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { timeLine } from '../../charts/time-line.js';
import { blues } from '../../charts/palette.js';
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
 * Month 0 is 100% by definition and is left out so that the curves use the height. A last month the window holds
 * only in part is dashed into (it would read as a fall). Cohorts, filters and the date range work as in
 * `<mkt-cohort-heatmap>` (same SQL). Hover or focus a line to highlight its cohort; click a customer cohort (or
 * press Enter) to filter the dashboard to it.
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
  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

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
    const curves: Curve[] = [
      ...m.rows.map((r) => ({ key: r.cohort, size: r.size, cells: r.cells })),
      { key: AVG, size: 0, cells: m.average },
    ];
    const points = (c: Curve) =>
      c.cells
        .filter((cell) => cell.period > 0 && cellValue(cell, measure) !== null)
        .map((cell) => ({ x: cell.period, y: cellValue(cell, measure)!, partial: cell.partial }));
    const selected = this.dashboard?.filters.cohort ?? null;
    const active = this.highlight ?? (selected && curves.some((c) => c.key === selected) ? selected : null);
    const n = Math.max(1, m.rows.length - 1);
    const colour = (i: number, key: string) => (key === AVG ? SERIES[1] : blues(0.9 - (0.55 * i) / n));
    const order = [...curves.keys()].sort(
      (a, b) => Number(curves[a].key === active) - Number(curves[b].key === active),
    );
    const what = measure === 'revenue' ? 'revenue vs month 0' : measure === 'churn' ? 'churned by month' : 'active';
    const summary = (c: Curve) => {
      const p = points(c);
      if (p.length === 0) return `${this.label(c.key)}: not yet observed after month 0`;
      return `${this.label(c.key)}${c.key === AVG ? '' : ` (${f.count(c.size)} ${c.size === 1 ? m.entity.slice(0, -1) : m.entity})`}: ${what} ${f.percent(p[0].y, 1)} in month ${p[0].x}${
        p.length > 1 ? `, ${f.percent(p[p.length - 1].y, 1)} in month ${p[p.length - 1].x}` : ''
      }`;
    };
    const series = order
      .map((i) => ({ c: curves[i], i, p: points(curves[i]) }))
      .filter(({ p }) => p.length > 0)
      .map(({ c, i, p }) => {
        const on = c.key === active;
        const end = p[p.length - 1].x;
        return {
          key: c.key,
          mark: 'line' as const,
          points: p,
          group: `curve ${c.key === AVG ? 'average' : ''}`,
          color: colour(i, c.key),
          on,
          endLabel: on || c.key === AVG ? (c.key === AVG ? 'Average' : f.month(c.key)) : undefined,
          interaction: {
            label: summary(c),
            role: c.key !== AVG && m.entity === 'customers' ? ('button' as const) : ('img' as const),
            activate: () => this.toggleCohort(c.key),
            enter: (e: Event) => this.enter(e, c, end),
            leave: () => this.leave(),
          },
        };
      });
    const height = Math.round(Math.min(320, Math.max(220, width * 0.5)));
    return html`
      <div class="chart" @pointerleave=${() => this.leave()}>
        ${timeLine(series, {
          width,
          height,
          margin: M,
          x: 'linear',
          xDomain: [1, Math.max(2, m.periods - 1)],
          xTicks: Math.min(m.periods - 1, width < 420 ? 5 : 11),
          xFormat: (v) => (Number.isInteger(v) ? String(v) : ''),
          yTicks: 5,
          yNice: 10,
          yFormat: (v) => f.percent(v, 0),
          headroom: 1.08,
          label: `${m.entity === 'sellers' ? 'Seller' : 'Customer'} retention curves by month since the cohort month`,
          axisTitle: 'Months since the cohort month →',
          class: active ? 'highlighting' : undefined,
          pick: {
            move: (key, period, e) => {
              const c = curves.find((k) => k.key === key);
              if (c) this.enter(e, c, period);
              else this.leave();
            },
            click: () => this.highlight && this.toggleCohort(this.highlight),
          },
        })}
        ${this.cursor.overlay()}
      </div>
      ${legend([
        { label: 'Average, weighted by cohort size', color: SERIES[1] },
        { label: `One line per cohort (darker = older; ${m.rows.length})`, color: blues(0.6) },
        ...(curves.some((c) => c.cells.some((cell) => cell.partial && cell.period > 0))
          ? [{ label: `Dashed: ${f.month(m.lastMonth)}, counted in part`, dashed: true, class: 'partial' }]
          : []),
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

  private enter(event: Event, c: Curve, period: number): void {
    this.highlight = c.key;
    this.cursor.showAt(event, this.tipLines(c, period));
  }

  private leave(): void {
    this.highlight = null;
    this.cursor.hide();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-retention-curves': MktRetentionCurves;
  }
}
