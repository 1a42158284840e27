import { html, nothing, type TemplateResult } from 'lit';
import { addDays } from '../../metrics/filter-sql.js';
import type { Window } from '../../metrics/revenue-trend.js';
import type { Anomaly, AnomalyMetric, AnomalySeries } from '../../models/anomaly-detection.js';
import type { ExportTable } from '../../charts/export.js';
import { utcDay } from '../../charts/time-format.js';
import { timeLine } from '../../charts/time-line.js';
import type { Formatter } from '../../format/format.js';
import { tierWord } from '../../format/tier.js';
import type { OrderUnit } from '../../metrics/orders.js';
import { ordersLabel } from '../base/data-notes.js';

export const METRICS: Record<AnomalyMetric, { label: string; kind: 'money' | 'count' | 'rate' }> = {
  gmv: { label: 'GMV', kind: 'money' },
  orders: { label: 'Orders', kind: 'count' },
  conversion: { label: 'Conversion', kind: 'rate' },
  late_rate: { label: 'Late shipments', kind: 'rate' },
  churn: { label: 'Seller churn', kind: 'rate' },
};
const HEIGHT = 170;

/** A metric's name; the orders series says "Order lines" when the data has no order ids. */
function metricLabel(metric: AnomalyMetric, unit: OrderUnit): string {
  return metric === 'orders' ? ordersLabel(unit) : METRICS[metric].label;
}
const MARGIN = { top: 8, right: 10, bottom: 24, left: 54 };

/** Where an anomaly is, in words: "All", "Electronics", "Silver tier". */
export function anomalyWhere(a: Pick<Anomaly, 'dim' | 'slice'>): string {
  return a.dim === 'tier' ? `${tierWord(a.slice)} tier` : a.slice;
}

/** A value of a metric as the list and the chart show it. */
export function metricValue(f: Formatter, metric: AnomalyMetric, v: number): string {
  const kind = METRICS[metric].kind;
  return kind === 'money' ? f.money(v) : kind === 'count' ? f.count(Math.round(v * 10) / 10) : f.percent(v, 1);
}

/** Every anomaly found (not only the listed ones), largest first: the CSV export. */
export function anomaliesTable(anomalies: readonly Anomaly[], unit: OrderUnit): ExportTable {
  return {
    columns: ['Metric', 'Breakdown', 'Slice', 'From', 'To', 'Peak day', 'Observed', 'Expected', 'Robust z'],
    rows: anomalies.map((a) => [
      metricLabel(a.metric, unit),
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

/** One anomaly of the list: a button that shows its series, and "Filter" for one category or tier. */
export function anomalyItem(
  a: Anomaly,
  f: Formatter,
  unit: OrderUnit,
  active: boolean,
  pick: () => void,
  filter: () => void,
): TemplateResult {
  const days =
    a.from === a.to
      ? f.date(a.day)
      : a.metric === 'churn' && addDays(a.from, 6) === a.to
        ? `Week of ${f.date(a.from)}`
        : `${f.date(a.from)} – ${f.date(a.to)}`;
  const up = a.score > 0;
  return html`<li class="item ${active ? 'active' : ''}" data-metric=${a.metric} data-slice=${a.slice}>
    <button type="button" class="pick" aria-pressed=${active ? 'true' : 'false'} @click=${pick}>
      <span class="what"
        ><span class="metric">${metricLabel(a.metric, unit)}</span> ·
        <span class="where">${anomalyWhere(a)}</span></span
      >
      <span class="when">${days}</span>
      <span class="values"
        >${metricValue(f, a.metric, a.observed)} vs ${metricValue(f, a.metric, a.expected)} expected</span
      >
      <span class="score ${up ? 'up' : 'down'}" title="Robust z-score of the day's residual">
        <span aria-hidden="true">${up ? '▲' : '▼'}</span> z ${up ? '+' : '−'}${Math.abs(a.score).toFixed(1)}
      </span>
    </button>
    ${
      a.dim !== 'all'
        ? html`<button type="button" class="filter" aria-label="Filter to ${anomalyWhere(a)}" @click=${filter}>
            Filter
          </button>`
        : nothing
    }
  </li>`;
}

/** The selected anomaly's series: observed, expected (dashed) and flagged days, the anomaly's days as a band. */
export function anomalyChart(
  series: AnomalySeries,
  a: Anomaly,
  f: Formatter,
  unit: OrderUnit,
  size: { readonly width: number; readonly locale: string | undefined },
): TemplateResult {
  const s = series;
  const kind = METRICS[s.metric].kind;
  const x = s.days.map(utcDay);
  const line = (values: number[]) => values.map((v, i) => ({ x: x[i], y: Number.isFinite(v) ? v : null }));
  const flags = (up: boolean) =>
    s.observed.map((v, i) => ({
      x: x[i],
      y: s.flagged[i] && Number.isFinite(v) && s.scores[i] > 0 === up ? v : null,
    }));
  const label = `${metricLabel(s.metric, unit)}, ${anomalyWhere(s)}, per ${s.unit}: ${s.flagged.filter(Boolean).length} flagged days. Selected: ${metricValue(f, s.metric, a.observed)} on ${f.date(a.day)}, ${metricValue(f, s.metric, a.expected)} expected.`;
  return html`<figure class="chart" part="chart">
    <figcaption>${metricLabel(s.metric, unit)} · ${anomalyWhere(s)} · per ${s.unit}</figcaption>
    ${timeLine(
      [
        { key: 'expected', mark: 'line', class: 'expected', points: line(s.expected) },
        { key: 'observed', mark: 'line', class: 'observed', points: line(s.observed) },
        { key: 'up', mark: 'dots', class: 'flag up', r: 3.5, points: flags(true) },
        { key: 'down', mark: 'dots', class: 'flag down', r: 3.5, points: flags(false) },
      ],
      {
        width: size.width,
        height: HEIGHT,
        margin: MARGIN,
        locale: size.locale,
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

/** The one-line summary above the chart: how many movements in how many series, over which days. */
export function anomaliesSummary(f: Formatter, found: number, series: number, window: Window): TemplateResult {
  const days = html`${f.date(window.from)} – ${f.date(window.to)}`;
  return found === 0
    ? html`<p class="none">No unusual days in ${f.count(series)} series (${days}).</p>`
    : html`<p class="summary">
        ${f.count(found)} unusual ${found === 1 ? 'movement' : 'movements'} in ${f.count(series)} daily series, ${days}.
      </p>`;
}
