import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { line, scaleLinear, scaleUtc } from 'd3';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn, numberIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { daysInclusive, addDays } from '../../metrics/filter-sql.js';
import { dailyOrderSeriesSql, dailySessionSeriesSql, weeklySellerChurnSql } from '../../metrics/anomalies.js';
import type { Window } from '../../metrics/revenue-trend.js';
import {
  DEFAULT_THRESHOLD,
  enoughEvents,
  episodes,
  median,
  scoreSeries,
  type AnomalyOptions,
} from '../../models/anomaly.js';
import { axisBottom, axisLeft } from '../../charts/axes.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { tickCount, timeTickFormat, utcDay } from '../../charts/time-format.js';
import { anomaliesStyles } from './mkt-anomalies.styles.js';

export type AnomalyMetric = 'gmv' | 'orders' | 'conversion' | 'late_rate' | 'churn';
type Dim = 'all' | 'category' | 'tier';

/** One scored series: daily, or weekly for churn. */
export interface AnomalySeries {
  readonly metric: AnomalyMetric;
  readonly unit: 'day' | 'week';
  /** `YYYY-MM-DD` of each point (the Monday for weeks). */
  readonly days: readonly string[];
  readonly dim: Dim;
  readonly slice: string;
  readonly observed: number[];
  readonly expected: number[];
  readonly scores: number[];
  readonly flagged: boolean[];
}

/** One unusual movement: a run of flagged days of one series, reported at its most extreme day. */
export interface Anomaly {
  readonly series: number;
  readonly metric: AnomalyMetric;
  readonly dim: Dim;
  readonly slice: string;
  readonly from: string;
  readonly to: string;
  /** The most extreme day. */
  readonly day: string;
  readonly observed: number;
  readonly expected: number;
  readonly score: number;
}

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
/** Shortest window worth decomposing: four weeks. */
const MIN_DAYS = 28;
/** Smallest typical daily volume (median over days) for a series to be scored; below it, noise dominates. */
const MIN_ORDERS = 5;
/** Least expected events (and non-events) per point for a rate series (n·p). */
const MIN_EVENTS = 2;
const HEIGHT = 170;
const MARGIN = { top: 8, right: 10, bottom: 24, left: 54 };

type OrderRow = { dim: Dim; slice: string; day: string; gmv: number; orders: number; shipped: number; late: number };
type SessionRow = { dim: Dim; slice: string; day: string; sessions: number; purchases: number };
type ChurnRow = { dim: Dim; slice: string; day: string; active: number; churned: number };

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
      engine.query(dailyOrderSeriesSql(filters, window), signal).then((t) => rows<OrderRow>(t)),
      hasSessions
        ? engine.query(dailySessionSeriesSql(filters, window), signal).then((t) => rows<SessionRow>(t))
        : Promise.resolve([]),
      engine.query(weeklySellerChurnSql(filters, window, info.maxDate), signal).then((t) => rows<ChurnRow>(t)),
    ]);
    signal.throwIfAborted();
    const days = Array.from({ length: n }, (_, i) => addDays(window.from, i));
    const threshold = this.cutOff;
    const out: AnomalySeries[] = [];
    let skipped = 0;
    const add = (
      metric: AnomalyMetric,
      group: Group,
      values: number[],
      options: AnomalyOptions,
      enough: boolean,
      unit: 'day' | 'week' = 'day',
    ) => {
      if (!enough || values.filter(Number.isFinite).length < (unit === 'day' ? MIN_DAYS : 8)) {
        skipped++;
        return;
      }
      const scored = scoreSeries(
        values,
        unit === 'day' ? { period: 7, threshold, ...options } : { period: 1, window: 9, threshold, ...options },
      );
      out.push({
        metric,
        unit,
        dim: group.dim,
        slice: group.slice,
        days: unit === 'day' ? days : group.days,
        observed: values,
        expected: scored.map((p) => p.expected),
        scores: scored.map((p) => p.score),
        flagged: scored.map((p) => p.flagged),
      });
    };
    const rate = (events: number[], trials: number[]) =>
      events.map((x, i) => (trials[i] > 0 ? x / trials[i] : Number.NaN));
    for (const group of groupBy(orders, days)) {
      const col = (k: keyof OrderRow) => group.rows.map((r) => (r ? (r[k] as number) : 0));
      const [gmv, count, shipped, late] = [col('gmv'), col('orders'), col('shipped'), col('late')];
      const busy = median(count) >= MIN_ORDERS;
      add('gmv', group, gmv, { transform: 'sqrt' }, busy);
      add('orders', group, count, { transform: 'sqrt' }, busy);
      const lateRate = rate(late, shipped);
      add('late_rate', group, lateRate, { weights: shipped }, enoughEvents(lateRate, shipped, MIN_EVENTS));
    }
    for (const group of groupBy(sessions, days)) {
      const s = group.rows.map((r) => r?.sessions ?? 0);
      const conversion = rate(
        group.rows.map((r) => r?.purchases ?? 0),
        s,
      );
      add('conversion', group, conversion, { weights: s }, enoughEvents(conversion, s, MIN_EVENTS));
    }
    const weeks = [...new Set(churn.map((r) => r.day))].sort();
    for (const group of groupBy(churn, weeks)) {
      const a = group.rows.map((r) => r?.active ?? 0);
      const churnRate = rate(
        group.rows.map((r) => r?.churned ?? 0),
        a,
      );
      add('churn', group, churnRate, { weights: a, direction: 'up' }, enoughEvents(churnRate, a, MIN_EVENTS), 'week');
    }
    const anomalies: Anomaly[] = [];
    out.forEach((s, index) => {
      const points = s.observed.map((observed, i) => ({
        index: i,
        observed,
        expected: s.expected[i],
        score: s.scores[i],
        flagged: s.flagged[i],
      }));
      for (const e of episodes(points)) {
        anomalies.push({
          series: index,
          metric: s.metric,
          dim: s.dim,
          slice: s.slice,
          from: s.days[e.start],
          to: s.unit === 'week' ? addDays(s.days[e.end], 6) : s.days[e.end],
          day: s.days[e.peak.index],
          observed: e.peak.observed,
          expected: e.peak.expected,
          score: e.peak.score,
        });
      }
    });
    anomalies.sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.day.localeCompare(b.day));
    return { window, series: out, anomalies, skipped, tooShort: false };
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

  /** Where an anomaly is, in words: "All", "Electronics", "silver tier". */
  static where(a: Pick<Anomaly, 'dim' | 'slice'>): string {
    return a.dim === 'tier' ? `${a.slice} tier` : a.slice;
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
    const width = this.size.drawWidth;
    const w = width - MARGIN.left - MARGIN.right;
    const h = HEIGHT - MARGIN.top - MARGIN.bottom;
    const dates = s.days.map(utcDay);
    const x = scaleUtc()
      .domain([dates[0], dates[dates.length - 1]])
      .range([0, w]);
    const finite = [...s.observed, ...s.expected].filter(Number.isFinite);
    const y = scaleLinear()
      .domain([0, Math.max(1e-9, ...finite)])
      .nice(4)
      .range([h, 0]);
    const drawn = (v: number[]) =>
      line<number>()
        .defined((d) => Number.isFinite(d))
        .x((_, i) => x(dates[i]))
        .y((d) => y(d))(v) ?? '';
    const ticks = x.ticks(tickCount(w, 90));
    const kind = METRICS[s.metric].kind;
    const f = this.format;
    const yFormat = (v: number) =>
      kind === 'money' ? f.moneyCompact(v) : kind === 'rate' ? f.percent(v, 0) : f.compact(v);
    const from = s.days.indexOf(a.from);
    const to = s.days.indexOf(s.unit === 'week' ? addDays(a.to, -6) : a.to);
    const band = Math.max(2, x(dates[to]) - x(dates[from]));
    const label = `${METRICS[s.metric].label}, ${MktAnomalies.where(s)}, per ${s.unit}: ${s.flagged.filter(Boolean).length} flagged days. Selected: ${this.value(s.metric, a.observed)} on ${f.date(a.day)}, ${this.value(s.metric, a.expected)} expected.`;
    return html`<figure class="chart" part="chart">
      <figcaption>${METRICS[s.metric].label} · ${MktAnomalies.where(s)} · per ${s.unit}</figcaption>
      <svg width=${width} height=${HEIGHT} viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label=${label}>
        <g transform="translate(${MARGIN.left},${MARGIN.top})">
          ${axisLeft(y, { ticks: 4, format: yFormat, grid: w })}
          <g transform="translate(0,${h})">
            ${axisBottom(x, { ticks: tickCount(w, 90), format: timeTickFormat(this.dashboard?.locale ?? 'en-US', ticks) })}
          </g>
          <rect class="band" x=${x(dates[from]) - 1} width=${band} y="0" height=${h}></rect>
          <path class="expected" d=${drawn(s.expected)}></path>
          <path class="observed" d=${drawn(s.observed)}></path>
          ${s.flagged.map((flag, i) =>
            flag && Number.isFinite(s.observed[i])
              ? svg`<circle class="flag ${s.scores[i] > 0 ? 'up' : 'down'}" r="3.5" cx=${x(dates[i])} cy=${y(s.observed[i])}></circle>`
              : nothing,
          )}
        </g>
      </svg>
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch observed"></span>Observed</li>
        <li><span class="swatch expected"></span>Expected (trend + weekday)</li>
        <li><span class="swatch flag"></span>Flagged ${s.unit}</li>
      </ul>
    </figure>`;
  }
}

interface Group {
  readonly dim: Dim;
  readonly slice: string;
  readonly days: readonly string[];
}

/** Rows of one (dim, slice) per group, placed on `days` (null where a day has no row). */
function groupBy<R extends { dim: Dim; slice: string; day: string }>(rows: readonly R[], days: readonly string[]) {
  const at = new Map(days.map((d, i) => [d, i]));
  const groups = new Map<string, Group & { rows: (R | null)[] }>();
  for (const r of rows) {
    const key = `${r.dim}\u0000${r.slice}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { dim: r.dim, slice: r.slice, days, rows: new Array<R | null>(days.length).fill(null) }));
    const i = at.get(r.day);
    if (i !== undefined) g.rows[i] = r;
  }
  const order: Record<Dim, number> = { all: 0, category: 1, tier: 2 };
  return [...groups.values()].sort((a, b) => order[a.dim] - order[b.dim] || a.slice.localeCompare(b.slice));
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-anomalies': MktAnomalies;
  }
}
