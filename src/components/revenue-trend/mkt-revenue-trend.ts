import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleProps } from '../../charts/style-props.js';
import { area, line, scaleLinear, scaleUtc } from 'd3';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { tableToggle } from '../base/table-toggle.js';
import type { ExportTable } from '../../charts/export.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { priorPeriod } from '../../metrics/filter-sql.js';
import {
  GRANULARITIES,
  isGranularity,
  revenueTrendSql,
  type Granularity,
  type TrendRow,
  type Window,
} from '../../metrics/revenue-trend.js';
import { axisBottom, axisLeft } from '../../charts/axes.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import { bucketLabel, dayRangeLabel, tickCount, timeTickFormat, utcDay } from '../../charts/time-format.js';
import { cursorKey } from '../../charts/cursor-keys.js';
import { SERIES } from '../base/tokens.styles.js';
import { revenueTrendStyles } from './mkt-revenue-trend.styles.js';

export interface RevenueTrendResult {
  readonly window: Window;
  readonly granularity: Granularity;
  readonly compare: boolean;
  readonly rows: readonly TrendRow[];
  /** The prior period starts before the first order of the data. */
  readonly priorIncomplete: boolean;
}

const UNIT_WORDS: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month' };
const HEIGHT = 220;
const MARGIN = { top: 10, right: 12, bottom: 26, left: 58 };

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
  static override styles = [...MktWidget.styles, chartStyles, revenueTrendStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** Bucket size: `day`, `week` or `month` (anything else reads as `month`). */
  @property({ reflect: true }) granularity: Granularity = 'month';
  /** Overlay the prior period of equal length. */
  @property({ type: Boolean, reflect: true }) compare = false;

  @state() private view: 'chart' | 'table' = 'chart';
  @state() private cursor: number | null = null;
  @state() private tip: TooltipState | null = null;
  private readonly size = new SizeController(this);
  /** Where the last drawn chart put each point, in the chart container's coordinates (for the tooltip). */
  private points: { x: number; y: number }[] = [];

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
      };
    }
    const window = kpiPeriods(filters, info.minDate, info.maxDate).current;
    const table = await engine.query(
      revenueTrendSql(filters, window, granularity, { compare, dataStart: info.minDate }),
      signal,
    );
    return {
      window,
      granularity,
      compare,
      rows: rows<TrendRow>(table),
      priorIncomplete: priorPeriod(window.from, window.to).from < info.minDate,
    };
  }

  protected override isEmpty(result: RevenueTrendResult): boolean {
    return result.rows.length === 0;
  }

  protected override renderControls() {
    return html`
      <div class="segmented" role="group" aria-label="Granularity">
        ${GRANULARITIES.map(
          (g) =>
            html`<button
              type="button"
              aria-pressed=${this.unit === g ? 'true' : 'false'}
              @click=${() => this.setGranularity(g)}
            >
              ${UNIT_WORDS[g]}
            </button>`,
        )}
      </div>
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
    this.cursor = null;
    this.tip = null;
    this.granularity = g;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'granularity', value: g }));
  }

  private setCompare(on: boolean) {
    this.compare = on;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'compare', value: on }));
  }

  protected override exportTable(result: RevenueTrendResult): ExportTable {
    return {
      columns: ['Period start', 'Period end', 'GMV', 'Orders', ...(result.compare ? ['Prior GMV'] : [])],
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
    const partial = unit !== 'day' && (row.bucket_from !== row.bucket || this.bucketEnd(row, unit) !== row.bucket_to);
    return partial ? `${name} (only ${dayRangeLabel(row.bucket_from, row.bucket_to, locale)})` : name;
  }

  private bucketEnd(row: TrendRow, unit: Granularity): string {
    const d = utcDay(row.bucket);
    if (unit === 'week') d.setUTCDate(d.getUTCDate() + 6);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
    return d.toISOString().slice(0, 10);
  }

  private renderTable(result: RevenueTrendResult) {
    const f = this.format;
    const columns = [
      { label: 'Period', value: (r: TrendRow) => this.label(r, result.granularity) },
      { label: 'GMV', value: (r: TrendRow) => f.money(r.gmv), numeric: true },
      { label: 'Orders', value: (r: TrendRow) => f.count(r.orders), numeric: true },
      ...(result.compare ? [{ label: 'Prior GMV', value: (r: TrendRow) => f.money(r.gmv_prior), numeric: true }] : []),
    ];
    return dataTable(`GMV by ${result.granularity}`, columns, result.rows);
  }

  private renderChart(result: RevenueTrendResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const w = width - MARGIN.left - MARGIN.right;
    const h = HEIGHT - MARGIN.top - MARGIN.bottom;
    const points = result.rows;
    const dates = points.map((r) => utcDay(r.bucket));
    const first = dates[0];
    const last = dates.length > 1 ? dates[dates.length - 1] : new Date(first.getTime() + 86_400_000);
    const x = scaleUtc().domain([first, last]).range([0, w]);
    const max = Math.max(1, ...points.map((r) => Math.max(r.gmv, r.gmv_prior ?? 0)));
    const y = scaleLinear().domain([0, max]).nice(4).range([h, 0]);
    const ticks = x.ticks(tickCount(w, 80));
    const tickFormat = timeTickFormat(this.dashboard?.locale ?? 'en-US', ticks);
    const gmvLine = line<TrendRow>()
      .x((_, i) => x(dates[i]))
      .y((r) => y(r.gmv));
    const gmvArea = area<TrendRow>()
      .x((_, i) => x(dates[i]))
      .y0(h)
      .y1((r) => y(r.gmv));
    const priorLine = line<TrendRow>()
      .defined((r) => r.gmv_prior !== null)
      .x((_, i) => x(dates[i]))
      .y((r) => y(r.gmv_prior ?? 0));
    this.points = points.map((r, i) => ({ x: MARGIN.left + x(dates[i]), y: MARGIN.top + y(r.gmv) }));
    const c = this.cursor !== null && this.cursor < points.length ? this.cursor : null;
    const unitWord = UNIT_WORDS[result.granularity].toLowerCase();
    return html`<div class="chart">
        <svg width=${width} height=${HEIGHT} viewBox="0 0 ${width} ${HEIGHT}">
          <g transform="translate(${MARGIN.left},${MARGIN.top})">
            ${axisLeft(y, { ticks: 4, format: (v: number) => f.moneyCompact(v), grid: w })}
            <g transform="translate(0,${h})">${axisBottom(x, { ticks: tickCount(w, 80), format: tickFormat })}</g>
            <path class="area" d=${gmvArea(points as TrendRow[]) ?? ''}></path>
            ${result.compare ? svg`<path class="line prior" d=${priorLine(points as TrendRow[]) ?? ''}></path>` : nothing}
            <path class="line" d=${gmvLine(points as TrendRow[]) ?? ''}></path>
            ${
              c !== null
                ? svg`<g class="cursor" transform="translate(${x(dates[c])},0)">
                <line y1="0" y2=${h}></line>
                ${result.compare && points[c].gmv_prior !== null ? svg`<circle class="prior" r="3.5" cy=${y(points[c].gmv_prior!)}></circle>` : nothing}
                <circle r="4" cy=${y(points[c].gmv)}></circle>
              </g>`
                : nothing
            }
            <rect
              class="hit plot"
              part="plot"
              tabindex="0"
              role="group"
              width=${w}
              height=${h}
              aria-label="${this.summary(result)} Use the arrow keys to read each ${unitWord}."
              @pointermove=${(e: PointerEvent) => this.pointAt(e)}
              @pointerleave=${() => this.hide()}
              @keydown=${(e: KeyboardEvent) => this.key(e, points.length)}
              @focus=${() => this.key(null, points.length)}
              @blur=${() => this.hide()}
            ></rect>
          </g>
        </svg>
        ${tooltip(this.tip)}
        <div class="visually-hidden" aria-live="polite">
          ${c !== null ? this.tipLines(points[c], result).join(', ') : ''}
        </div>
      </div>
      ${
        result.compare
          ? html`<ul class="legend" part="legend">
              <li><span class="swatch" ${styleProps({ background: SERIES[0] })}></span>GMV</li>
              <li><span class="swatch dashed"></span>Prior period</li>
            </ul>`
          : nothing
      }`;
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
    const lines = [this.label(row, result.granularity), `GMV ${f.money(row.gmv)}`, `${f.count(row.orders)} orders`];
    if (result.compare) {
      lines.push(`Prior ${f.money(row.gmv_prior)}`);
      if (row.gmv_prior) lines.push(`${f.change((row.gmv - row.gmv_prior) / row.gmv_prior)} vs prior`);
    }
    return lines;
  }

  private show(index: number) {
    const result = this.task.value;
    const at = this.points[index];
    if (!result || !at) return;
    this.cursor = index;
    // Keep the tooltip (centred on its point) inside the chart at phone widths.
    const half = Math.min(100, this.size.drawWidth / 2);
    this.tip = {
      x: Math.max(half, Math.min(this.size.drawWidth - half, at.x)),
      y: at.y,
      lines: this.tipLines(result.rows[index], result),
    };
  }

  private pointAt(e: PointerEvent) {
    const chart = this.renderRoot.querySelector('.chart');
    if (!chart || this.points.length === 0) return;
    const px = pointIn(chart, e).x;
    let best = 0;
    for (let i = 1; i < this.points.length; i++)
      if (Math.abs(this.points[i].x - px) < Math.abs(this.points[best].x - px)) best = i;
    if (best !== this.cursor) this.show(best);
  }

  private key(e: KeyboardEvent | null, count: number) {
    if (!e) {
      if (this.cursor === null && count > 0) this.show(count - 1);
      return;
    }
    if (e.key === 'Escape') return this.hide();
    const next = cursorKey(e, this.cursor, count);
    if (next === null) return;
    e.preventDefault();
    this.show(next);
  }

  private hide() {
    this.cursor = null;
    this.tip = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-revenue-trend': MktRevenueTrend;
  }
}
