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
import {
  detectAnomalies,
  MIN_DAYS,
  type Anomaly,
  type AnomalyMetric,
  type AnomalySeries,
  type ChurnSeriesRow,
  type OrderSeriesRow,
  type SessionSeriesRow,
} from '../../models/anomaly-detection.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { utcDay } from '../../charts/time-format.js';
import { timeLine } from '../../charts/time-line.js';
import { tierWord } from '../../format/tier.js';
import { anomaliesStyles } from './mkt-anomalies.styles.js';
import { named } from '../../queries/registry.js';

export type { Anomaly, AnomalyMetric, AnomalySeries } from '../../models/anomaly-detection.js';

export interface AnomaliesResult {
  readonly window: Window;
  readonly series: readonly AnomalySeries[];
  readonly anomalies: readonly Anomaly[];
  /** Series left out for too little volume. */
  readonly skipped: number;
  readonly tooShort: boolean;
}

const METRICS: Record<AnomalyMetric, { label: string; kind: 'money' | 'count' | 'rate' }> = {
  gmv: { label: 'GMV', kind: 'money' },
  orders: { label: 'Orders', kind: 'count' },
  conversion: { label: 'Conversion', kind: 'rate' },
  late_rate: { label: 'Late shipments', kind: 'rate' },
  churn: { label: 'Seller churn', kind: 'rate' },
};
const HEIGHT = 170;
const MARGIN = { top: 8, right: 10, bottom: 24, left: 54 };
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
    return { window, ...detectAnomalies({ days, orders, sessions, churn, threshold: this.cutOff }), tooShort: false };
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
    return a.dim === 'tier' ? `${tierWord(a.slice)} tier` : a.slice;
  }

  private value(metric: AnomalyMetric, v: number): string {
    const f = this.format;
    const kind = METRICS[metric].kind;
    return kind === 'money' ? f.money(v) : kind === 'count' ? f.count(Math.round(v * 10) / 10) : f.percent(v, 1);
  }

  /** Every anomaly found (not only the listed ones), largest first. */
  protected override exportTable(result: AnomaliesResult): ExportTable {
    return {
      columns: ['Metric', 'Breakdown', 'Slice', 'From', 'To', 'Peak day', 'Observed', 'Expected', 'Robust z'],
      rows: result.anomalies.map((a) => [
        METRICS[a.metric].label,
        a.dim,
        a.slice,
        a.from,
        a.to,
        a.day,
        a.observed,
        a.expected,
        a.score,
      ]),
    };
  }

  protected override renderResult(result: AnomaliesResult) {
    const list = result.anomalies.slice(0, this.listed);
    const selected = list[this.selected] ?? list[0];
    const f = this.format;
    return html`
      ${
        list.length === 0
          ? html`<p class="none">
              No unusual days in ${f.count(result.series.length)} series (${f.date(result.window.from)} –
              ${f.date(result.window.to)}).
            </p>`
          : html`<p class="summary">
              ${f.count(result.anomalies.length)} unusual ${result.anomalies.length === 1 ? 'movement' : 'movements'} in
              ${f.count(result.series.length)} daily series, ${f.date(result.window.from)} –
              ${f.date(result.window.to)}.
            </p>`
      }
      ${selected ? this.renderChart(result, selected) : nothing}
      ${
        list.length > 0
          ? html`<ol class="list" part="list" aria-label="Anomalies, largest first">
              ${list.map((a, i) => this.renderItem(a, i, a === selected))}
            </ol>`
          : nothing
      }
      ${result.skipped > 0 ? html`<p class="note">${f.count(result.skipped)} series with too little volume were not scored.</p>` : nothing}
    `;
  }

  private renderItem(a: Anomaly, i: number, active: boolean) {
    const f = this.format;
    const days =
      a.from === a.to
        ? f.date(a.day)
        : a.metric === 'churn' && addDays(a.from, 6) === a.to
          ? `Week of ${f.date(a.from)}`
          : `${f.date(a.from)} – ${f.date(a.to)}`;
    const up = a.score > 0;
    return html`<li class="item ${active ? 'active' : ''}" data-metric=${a.metric} data-slice=${a.slice}>
      <button type="button" class="pick" aria-pressed=${active ? 'true' : 'false'} @click=${() => (this.selected = i)}>
        <span class="what"
          ><span class="metric">${METRICS[a.metric].label}</span> ·
          <span class="where">${MktAnomalies.where(a)}</span></span
        >
        <span class="when">${days}</span>
        <span class="values">${this.value(a.metric, a.observed)} vs ${this.value(a.metric, a.expected)} expected</span>
        <span class="score ${up ? 'up' : 'down'}" title="Robust z-score of the day's residual">
          <span aria-hidden="true">${up ? '▲' : '▼'}</span> z ${up ? '+' : '−'}${Math.abs(a.score).toFixed(1)}
        </span>
      </button>
      ${
        a.dim !== 'all'
          ? html`<button
              type="button"
              class="filter"
              aria-label="Filter to ${MktAnomalies.where(a)}"
              @click=${() => this.filterTo(a)}
            >
              Filter
            </button>`
          : nothing
      }
    </li>`;
  }

  private filterTo(a: Anomaly) {
    this.changeFilters(a.dim === 'category' ? { categories: [a.slice] } : { tiers: [a.slice] });
  }

  private renderChart(result: AnomaliesResult, a: Anomaly) {
    const s = result.series[a.series];
    const f = this.format;
    const kind = METRICS[s.metric].kind;
    const x = s.days.map(utcDay);
    const line = (values: number[]) => values.map((v, i) => ({ x: x[i], y: Number.isFinite(v) ? v : null }));
    const flags = (up: boolean) =>
      s.observed.map((v, i) => ({
        x: x[i],
        y: s.flagged[i] && Number.isFinite(v) && s.scores[i] > 0 === up ? v : null,
      }));
    const label = `${METRICS[s.metric].label}, ${MktAnomalies.where(s)}, per ${s.unit}: ${s.flagged.filter(Boolean).length} flagged days. Selected: ${this.value(s.metric, a.observed)} on ${f.date(a.day)}, ${this.value(s.metric, a.expected)} expected.`;
    return html`<figure class="chart" part="chart">
      <figcaption>${METRICS[s.metric].label} · ${MktAnomalies.where(s)} · per ${s.unit}</figcaption>
      ${timeLine(
        [
          { key: 'expected', mark: 'line', class: 'expected', points: line(s.expected) },
          { key: 'observed', mark: 'line', class: 'observed', points: line(s.observed) },
          { key: 'up', mark: 'dots', class: 'flag up', r: 3.5, points: flags(true) },
          { key: 'down', mark: 'dots', class: 'flag down', r: 3.5, points: flags(false) },
        ],
        {
          width: this.size.drawWidth,
          height: HEIGHT,
          margin: MARGIN,
          locale: this.dashboard?.locale,
          xSpacing: 90,
          yFormat: (v) => (kind === 'money' ? f.moneyCompact(v) : kind === 'rate' ? f.percent(v, 0) : f.compact(v)),
          label,
          spans: [{ from: utcDay(a.from), to: utcDay(s.unit === 'week' ? addDays(a.to, -6) : a.to), class: 'band' }],
        },
      )}
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch observed"></span>Observed</li>
        <li><span class="swatch dashed"></span>Expected (trend + weekday)</li>
        <li><span class="swatch flag"></span>Flagged ${s.unit}</li>
      </ul>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-anomalies': MktAnomalies;
  }
}
