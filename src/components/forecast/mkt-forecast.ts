import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { tableToggle } from '../base/table-toggle.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { addDays } from '../../metrics/filter-sql.js';
import { trendRows, type TrendSums, type Window } from '../../metrics/revenue-trend.js';
import {
  backtest,
  blockSums,
  fitHoltWinters,
  forecastBlocks,
  withoutOutliers,
  type Backtest,
  type EtsParams,
  type ForecastPoint,
} from '../../models/forecast.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { utcDay } from '../../charts/time-format.js';
import { timeLine } from '../../charts/time-line.js';
import { forecastStyles } from './mkt-forecast.styles.js';
import { named } from '../../queries/registry.js';
import { nextTask } from '../../models/in-slices.js';

export interface WeekValue {
  /** Last day of the 7-day week, `YYYY-MM-DD`. */
  readonly end: string;
  readonly gmv: number;
}

export interface ForecastResult {
  readonly window: Window;
  readonly history: readonly WeekValue[];
  readonly forecast: readonly (ForecastPoint & { end: string })[];
  readonly params: EtsParams | null;
  readonly backtest: Backtest | null;
  /** Fewer than MIN_WEEKS whole weeks in the window. */
  readonly tooShort: boolean;
}

/** Shortest history to fit: six whole weeks (the start values use two). */
const MIN_WEEKS = 6;
const HOLDOUT = 4;
const HEIGHT = 220;

/**
 * GMV (completed orders) per week, with a forecast of the next `weeks` weeks and its 80% and 95% prediction
 * intervals. The model (`src/models/forecast.ts`) is additive Holt-Winters with a damped trend fitted to the
 * daily GMV of the filtered window, with the day-of-week pattern as its season; weeks are 7-day blocks ending on
 * the window's last day. Beside it, the backtest: the model refitted without the last 4 weeks and scored on them
 * (MAPE, mean absolute percentage error), next to the seasonal naive forecast's MAPE (each held-out week = the
 * week before them). The model learns the weekly rhythm and the recent level and trend, not yearly events: a
 * forecast into a holiday season will miss its peak.
 *
 * @summary Weekly GMV forecast with prediction intervals and its backtest error.
 * @csspart card - The widget's frame.
 * @csspart chart - The chart.
 * @csspart backtest - The backtest panel.
 * @csspart table - The table view.
 * @cssprop --mkt-series-1 - Colour of the history and forecast lines.
 */
@customElement('mkt-forecast')
export class MktForecast extends MktWidget<ForecastResult> {
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override readonly queryPriority = 'background' as const;
  protected override readonly memoResults = true;
  static override styles = [...MktWidget.styles, chartStyles, forecastStyles];

  /** Weeks to forecast (1–52; default 8). */
  @property({ type: Number }) weeks = 8;

  @state() private view: 'chart' | 'table' = 'chart';
  private readonly size = new SizeController(this);

  private get horizon(): number {
    return this.validAttribute('weeks', this.weeks, integerIn(1, 52), 8, 'a whole number of weeks from 1 to 52');
  }

  protected override queryArgs() {
    return [this.horizon];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<ForecastResult> {
    const info = dashboard.info!;
    const none = (window: Window, tooShort: boolean): ForecastResult => ({
      window,
      history: [],
      forecast: [],
      params: null,
      backtest: null,
      tooShort,
    });
    if (!info.minDate || !info.maxDate) return none({ from: '1970-01-01', to: '1970-01-01' }, false);
    const window = kpiPeriods(filters, info.minDate, info.maxDate).current;
    const table = await engine.query(named('revenueTrend', filters, window, 'day'), signal);
    const daily = trendRows(rows<TrendSums>(table), window, 'day').map((r) => r.gmv);
    const weekly = blockSums(daily);
    if (daily.every((v) => v === 0)) return none(window, false);
    if (weekly.length < MIN_WEEKS) return none(window, true);
    // The decomposition reads the same answer: each fit gets a task of its own.
    await nextTask(signal);
    // Fit on whole weeks only, so the seasonal positions line up with the blocks.
    const whole = daily.slice(daily.length % 7);
    const fit = fitHoltWinters(withoutOutliers(whole), 7);
    const horizon = this.horizon;
    const history = weekly.map((gmv, i) => ({ end: addDays(window.to, -7 * (weekly.length - 1 - i)), gmv }));
    const forecast = forecastBlocks(fit, horizon).map((p, i) => ({ ...p, end: addDays(window.to, 7 * (i + 1)) }));
    return { window, history, forecast, params: fit.params, backtest: backtest(whole, 7, HOLDOUT), tooShort: false };
  }

  protected override isEmpty(result: ForecastResult): boolean {
    return result.history.length === 0;
  }

  protected override emptyMessage(): string {
    return this.task.value?.tooShort
      ? `A forecast needs at least ${MIN_WEEKS} weeks of history: widen the date range.`
      : 'No data matches the current filters.';
  }

  protected override renderControls() {
    return tableToggle(this.view === 'table', () => (this.view = this.view === 'table' ? 'chart' : 'table'));
  }

  protected override exportTable(result: ForecastResult): ExportTable {
    return {
      columns: ['Week ending', 'Kind', 'GMV', 'Low 80%', 'High 80%', 'Low 95%', 'High 95%'],
      rows: [
        ...result.history.map((h) => [h.end, 'Actual', h.gmv, null, null, null, null]),
        ...result.forecast.map((p) => [p.end, 'Forecast', p.mean, p.lo80, p.hi80, p.lo95, p.hi95]),
      ],
    };
  }

  protected override renderResult(result: ForecastResult) {
    const f = this.format;
    const total = result.forecast.reduce((s, p) => s + p.mean, 0);
    return html`<div class="layout">
      <div class="main">${this.view === 'table' ? this.renderTable(result) : this.renderChart(result)}</div>
      <aside class="side" part="backtest">
        <p class="headline">
          <span class="label">Next ${result.forecast.length} ${result.forecast.length === 1 ? 'week' : 'weeks'}</span>
          <span class="value">${f.money(total)}</span>
        </p>
        ${this.renderBacktest(result.backtest)}
        <p class="note">
          Holt-Winters (additive, damped trend) on daily GMV with a weekly pattern; does not foresee yearly events.
        </p>
      </aside>
    </div>`;
  }

  private renderBacktest(b: Backtest | null) {
    const f = this.format;
    if (!b || b.mape === null)
      return html`<p class="backtest none">Too little history for a backtest (needs ${MIN_WEEKS + HOLDOUT} weeks).</p>`;
    return html`<dl class="backtest">
      <div>
        <dt>Backtest error (MAPE, last ${b.blocks} weeks)</dt>
        <dd class="mape">${f.percent(b.mape, 1)}</dd>
      </div>
      <div>
        <dt>Seasonal naive, same weeks</dt>
        <dd class="naive">${f.percent(b.naiveMape, 1)}</dd>
      </div>
    </dl>`;
  }

  private renderTable(result: ForecastResult) {
    const f = this.format;
    type Row = { end: string; kind: string; gmv: number; lo?: number; hi?: number };
    const table: Row[] = [
      ...result.history.slice(-8).map((h) => ({ end: h.end, kind: 'Actual', gmv: h.gmv })),
      ...result.forecast.map((p) => ({ end: p.end, kind: 'Forecast', gmv: p.mean, lo: p.lo95, hi: p.hi95 })),
    ];
    return dataTable(
      'Weekly GMV, actual and forecast with 95% prediction interval',
      [
        { label: 'Week ending', value: (r: Row) => f.date(r.end) },
        { label: '', value: (r: Row) => r.kind },
        { label: 'GMV', value: (r: Row) => f.money(r.gmv), numeric: true },
        {
          label: '95% interval',
          value: (r: Row) => (r.lo === undefined ? '' : `${f.money(r.lo)} – ${f.money(r.hi)}`),
          numeric: true,
        },
      ],
      table,
    );
  }

  private renderChart(result: ForecastResult) {
    const f = this.format;
    // The backtest panel (12rem + gap) sits beside the chart when there is room for both.
    const full = this.size.drawWidth;
    const last = result.history[result.history.length - 1];
    const lastF = result.forecast[result.forecast.length - 1];
    const start = { end: last.end, mean: last.gmv, lo80: last.gmv, hi80: last.gmv, lo95: last.gmv, hi95: last.gmv };
    const fc = [start, ...result.forecast];
    const at = (d: { end: string }) => utcDay(d.end);
    const band = (lo: 'lo80' | 'lo95', hi: 'hi80' | 'hi95') => fc.map((p) => ({ x: at(p), y0: p[lo], y: p[hi] }));
    const label = `Weekly GMV, ${result.history.length} weeks of history and ${result.forecast.length} forecast. Last week ${f.money(last.gmv)}; week ending ${f.date(lastF.end)} forecast ${f.money(lastF.mean)} (95% interval ${f.money(lastF.lo95)} to ${f.money(lastF.hi95)}).`;
    return html`<div class="chart" part="chart">
      ${timeLine(
        [
          { key: 'b95', mark: 'band', class: 'band b95', points: band('lo95', 'hi95') },
          { key: 'b80', mark: 'band', class: 'band b80', points: band('lo80', 'hi80') },
          {
            key: 'history',
            mark: 'line',
            class: 'history',
            points: result.history.map((h) => ({ x: at(h), y: h.gmv })),
          },
          { key: 'forecast', mark: 'line', class: 'forecast', points: fc.map((p) => ({ x: at(p), y: p.mean })) },
          {
            key: 'points',
            mark: 'dots',
            class: 'fc-point',
            r: 2.5,
            points: result.forecast.map((p) => ({ x: at(p), y: p.mean })),
          },
        ],
        {
          width: full >= 540 ? full - 184 : full,
          height: HEIGHT,
          locale: this.dashboard?.locale,
          yFormat: (v) => f.moneyCompact(v),
          yMin: 1,
          label,
          rules: [{ x: at(last), class: 'now' }],
        },
      )}
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch history"></span>Actual</li>
        <li><span class="swatch forecast"></span>Forecast</li>
        <li><span class="swatch b80"></span>80% interval</li>
        <li><span class="swatch b95"></span>95% interval</li>
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-forecast': MktForecast;
  }
}
