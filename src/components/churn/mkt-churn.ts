import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn, oneOf } from '../base/attribute-check.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { bars } from '../../charts/bars.js';
import { timeLine } from '../../charts/time-line.js';
import { utcDay } from '../../charts/time-format.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { rows } from '../../data/arrow-rows.js';
import { churnReferenceDates, churnSql } from '../../metrics/churn.js';
import { customerModelsOf } from '../../data/customer-models.js';
import { largestChart } from '../clv/chart-svg.js';
import { NO_CHURN_MODEL, type AtRiskCustomer, type ChurnAnalysis } from './churn-model.js';
import { churnStyles } from './mkt-churn.styles.js';
import { warningsBox } from '../base/warnings.js';

export interface ChurnPoint {
  readonly refDate: string;
  readonly active: number;
  readonly churned: number;
  readonly rate: number | null;
}

export interface ChurnGroup {
  readonly group: string;
  readonly active: number;
  readonly churned: number;
  readonly rate: number | null;
}

export type { AtRiskCustomer } from './churn-model.js';
export { ALIVE_DROP, OVERDUE_FACTOR } from './churn-model.js';

export interface ChurnResult {
  readonly days: number;
  readonly series: readonly ChurnPoint[];
  readonly breakdown: 'segment' | 'cohort';
  readonly groups: readonly ChurnGroup[];
  readonly model: ChurnAnalysis['model'];
  readonly atRisk: readonly AtRiskCustomer[];
  /** A customer-model fit that did not converge: the early warning's P(alive) is then rough. */
  readonly fitWarnings: readonly string[];
}

/**
 * Customer churn. **Rate over time**: at each month start in the window, of the customers with a completed
 * purchase in the previous N days (`days`), the share with none in the next N days (see src/metrics/churn.ts).
 * **Breakdown** by RFM segment (over all the data) or cohort, pooled over those months. **Churn model**:
 * logistic regression on RFM features at the cut-off (window end − N days), label = no purchase in the last N
 * days, evaluated on a fixed fifth of the customers (hash of the id): AUC, and precision / recall at 0.5.
 * **Early warning**: repeat buyers in the top fifth by revenue whose BG/NBD P(alive) fell by 0.1 or more over
 * the last N days, or who are overdue (days since the last purchase > 1.5 × their mean gap between purchases),
 * ranked by value at risk = churn probability × revenue in the window.
 *
 * @summary Churn rate over time and by segment or cohort, a churn model, and an early-warning list.
 * @fires mkt-error - As every widget (`query-failed`, `attribute-invalid`, `export-failed`); and, once per page,
 *   the warning `worker-unavailable` when the customer models run on the main thread for want of their worker.
 * @csspart card - The widget's frame.
 * @csspart chart - The charts.
 * @csspart table - The early-warning table.
 * @csspart warnings - A customer-model fit that did not converge (P(alive) is then rough).
 * @cssprop --mkt-series-6 - Colour of the churn line.
 * @cssprop --mkt-series-1 - Colour of the breakdown bars.
 */
@customElement('mkt-churn')
export class MktChurn extends MktWidget<ChurnResult> {
  static override styles = [...MktWidget.styles, chartStyles, churnStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;
  /** A model: its queries wait behind the aggregates' (see MktWidget). */
  protected override readonly queryPriority = 'background' as const;

  /** N: the activity window in days (active = bought in the N days before; churned = none in the N after). */
  @property({ type: Number }) days = 30;
  /** Break the churn rate down by `segment` or `cohort`. */
  @property() breakdown: 'segment' | 'cohort' = 'segment';
  /** Customers listed in the early warning. */
  @property({ type: Number, attribute: 'list-size' }) listSize = 8;

  private readonly size = new SizeController(this);

  private get window(): number {
    return this.validAttribute('days', this.days, integerIn(1, 365), 30, 'a whole number of days from 1 to 365');
  }

  private get by(): 'segment' | 'cohort' {
    return this.validAttribute(
      'breakdown',
      this.breakdown,
      oneOf(['segment', 'cohort'] as const),
      'segment',
      'segment or cohort',
    );
  }

  private get listLength(): number {
    return this.validAttribute('list-size', this.listSize, integerIn(1, 100), 8, 'a whole number from 1 to 100');
  }

  protected override queryArgs() {
    return [this.window, this.by, this.listLength];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<ChurnResult> {
    const days = this.window;
    const breakdown = this.by;
    const { minDate, maxDate } = dashboard.info ?? {};
    const noModel = NO_CHURN_MODEL;
    if (!minDate || !maxDate)
      return { days, series: [], breakdown, groups: [], model: noModel, atRisk: [], fitWarnings: [] };
    const end = filters.dateTo ?? maxDate;
    const refDates = churnReferenceDates(filters.dateFrom ?? minDate, end, minDate, maxDate, days);
    // The customer summaries go first into the query queue: the churn model and the early warning then run in the
    // worker (on the BG/NBD fit shared with CLV and segments) while DuckDB computes the churn rates.
    const customers = customerModelsOf(dashboard).churn(engine, filters, { end, days, listSize: this.listLength });
    const [series, groups, { model, atRisk, fitWarnings }] = await Promise.all([
      engine
        .query(churnSql(filters, { days, refDates }), signal)
        .then((t) => rows<{ ref_date: string; active: number; churned: number; rate: number | null }>(t)),
      engine
        .query(churnSql(filters, { days, refDates, by: breakdown }), signal)
        .then((t) => rows<{ grp: string; active: number; churned: number; rate: number | null }>(t)),
      customers,
    ]);
    signal.throwIfAborted();
    return {
      days,
      breakdown,
      series: series.map((r) => ({ refDate: r.ref_date, active: r.active, churned: r.churned, rate: r.rate })),
      groups: groups.map((g) => ({ group: g.grp, active: g.active, churned: g.churned, rate: g.rate })),
      model,
      atRisk,
      fitWarnings,
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Its worker starts loading while DuckDB loads the data.
    this.dashboard?.models?.prepare();
    this.dashboard?.models?.watchFallback(this);
  }

  /** The chart to export, found without forcing a layout (see largestChart). */
  protected override exportChart(): SVGSVGElement | null {
    return largestChart(this.renderRoot);
  }

  protected override isEmpty(result: ChurnResult): boolean {
    return result.series.length === 0 && result.atRisk.length === 0 && !result.model.fitted;
  }

  protected override emptyMessage(): string {
    return `Not enough history: churn needs ${this.window} days of data before and after a month start.`;
  }

  protected override renderControls() {
    const pressed = (b: string) => (this.by === b ? 'true' : 'false');
    return html`<div class="segmented" role="group" aria-label="Break churn down by">
      <button type="button" aria-pressed=${pressed('segment')} @click=${() => (this.breakdown = 'segment')}>
        By segment
      </button>
      <button type="button" aria-pressed=${pressed('cohort')} @click=${() => (this.breakdown = 'cohort')}>
        By cohort
      </button>
    </div>`;
  }

  /** Every part in one long table: a "Section" column says which (rate by month, by segment or cohort, at risk). */
  protected override exportTable(r: ChurnResult): ExportTable {
    const blank = (n: number) => Array<null>(n).fill(null);
    return {
      columns: [
        'Section',
        'Key',
        'Active',
        'Churned',
        'Rate',
        'Revenue',
        'P(alive)',
        'Churn probability',
        'Value at risk',
        'Why',
      ],
      rows: [
        ...r.series.map((p) => ['Rate by month start', p.refDate, p.active, p.churned, p.rate, ...blank(5)]),
        ...r.groups.map((g) => [`By ${r.breakdown}`, g.group, g.active, g.churned, g.rate, ...blank(5)]),
        ...r.atRisk.map((c) => [
          'At risk',
          c.id,
          null,
          null,
          null,
          c.revenue,
          c.pAlive,
          c.churnProbability,
          c.valueAtRisk,
          c.reason,
        ]),
      ],
    };
  }

  protected override renderResult(r: ChurnResult) {
    return html`<div class="layout">
      <div>
        <h3>Churn rate, ${r.days}-day windows</h3>
        ${r.series.length ? this.renderLine(r) : html`<p class="note">No month start in the window has ${r.days} days of data on both sides.</p>`}
      </div>
      <div>
        <h3>By ${r.breakdown}</h3>
        ${r.groups.length ? this.renderBars(r) : html`<p class="note">No active customers to break down.</p>`}
      </div>
      <div>
        <h3>Churn model</h3>
        ${this.renderModel(r)}
      </div>
      <div>
        <h3>Early warning: high-value customers at risk</h3>
        ${warningsBox(r.fitWarnings, 'fit')} ${this.renderAtRisk(r)}
      </div>
    </div>`;
  }

  private renderLine(r: ChurnResult) {
    const f = this.format;
    const day = (p: ChurnPoint) => utcDay(p.refDate);
    const rates = r.series.filter((p) => p.rate !== null);
    const points = rates.map((p) => ({ x: day(p), y: p.rate }));
    const only = r.series.length === 1 ? +day(r.series[0]) : null;
    const width = this.size.drawWidth;
    return html`${timeLine(
        [
          { key: 'rate', mark: 'line', points },
          {
            key: 'dots',
            mark: 'dots',
            points,
            title: (d) => {
              const p = rates[points.indexOf(d as (typeof points)[number])];
              return `${f.date(p.refDate)}: ${f.percent(p.rate)} of ${f.count(p.active)} active customers`;
            },
          },
        ],
        {
          width,
          height: 180,
          margin: { top: 8, right: 12, bottom: 24, left: 44 },
          xDomain: only === null ? undefined : [only - 15 * 864e5, only + 15 * 864e5],
          xTicks: Math.max(2, Math.floor(width / 120)),
          xFormat: (d) => f.month(d as Date),
          yFormat: (v) => f.percent(v, 0),
          yMin: 0.1,
          yNice: 10,
          label: 'Churn rate by month; the table view lists the values',
          part: 'chart',
        },
      )}
      <details>
        <summary class="note">Table view</summary>
        ${dataTable(
          'Churn rate by month',
          [
            { label: 'Month start', value: (p: ChurnPoint) => f.date(p.refDate) },
            { label: 'Active', value: (p: ChurnPoint) => f.count(p.active), numeric: true },
            { label: 'Churned', value: (p: ChurnPoint) => f.count(p.churned), numeric: true },
            { label: 'Rate', value: (p: ChurnPoint) => f.percent(p.rate), numeric: true },
          ],
          r.series,
        )}
      </details>`;
  }

  private renderBars(r: ChurnResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const groups =
      r.breakdown === 'cohort' ? r.groups.slice(-12) : [...r.groups].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
    const rows = groups.map((g) => ({
      key: g.group,
      label: r.breakdown === 'cohort' ? f.month(g.group) : g.group,
      value: g.rate,
      text: `${f.percent(g.rate)} of ${f.compact(g.active)}`,
    }));
    return html`${bars(rows, {
      width,
      rowHeight: 20,
      labelWidth: Math.min(130, Math.round(width * 0.34)),
      valueWidth: 90,
      max: 1,
      valueAtBar: true,
      label: `Churn rate by ${r.breakdown}: ${rows.map((g) => `${g.label} ${f.percent(g.value)}`).join('; ')}`,
    })}
    ${r.breakdown === 'cohort' && r.groups.length > 12 ? html`<p class="note">Latest 12 cohorts.</p>` : nothing}`;
  }

  private renderModel(r: ChurnResult) {
    const f = this.format;
    const m = r.model;
    if (!m.fitted) {
      return html`<p class="note">
        Not enough customers with history before the cut-off to fit a model (${m.train} in training).
      </p>`;
    }
    return html`<dl class="metrics" data-model>
        <div>
          <dt>AUC</dt>
          <dd data-metric="auc">${Number.isFinite(m.auc) ? m.auc.toFixed(2) : '–'}</dd>
        </div>
        <div>
          <dt>Precision</dt>
          <dd data-metric="precision">${f.percent(m.precision, 0)}</dd>
        </div>
        <div>
          <dt>Recall</dt>
          <dd data-metric="recall">${f.percent(m.recall, 0)}</dd>
        </div>
        <div>
          <dt>Holdout</dt>
          <dd>${f.count(m.holdout)} customers, ${f.percent(m.holdoutRate, 0)} churned</dd>
        </div>
      </dl>
      <p class="note">
        Logistic regression on recency, purchase days, revenue and tenure ${r.days} days before the end; label: no
        purchase since. Trained on ${f.count(m.train)} customers, tested on a fixed fifth (by id); precision and recall
        at 50%.
      </p>`;
  }

  private renderAtRisk(r: ChurnResult) {
    const f = this.format;
    if (r.atRisk.length === 0)
      return html`<p class="note">No high-value repeat buyer is overdue or losing P(alive).</p>`;
    return html`<div class="table-wrap">
      ${dataTable(
        'High-value customers at risk, by value at risk',
        [
          { label: 'Customer', value: (c: AtRiskCustomer) => c.id },
          { label: 'Revenue', value: (c: AtRiskCustomer) => f.money(c.revenue), numeric: true },
          {
            label: 'Days since / usual',
            value: (c: AtRiskCustomer) => `${Math.round(c.daysSinceLast)} / ${Math.round(c.usualGap)}`,
            numeric: true,
          },
          {
            label: 'P(alive)',
            value: (c: AtRiskCustomer) =>
              `${f.percent(c.pAlive, 0)}${c.drop > 0.005 ? ` (−${Math.round(c.drop * 100)} pts)` : ''}`,
            numeric: true,
          },
          { label: 'Churn prob.', value: (c: AtRiskCustomer) => f.percent(c.churnProbability, 0), numeric: true },
          { label: 'Value at risk', value: (c: AtRiskCustomer) => f.money(c.valueAtRisk), numeric: true },
          { label: 'Why', value: (c: AtRiskCustomer) => c.reason, class: 'reason' },
        ],
        r.atRisk,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-churn': MktChurn;
  }
}
