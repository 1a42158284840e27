import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn, numberIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { daysInclusive, addDays } from '../../metrics/filter-sql.js';
import type { Window } from '../../metrics/revenue-trend.js';
import { DEFAULT_THRESHOLD } from '../../models/anomaly.js';
import { runInSlices } from '../../models/in-slices.js';
import {
  detectionSteps,
  MIN_DAYS,
  type Anomaly,
  type AnomalySeries,
  type ChurnSeriesRow,
  type OrderSeriesRow,
  type SessionSeriesRow,
} from '../../models/anomaly-detection.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { anomaliesStyles } from './mkt-anomalies.styles.js';
import { anomaliesSummary, anomaliesTable, anomalyChart, anomalyItem, anomalyWhere } from './anomaly-parts.js';
import { named } from '../../queries/registry.js';
import { orderUnit, type OrderUnit } from '../../metrics/orders.js';

export type { Anomaly, AnomalyMetric, AnomalySeries } from '../../models/anomaly-detection.js';

export interface AnomaliesResult {
  readonly window: Window;
  readonly series: readonly AnomalySeries[];
  readonly anomalies: readonly Anomaly[];
  /** Series left out for too little volume. */
  readonly skipped: number;
  readonly tooShort: boolean;
  /** What the orders series counts: orders, or order lines when the data has no order ids. */
  readonly orderUnit: OrderUnit;
}

/**
 * Flags unusual days in GMV, orders, conversion, late-shipment rate and seller churn, for the whole selection, per
 * category and per seller tier. Each daily series is decomposed into a rolling-median trend and a day-of-week
 * pattern, and what is left is scored with a robust (median/MAD) z-score (`src/models/anomaly.ts`); runs of
 * flagged days are one anomaly, listed by the size of their score. GMV and orders are scored on a square-root scale;
 * rates are weighted by their daily volume. A series is scored only with enough volume: a median of 5 completed
 * orders a day for GMV and orders; for a rate, at least 2 expected events and non-events per point (n·p ≥ 2:
 * below it the scores are mostly noise). Seller churn is scored per week: sellers whose last sale fell in the week, per
 * seller selling that week, judged only for weeks ending 30 days or more before the data ends (rises only).
 *
 * Pick an anomaly to see its series: observed (line), expected (dashed) and flagged days (dots).
 *
 * @summary Unusual movements in daily GMV, orders, conversion, late rate and churn, by category and tier.
 * @fires mkt-filter-change - "Filter" on an anomaly of one category or tier selects it.
 * @csspart card - The widget's frame.
 * @csspart list - The list of anomalies.
 * @csspart chart - The trend chart of the selected series.
 * @cssprop --mkt-series-1 - Colour of the observed line.
 * @cssprop --mkt-negative - Colour of a flagged day.
 */
@customElement('mkt-anomalies')
export class MktAnomalies extends MktWidget<AnomaliesResult> {
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override readonly queryPriority = 'background' as const;
  protected override readonly memoResults = true;
  static override styles = [...MktWidget.styles, chartStyles, anomaliesStyles];

  /** |score| from which a day is flagged (3.5, Iglewicz & Hoaglin's cut-off, by default). */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD;
  /** Largest number of anomalies listed. */
  @property({ type: Number }) limit = 8;

  @state() private selected = 0;
  private readonly size = new SizeController(this);

  /** Every anomaly found under the current filters, largest score first (the list shows the first `limit`). */
  get anomalies(): readonly Anomaly[] {
    return this.task.value?.anomalies ?? [];
  }

  private get cutOff(): number {
    return this.validAttribute(
      'threshold',
      this.threshold,
      numberIn(0.5, 20),
      DEFAULT_THRESHOLD,
      'a score from 0.5 to 20',
    );
  }

  private get listed(): number {
    return this.validAttribute('limit', this.limit, integerIn(1, 100), 8, 'a whole number from 1 to 100');
  }

  protected override queryArgs() {
    return [this.cutOff];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<AnomaliesResult> {
    const info = dashboard.info!;
    const empty = (window: Window, tooShort: boolean): AnomaliesResult => ({
      window,
      series: [],
      anomalies: [],
      skipped: 0,
      tooShort,
      orderUnit: orderUnit(info),
    });
    if (!info.minDate || !info.maxDate) return empty({ from: '1970-01-01', to: '1970-01-01' }, false);
    const window = kpiPeriods(filters, info.minDate, info.maxDate).current;
    const n = daysInclusive(window.from, window.to);
    if (n < MIN_DAYS) return empty(window, true);
    const hasSessions = info.tables.has('mkt_sessions');
    const [orders, sessions, churn] = await Promise.all([
      engine.query(named('dailyOrderSeries', filters, window), signal).then((t) => rows<OrderSeriesRow>(t)),
      hasSessions
        ? engine.query(named('dailySessionSeries', filters, window), signal).then((t) => rows<SessionSeriesRow>(t))
        : Promise.resolve([]),
      engine
        .query(named('weeklySellerChurn', filters, window, info.maxDate), signal)
        .then((t) => rows<ChurnSeriesRow>(t)),
    ]);
    signal.throwIfAborted();
    const days = Array.from({ length: n }, (_, i) => addDays(window.from, i));
    const found = await runInSlices(detectionSteps({ days, orders, sessions, churn, threshold: this.cutOff }), signal);
    return { window, ...found, tooShort: false, orderUnit: orderUnit(info) };
  }

  protected override isEmpty(result: AnomaliesResult): boolean {
    return result.tooShort || result.series.length === 0;
  }

  protected override emptyMessage(): string {
    const r = this.task.value;
    if (r?.tooShort) return 'Anomaly detection needs at least four weeks of data: widen the date range.';
    return 'No data matches the current filters.';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('dashboard') || changed.has('threshold')) this.selected = 0;
    // Checked now: a bad limit is reported even while there is no list to cut.
    if (changed.has('limit')) void this.listed;
  }

  /** Where an anomaly is, in words: "All", "Electronics", "Silver tier". */
  static where(a: Pick<Anomaly, 'dim' | 'slice'>): string {
    return anomalyWhere(a);
  }

  /** Every anomaly found (not only the listed ones), largest first. */
  protected override exportTable(result: AnomaliesResult): ExportTable {
    return anomaliesTable(result.anomalies, result.orderUnit);
  }

  protected override renderResult(result: AnomaliesResult) {
    const list = result.anomalies.slice(0, this.listed);
    const selected = list[this.selected] ?? list[0];
    const f = this.format;
    const size = { width: this.size.drawWidth, locale: this.dashboard?.locale };
    return html`
      ${anomaliesSummary(f, result.anomalies.length, result.series.length, result.window)}
      ${selected ? anomalyChart(result.series[selected.series], selected, f, result.orderUnit, size) : nothing}
      ${
        list.length > 0
          ? html`<ol class="list" part="list" aria-label="Anomalies, largest first">
              ${list.map((a, i) =>
                anomalyItem(
                  a,
                  f,
                  result.orderUnit,
                  a === selected,
                  () => (this.selected = i),
                  () => this.filterTo(a),
                ),
              )}
            </ol>`
          : nothing
      }
      ${result.skipped > 0 ? html`<p class="note">${f.count(result.skipped)} series with too little volume were not scored.</p>` : nothing}
    `;
  }

  private filterTo(a: Anomaly) {
    this.changeFilters(a.dim === 'category' ? { categories: [a.slice] } : { tiers: [a.slice] });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-anomalies': MktAnomalies;
  }
}
