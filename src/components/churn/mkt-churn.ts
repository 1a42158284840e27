import { html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn, oneOf } from '../base/attribute-check.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { rows } from '../../data/arrow-rows.js';
import { churnReferenceDates } from '../../metrics/churn.js';
import { customerModelsOf } from '../../data/customer-models.js';
import { NO_CHURN_MODEL, type AtRiskCustomer, type ChurnAnalysis } from '../../models/churn-model.js';
import { atRiskTable, churnDefinition, churnExport, churnModelSummary } from './churn-parts.js';
import { churnWindow, type ChurnWindow } from '../../models/churn-window.js';
import { churnStyles } from './mkt-churn.styles.js';
import { churnBars, churnLine } from './churn-charts.js';
import { named } from '../../queries/registry.js';

export interface ChurnPoint {
  readonly refDate: string;
  readonly active: number;
  readonly churned: number;
  readonly rate: number | null;
}

export interface ChurnGroup {
  readonly group: string;
  /** Distinct customers behind `active` (which counts customer-months). */
  readonly customers: number;
  readonly active: number;
  readonly churned: number;
  readonly rate: number | null;
}

export type { AtRiskCustomer } from '../../models/churn-model.js';
export { AT_RISK_THRESHOLD } from '../../models/churn-model.js';

export interface ChurnResult {
  /** The churn window N in use. */
  readonly days: number;
  /** N came from the purchase cycle (`days="auto"`). */
  readonly auto: boolean;
  /** The purchase cycle: the gaps between repeat orders and the window they suggest. */
  readonly cycle: ChurnWindow;
  readonly series: readonly ChurnPoint[];
  readonly breakdown: 'segment' | 'cohort';
  readonly groups: readonly ChurnGroup[];
  readonly model: ChurnAnalysis['model'];
  readonly atRisk: readonly AtRiskCustomer[];
  readonly active: number;
  readonly atRiskCount: number;
}

/**
 * Customer churn. **Definition**: a customer counts as churned after N days without an order; by default
 * (`days="auto"`) N is read from the data's purchase cycle, the 90th percentile of the days between a customer's
 * consecutive orders (src/models/churn-window.ts), and said in words. **Rate over time**: at each month start, of
 * the customers with a completed purchase in the previous N days, the share with none in the next N days (see
 * src/metrics/churn.ts). **Breakdown** by RFM segment (over all the data) or cohort, pooled over those months
 * (customer-months, and the distinct customers behind them). **Churn model**: logistic regression on RFM
 * features at the cut-off (window end − N days), label = no purchase in the last N days, tested on a fixed fifth
 * of the customers against the base rate (PR-AUC, lift). **Early warning**: customers who ordered in the last N
 * days whose risk (the model's probability of no order in the next N days) is 50 % or more, ranked by value at
 * risk = risk × revenue, each with the factors that raise the risk (src/models/churn-risk.ts).
 *
 * @summary Churn rate over time and by segment or cohort, a churn model against its base rate, and the customers
 *   at risk with their reasons.
 * @fires mkt-error - As every widget (`query-failed`, `attribute-invalid`, `export-failed`); and, once per page,
 *   the warning `worker-unavailable` when the customer models run on the main thread for want of their worker.
 * @csspart card - The widget's frame.
 * @csspart chart - The charts.
 * @csspart table - The early-warning table.
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

  /**
   * N, the churn window: `auto` (from the purchase cycle: 90 % of repeat orders come within N days) or a whole
   * number of days from 1 to 730 (active = bought in the N days before; churned = none in the N after).
   */
  @property({ converter: { fromAttribute: (v) => (v === null || v === 'auto' ? 'auto' : Number(v)) } })
  days: number | 'auto' = 'auto';
  /** Break the churn rate down by `segment` or `cohort`. */
  @property() breakdown: 'segment' | 'cohort' = 'segment';
  /** Customers listed in the early warning. */
  @property({ type: Number, attribute: 'list-size' }) listSize = 8;

  private readonly size = new SizeController(this);

  private get window(): number | 'auto' {
    const ok = (v: number | 'auto') => v === 'auto' || integerIn(1, 730)(v);
    return this.validAttribute('days', this.days, ok, 'auto', 'auto or a whole number of days from 1 to 730');
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
    const breakdown = this.by;
    const { minDate, maxDate } = dashboard.info ?? {};
    const gaps = rows<{ gap_days: number; gaps: number }>(
      await engine.query(named('interPurchaseGaps', filters), signal),
    );
    const cycle = churnWindow(gaps);
    const auto = this.window === 'auto';
    const days = this.window === 'auto' ? cycle.days : this.window;
    const empty = { days, auto, cycle, series: [], breakdown, groups: [], atRisk: [], active: 0, atRiskCount: 0 };
    if (!minDate || !maxDate) return { ...empty, model: NO_CHURN_MODEL };
    const end = filters.dateTo ?? maxDate;
    const refDates = churnReferenceDates(filters.dateFrom ?? minDate, end, minDate, maxDate, days);
    // The customer summaries go first into the query queue: the churn model and the early warning then run in the
    // worker while DuckDB computes the churn rates.
    const customers = customerModelsOf(dashboard).churn(engine, filters, { end, days, listSize: this.listLength });
    type Row = { active: number; churned: number; rate: number | null };
    const [series, groups, analysis] = await Promise.all([
      engine
        .query(named('churn', filters, { days, refDates }), signal)
        .then((t) => rows<Row & { ref_date: string }>(t)),
      engine
        .query(named('churn', filters, { days, refDates, by: breakdown }), signal)
        .then((t) => rows<Row & { grp: string; customers: number }>(t)),
      customers,
    ]);
    signal.throwIfAborted();
    return {
      ...empty,
      ...analysis,
      series: series.map((r) => ({ refDate: r.ref_date, active: r.active, churned: r.churned, rate: r.rate })),
      groups: groups.map((g) => ({
        group: g.grp,
        customers: g.customers,
        active: g.active,
        churned: g.churned,
        rate: g.rate,
      })),
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Its worker starts loading while DuckDB loads the data.
    this.dashboard?.models?.prepare();
    this.dashboard?.models?.watchFallback(this);
  }

  protected override isEmpty(result: ChurnResult): boolean {
    return result.series.length === 0 && result.atRisk.length === 0 && !result.model.fitted;
  }

  protected override emptyMessage(): string {
    const days = this.task.value?.days ?? this.window;
    return `Not enough history: churn needs ${days} days of data before and after a month start.`;
  }

  protected override renderControls() {
    const by = [
      ['segment', 'By segment'],
      ['cohort', 'By cohort'],
    ] as const;
    const windows = [['auto', 'Cycle'], ...[30, 60, 90, 180].map((d) => [d, `${d} d`] as const)] as const;
    return html`${segmented('Churned after (days without an order)', windows, this.window, (d) => (this.days = d))}
    ${segmented('Break churn down by', by, this.by, (b) => (this.breakdown = b))}`;
  }

  /** Every part in one long table: a "Section" column says which (rate by month, by segment or cohort, at risk). */
  protected override exportTable(r: ChurnResult): ExportTable {
    return churnExport(r, this.format);
  }

  protected override renderResult(r: ChurnResult) {
    return html`${churnDefinition(r.days, r.cycle, r.auto, this.format)}
      <div class="layout">
        <div>
          <h3>Churn rate, ${r.days}-day windows</h3>
          ${r.series.length ? churnLine(r, this.format, this.size.drawWidth) : html`<p class="note">No month start in the window has ${r.days} days of data on both sides.</p>`}
        </div>
        <div>
          <h3>By ${r.breakdown}</h3>
          ${r.groups.length ? churnBars(r, this.format, this.size.drawWidth) : html`<p class="note">No active customers to break down.</p>`}
        </div>
        <div>
          <h3>Churn model</h3>
          ${churnModelSummary(r.model, r.days, this.format)}
        </div>
        <div>
          <h3>Early warning: customers at risk</h3>
          ${atRiskTable(r, this.format)}
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-churn': MktChurn;
  }
}
