import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { scaleLinear } from 'd3';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import type { DataView } from '../base/mkt-widget.js';
import { rows } from '../../data/arrow-rows.js';
import {
  CATEGORY_METRICS,
  categoryPerformanceSql,
  categoryValue,
  isCategoryMetric,
  type CategoryMetric,
  type CategoryRow,
} from '../../metrics/category-performance.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import { isActivation } from '../../charts/cursor-keys.js';
import { categoryPerformanceStyles } from './mkt-category-performance.styles.js';
import { orderUnit } from '../../metrics/orders.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS } from '../base/data-notes.js';

export interface CategoryPerformanceResult {
  readonly rows: readonly CategoryRow[];
  readonly withSessions: boolean;
}

const METRIC_WORDS: Record<CategoryMetric, string> = { gmv: 'GMV', orders: 'Orders', conversion: 'Conversion' };
const ROW = 30;
const WIDE_LABEL_ROOM = 440;

/**
 * Categories as horizontal bars, sorted from the largest: GMV (completed order lines), orders (completed order
 * lines) or conversion rate (sessions with a purchase / sessions whose first product is in the category; needs
 * page events). Clicking a bar, or Enter / Space on it, filters the whole dashboard to that category; doing it
 * again clears the category filter. The widget ignores the category filter itself, so every bar stays visible
 * and the selected ones are highlighted.
 *
 * @summary Category bars by GMV, orders or conversion; click to cross-filter the dashboard.
 * @fires mkt-filter-change - A bar was activated: `{ categories: [name] }`, or `{ categories: [] }` to clear.
 * @fires mkt-option-change - The user switched the measure: `{ option: 'metric', value }`.
 * @csspart card - The widget's frame.
 * @csspart bar - One category's bar (a button).
 * @csspart tooltip - The tooltip.
 * @cssprop --mkt-series-1 - Colour of the bars.
 * @cssprop --mkt-accent - Colour of the selected bar.
 */
@customElement('mkt-category-performance')
export class MktCategoryPerformance extends MktWidget<CategoryPerformanceResult> {
  static override styles = [...MktWidget.styles, chartStyles, categoryPerformanceStyles];

  /** The selection it highlights (see MktWidget). */
  protected override readonly drawnFilters = ['categories'] as const;

  /** What the bars measure: `gmv`, `orders` or `conversion`. */
  @property({ reflect: true }) metric: CategoryMetric = 'gmv';

  @state() private tip: TooltipState | null = null;
  private readonly size = new SizeController(this);

  private get measure(): CategoryMetric {
    const m = this.validAttribute('metric', this.metric, isCategoryMetric, 'gmv', CATEGORY_METRICS.join(', '));
    return m === 'conversion' && !this.hasSessions ? 'gmv' : m;
  }

  private get hasSessions(): boolean {
    return !!this.dashboard?.info?.tables.has('mkt_sessions');
  }

  protected override async query({
    engine,
    filters,
    dashboard,
    signal,
  }: QueryContext): Promise<CategoryPerformanceResult> {
    const withSessions = !!dashboard.info?.tables.has('mkt_sessions');
    const table = await engine.query(categoryPerformanceSql(filters, { withSessions }), signal);
    return { rows: rows<CategoryRow>(table), withSessions };
  }

  /** Nothing to compare: no completed order (GMV, orders), or no session (conversion), in any category. */
  protected override isEmpty(result: CategoryPerformanceResult): boolean {
    return this.measure === 'conversion'
      ? !result.rows.some((r) => (r.sessions ?? 0) > 0)
      : !result.rows.some((r) => r.orders > 0);
  }

  protected override renderControls() {
    const noSessions = this.dashboard?.status === 'ready' && !this.hasSessions;
    // Said in the element, not only in the disabled button's tooltip (a touch screen has no hover).
    const asked = this.metric === 'conversion';
    const note = noSessions
      ? html`<p class="data-note" data-note="conversion">
          Conversion: ${NEEDS_PAGE_EVENTS.toLowerCase()}${asked ? '; showing GMV instead' : ''}.
        </p>`
      : nothing;
    const perLine =
      this.dashboard?.status === 'ready' && orderUnit(this.dashboard.info) === 'line' && this.measure === 'orders'
        ? html`<p class="data-note" data-note="orders">${LINES_AS_ORDERS}.</p>`
        : nothing;
    return html`${this.renderToggle()}${note}${perLine}`;
  }

  private renderToggle() {
    return html`<div class="segmented" role="group" aria-label="Measure">
      ${CATEGORY_METRICS.map((m) => {
        const off = m === 'conversion' && this.dashboard?.status === 'ready' && !this.hasSessions;
        return html`<button
          type="button"
          aria-pressed=${this.measure === m ? 'true' : 'false'}
          ?disabled=${off}
          title=${off ? NEEDS_PAGE_EVENTS : nothing}
          @click=${() => this.setMetric(m)}
        >
          ${METRIC_WORDS[m]}
        </button>`;
      })}
    </div>`;
  }

  private setMetric(m: CategoryMetric) {
    this.metric = m;
    this.tip = null;
    this.dispatchEvent(new MktOptionChangeEvent({ option: 'metric', value: m }));
  }

  private valueText(row: CategoryRow, metric: CategoryMetric): string {
    const f = this.format;
    const v = categoryValue(row, metric);
    return metric === 'gmv' ? f.money(v) : metric === 'orders' ? f.count(v) : f.percent(v, 1);
  }

  /** The categories sorted by the measure, largest first (unknown values last, then by name). */
  sorted(result: CategoryPerformanceResult, metric = this.measure): CategoryRow[] {
    return [...result.rows].sort((a, b) => {
      const va = categoryValue(a, metric) ?? -Infinity;
      const vb = categoryValue(b, metric) ?? -Infinity;
      return vb - va || a.category.localeCompare(b.category);
    });
  }

  /** The bars as a table: the "Table" view and the CSV export. */
  protected override dataView(result: CategoryPerformanceResult): DataView<CategoryRow> {
    const f = this.format;
    return {
      caption: `${METRIC_WORDS[this.measure]} by category`,
      rows: this.sorted(result),
      columns: [
        { label: 'Category', value: (r) => r.category },
        { label: 'GMV', value: (r) => f.money(r.gmv), raw: (r) => r.gmv, numeric: true },
        { label: 'Orders', value: (r) => f.count(r.orders), raw: (r) => r.orders, numeric: true },
        ...(result.withSessions
          ? [
              {
                label: 'Sessions',
                value: (r: CategoryRow) => f.count(r.sessions),
                raw: (r: CategoryRow) => r.sessions,
                numeric: true,
              },
              {
                label: 'Conversion',
                value: (r: CategoryRow) => f.percent(categoryValue(r, 'conversion'), 1),
                raw: (r: CategoryRow) => categoryValue(r, 'conversion'),
                numeric: true,
              },
            ]
          : []),
      ],
    };
  }

  protected override renderResult(result: CategoryPerformanceResult) {
    const metric = this.measure;
    const data = this.sorted(result, metric);
    const selected = new Set(this.dashboard?.filters.categories ?? []);
    const width = this.size.drawWidth;
    const stacked = width < WIDE_LABEL_ROOM;
    const longest = Math.max(...data.map((r) => r.category.length));
    const labelWidth = stacked ? 0 : Math.min(Math.round(width * 0.38), 12 + longest * 7);
    const valueRoom = 64;
    const rowHeight = stacked ? ROW + 16 : ROW;
    const barX = labelWidth;
    const barW = Math.max(40, width - labelWidth - valueRoom);
    const max = Math.max(metric === 'conversion' ? 0.0001 : 1, ...data.map((r) => categoryValue(r, metric) ?? 0));
    const x = scaleLinear().domain([0, max]).range([0, barW]);
    const height = data.length * rowHeight;
    return html`<div class="chart">
        <svg
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          role="group"
          aria-label="${METRIC_WORDS[metric]} by category, ${data.length} categories; largest ${data[0]?.category} (${data[0] ? this.valueText(data[0], metric) : ''})"
        >
          ${data.map((r, i) => {
            const v = categoryValue(r, metric);
            const on = selected.has(r.category);
            const top = i * rowHeight + (stacked ? 16 : 0);
            const label = `${r.category} ${this.valueText(r, metric)} ${metric === 'gmv' ? 'GMV' : metric === 'orders' ? 'orders' : 'conversion'}`;
            return svg`<g class="mark bar ${on ? 'selected' : selected.size > 0 ? 'dim' : ''}" part="bar" tabindex="0" role="button"
                aria-pressed=${on ? 'true' : 'false'} data-category=${r.category}
                aria-label="${label}, ${on ? 'selected: press to clear the category filter' : 'press to filter the dashboard to this category'}"
                @click=${() => this.toggle(r.category)}
                @keydown=${(e: KeyboardEvent) => {
                  if (!isActivation(e)) return;
                  e.preventDefault();
                  this.toggle(r.category);
                }}
                @pointerenter=${(e: PointerEvent) => this.showTip(e, r, result)}
                @focus=${(e: FocusEvent) => this.showTip(e, r, result)}
                @pointerleave=${() => (this.tip = null)}
                @blur=${() => (this.tip = null)}>
              <rect class="track" x=${barX} y=${top + 3} width=${barW} height=${ROW - 8} rx="3"></rect>
              <rect class="fill" x=${barX} y=${top + 3} width=${Math.max(v ? 1 : 0, x(v ?? 0))} height=${ROW - 8} rx="3"></rect>
              <text class="name" x=${stacked ? 0 : labelWidth - 8} y=${stacked ? top - 4 : top + ROW / 2} dy=${stacked ? 0 : '0.32em'}
                text-anchor=${stacked ? 'start' : 'end'} aria-hidden="true">${this.fit(r.category, stacked ? width : labelWidth - 10)}</text>
              <text class="value" aria-hidden="true" x=${barX + barW + 6} y=${top + ROW / 2 - 1} dy="0.32em">${this.valueText(r, metric)}</text>
            </g>`;
          })}
        </svg>
        ${tooltip(this.tip)}
      </div>
      <p class="hint">
        ${selected.size > 0 ? 'Click the highlighted bar again to show all categories.' : 'Click a bar to filter the dashboard to that category.'}
      </p>`;
  }

  /** Shortens a label to about the room it has (about 6.5 px per character at 12 px), with an ellipsis. */
  private fit(text: string, room: number): string {
    const chars = Math.max(4, Math.floor(room / 6.5));
    return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
  }

  private showTip(e: Event, r: CategoryRow, result: CategoryPerformanceResult) {
    const chart = this.renderRoot.querySelector('.chart');
    if (!chart) return;
    const f = this.format;
    const lines = [r.category, `GMV ${f.money(r.gmv)}`, `${f.count(r.orders)} orders`];
    if (result.withSessions)
      lines.push(`Conversion ${f.percent(categoryValue(r, 'conversion'), 1)} of ${f.count(r.sessions)} sessions`);
    this.tip = { ...pointIn(chart, e), lines };
  }

  private toggle(category: string) {
    const current = this.dashboard?.filters.categories ?? [];
    const only = current.length === 1 && current[0] === category;
    this.changeFilters({ categories: only ? [] : [category] });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-category-performance': MktCategoryPerformance;
  }
}
