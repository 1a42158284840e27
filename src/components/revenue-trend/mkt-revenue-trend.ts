import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { legend } from '../../charts/legend.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { tableToggle } from '../base/table-toggle.js';
import type { ExportTable } from '../../charts/export.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { priorPeriod } from '../../metrics/filter-sql.js';
import {
  GRANULARITIES,
  isGranularity,
  type Granularity,
  trendRows,
  type TrendRow,
  type TrendSums,
  type Window,
} from '../../metrics/revenue-trend.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { timeLineStyles } from '../../charts/time-line.styles.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { timeLine, type TimeSeries } from '../../charts/time-line.js';
import { bucketLabel, dayRangeLabel, isPartial, utcDay } from '../../charts/time-format.js';
import { SERIES } from '../base/tokens.styles.js';
import { revenueTrendStyles } from './mkt-revenue-trend.styles.js';
import { named } from '../../queries/registry.js';
import { orderUnit, type OrderUnit } from '../../metrics/orders.js';
import { ordersLabel, ordersPhrase } from '../base/data-notes.js';

export interface RevenueTrendResult {
  readonly window: Window;
  readonly granularity: Granularity;
  readonly compare: boolean;
  readonly rows: readonly TrendRow[];
  /** The prior period starts before the first order of the data. */
  readonly priorIncomplete: boolean;
  /** What the order counts count: orders, or order lines when the data has no order ids. */
  readonly orderUnit: OrderUnit;
}

const UNIT_WORDS: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month' };
const HEIGHT = 220;

/**
 * GMV (revenue of completed order lines) of the filtered window per day, week (Monday to Sunday) or month, as a
 * line, optionally over the prior period of equal length (shifted forward by that length, dashed). The first and
 * last bucket may be partial; their tooltips say which days they hold. Hover, or focus the chart and use the
 * arrow keys, to read each point; "Table" shows the numbers as a table.
 *
 * @summary GMV over time with a day / week / month toggle and the prior period as an overlay.
 * @fires mkt-option-change - The user switched the granularity or the prior-period overlay: `{ option, value }`.
 * @csspart card - The widget's frame.
 * @csspart plot - The focusable chart area.
 * @csspart tooltip - The tooltip.
 * @csspart legend - The legend.
 * @csspart table - The table view.
 * @cssprop --mkt-series-1 - Colour of the GMV line.
 * @cssprop --mkt-muted - Colour of the prior-period line.
 */
@customElement('mkt-revenue-trend')
export class MktRevenueTrend extends MktWidget<RevenueTrendResult> {
  static override styles = [...MktWidget.styles, chartStyles, timeLineStyles, revenueTrendStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** Bucket size: `day`, `week` or `month` (anything else reads as `month`). */
  @property({ reflect: true }) granularity: Granularity = 'month';
  /** Overlay the prior period of equal length. */
  @property({ type: Boolean, reflect: true }) compare = false;

  @state() private view: 'chart' | 'table' = 'chart';
  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  private get unit(): Granularity {
    return this.validAttribute('granularity', this.granularity, isGranularity, 'month', GRANULARITIES.join(', '));
  }

  protected override queryArgs() {
    return [this.unit, this.compare];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<RevenueTrendResult> {
    const info = dashboard.info!;
    const granularity = this.unit;
    const compare = this.compare;
    if (!info.minDate || !info.maxDate) {
      return {
        window: { from: '1970-01-01', to: '1970-01-01' },
        granularity,
        compare,
        rows: [],
        priorIncomplete: false,
        orderUnit: orderUnit(info),
      };
    }
    const window = kpiPeriods(filters, info.minDate, info.maxDate).current;
    const options = { compare, dataStart: info.minDate };
    const table = await engine.query(named('revenueTrend', filters, window, granularity, options), signal);
    return {
      window,
      granularity,
      compare,
      rows: trendRows(rows<TrendSums>(table), window, granularity, options),
      priorIncomplete: priorPeriod(window.from, window.to).from < info.minDate,
      orderUnit: orderUnit(info),
    };
  }

  protected override isEmpty(result: RevenueTrendResult): boolean {
    return result.rows.length === 0;
  }

  protected override renderControls() {
    return html`
      ${segmented(
        'Granularity',
        GRANULARITIES.map((g) => [g, UNIT_WORDS[g]] as const),
        this.unit,
        (g) => this.setGranularity(g),
      )}
      <label class="check"
        ><input
          type="checkbox"
          .checked=${this.compare}
          @change=${(e: Event) => this.setCompare((e.target as HTMLInputElement).checked)}
        />Prior period</label
      >
      ${tableToggle(this.view === 'table', () => (this.view = this.view === 'table' ? 'chart' : 'table'))}
    `;
  }

  private setGranularity(g: Granularity) {
    this.cursor.hide();
    this.granularity = g;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'granularity', value: g }));
  }

  private setCompare(on: boolean) {
    this.compare = on;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'compare', value: on }));
  }

  protected override exportTable(result: RevenueTrendResult): ExportTable {
    return {
      columns: [
        'Period start',
        'Period end',
        'GMV',
        ordersLabel(result.orderUnit),
        ...(result.compare ? ['Prior GMV'] : []),
      ],
      rows: result.rows.map((r) => [
        r.bucket_from,
        r.bucket_to,
        r.gmv,
        r.orders,
        ...(result.compare ? [r.gmv_prior] : []),
      ]),
    };
  }

  protected override renderResult(result: RevenueTrendResult) {
    return html`${this.view === 'table' ? this.renderTable(result) : this.renderChart(result)}
    ${result.compare && result.priorIncomplete ? html`<p class="note">The prior period starts before the data; its first points are missing.</p>` : nothing}`;
  }

  private label(row: TrendRow, unit: Granularity): string {
    const locale = this.dashboard?.locale ?? 'en-US';
    const name = bucketLabel(row.bucket, unit, locale);
    return isPartial(row.bucket, row.bucket_from, row.bucket_to, unit)
      ? `${name} (only ${dayRangeLabel(row.bucket_from, row.bucket_to, locale)})`
      : name;
  }

  private renderTable(result: RevenueTrendResult) {
    const f = this.format;
    const columns = [
      { label: 'Period', value: (r: TrendRow) => this.label(r, result.granularity) },
      { label: 'GMV', value: (r: TrendRow) => f.money(r.gmv), numeric: true },
      { label: ordersLabel(result.orderUnit), value: (r: TrendRow) => f.count(r.orders), numeric: true },
      ...(result.compare ? [{ label: 'Prior GMV', value: (r: TrendRow) => f.money(r.gmv_prior), numeric: true }] : []),
    ];
    return dataTable(`GMV by ${result.granularity}`, columns, result.rows);
  }

  private renderChart(result: RevenueTrendResult) {
    const f = this.format;
    const unit = result.granularity;
    const x = (r: TrendRow) => utcDay(r.bucket);
    const partial = (r: TrendRow) => isPartial(r.bucket, r.bucket_from, r.bucket_to, unit);
    const gmv = result.rows.map((r) => ({ x: x(r), y: r.gmv, partial: partial(r) }));
    const series: TimeSeries[] = [
      { key: 'area', mark: 'area', points: gmv },
      ...(result.compare
        ? [
            {
              key: 'prior',
              mark: 'line',
              class: 'line prior',
              points: result.rows.map((r) => ({ x: x(r), y: r.gmv_prior })),
            } as const,
          ]
        : []),
      { key: 'gmv', mark: 'line', points: gmv },
    ];
    const partials = result.rows.filter(partial);
    return html`<div class="chart">
        ${timeLine(series, {
          width: this.size.drawWidth,
          height: HEIGHT,
          locale: this.dashboard?.locale,
          yFormat: (v) => f.moneyCompact(v),
          yMin: 1,
          xPeriod: this.unit,
          label: this.summary(result),
          cursor: {
            controller: this.cursor,
            series: result.compare ? ['gmv', 'prior'] : ['gmv'],
            lines: (i) => this.tipLines(result.rows[i], result),
            hint: `Use the arrow keys to read each ${UNIT_WORDS[unit].toLowerCase()}.`,
          },
        })}
        ${this.cursor.overlay(true)}
      </div>
      ${legend([
        ...(result.compare
          ? [
              { label: 'GMV', color: SERIES[0] },
              { label: 'Prior period', dashed: true },
            ]
          : []),
        ...(partials.length > 0
          ? [
              {
                label: `Partial ${unit}: ${partials.map((r) => dayRangeLabel(r.bucket_from, r.bucket_to, this.dashboard?.locale ?? 'en-US')).join(', ')}`,
                dashed: true,
                accent: true,
                class: 'partial',
              },
            ]
          : []),
      ])}`;
  }

  /** The chart in one sentence: "GMV by week, Jan 6, 2025 – Dec 29, 2025, 52 points; peak $412K in the week of Nov 24, 2025." */
  private summary(result: RevenueTrendResult): string {
    const f = this.format;
    const rows = result.rows;
    const peak = rows.reduce((best, r) => (r.gmv > best.gmv ? r : best), rows[0]);
    const unit = result.granularity === 'day' ? '' : `the ${result.granularity} of `;
    return `GMV by ${result.granularity}, ${f.date(rows[0].bucket_from)} – ${f.date(rows[rows.length - 1].bucket_to)}, ${rows.length} points; peak ${f.moneyCompact(
      peak.gmv,
    )} in ${unit}${f.date(peak.bucket)}.`;
  }

  private tipLines(row: TrendRow, result: RevenueTrendResult): string[] {
    const f = this.format;
    const lines = [
      this.label(row, result.granularity),
      `GMV ${f.money(row.gmv)}`,
      ordersPhrase(row.orders, f.count(row.orders), result.orderUnit),
    ];
    if (result.compare) {
      lines.push(`Prior ${f.money(row.gmv_prior)}`);
      if (row.gmv_prior) lines.push(`${f.change((row.gmv - row.gmv_prior) / row.gmv_prior)} vs prior`);
    }
    return lines;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-revenue-trend': MktRevenueTrend;
  }
}
