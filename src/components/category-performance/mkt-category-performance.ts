import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import type { DataView } from '../base/mkt-widget.js';
import { rows } from '../../data/arrow-rows.js';
import {
  CATEGORY_METRICS,
  categoryValue,
  isCategoryMetric,
  sortCategories,
  type CategoryMetric,
  type CategoryRow,
} from '../../metrics/category-performance.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import { bars } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { segmented } from '../base/segmented.js';
import { categoryPerformanceStyles } from './mkt-category-performance.styles.js';
import { orderUnit } from '../../metrics/orders.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS } from '../base/data-notes.js';
import { named } from '../../queries/registry.js';

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

  /** Sessions are read only for the conversion rate: page events are the largest table (see deferred-tables.ts). */
  protected override queryArgs(): readonly unknown[] {
    return [this.measure === 'conversion'];
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<CategoryPerformanceResult> {
    const withSessions = this.hasSessions && this.measure === 'conversion';
    const categories = this.dashboard?.info?.categories.length;
    const table = await engine.query(named('categoryPerformance', filters, { withSessions, categories }), signal);
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
    const off = (m: CategoryMetric) =>
      m === 'conversion' && this.dashboard?.status === 'ready' && !this.hasSessions ? NEEDS_PAGE_EVENTS : null;
    const choices = CATEGORY_METRICS.map((m) => [m, METRIC_WORDS[m]] as const);
    return html`${segmented('Measure', choices, this.measure, (m) => this.setMetric(m), off)}${note}${perLine}`;
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
    return sortCategories(result.rows, metric);
  }

  /** The bars as a table: the "Table" view and the CSV export. */
  protected override dataView(result: CategoryPerformanceResult): DataView<CategoryRow> {
    const f = this.format;
    return {
      caption: `${METRIC_WORDS[this.measure]} by category`,
      rows: this.sorted(result),
      columns: [
        { label: 'Category', value: (r) => r.category },
        numberColumn('GMV', (r) => r.gmv, f.money),
        numberColumn('Orders', (r) => r.orders, f.count),
        ...(result.withSessions
          ? [
              numberColumn<CategoryRow>('Sessions', (r) => r.sessions, f.count),
              numberColumn<CategoryRow>(
                'Conversion',
                (r) => categoryValue(r, 'conversion'),
                (v) => f.percent(v, 1),
              ),
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
    const words = metric === 'gmv' ? 'GMV' : metric === 'orders' ? 'orders' : 'conversion';
    const chart = bars(
      data.map((r) => ({
        key: r.category,
        label: r.category,
        value: categoryValue(r, metric),
        text: this.valueText(r, metric),
      })),
      {
        width,
        rowHeight: ROW,
        labelWidth: stacked ? 0 : Math.min(Math.round(width * 0.38), 12 + longest * 7),
        valueWidth: 64,
        minMax: metric === 'conversion' ? 0.0001 : 1,
        track: true,
        labelsAbove: stacked,
        fitLabels: true,
        part: 'bar',
        label: `${METRIC_WORDS[metric]} by category, ${data.length} categories; largest ${data[0]?.category} (${data[0] ? this.valueText(data[0], metric) : ''})`,
        select: {
          selected,
          toggle: (category) => this.toggle(category),
          label: (b, on) =>
            `${b.label} ${b.text} ${words}, ${on ? 'selected: press to clear the category filter' : 'press to filter the dashboard to this category'}`,
          enter: (e, b) =>
            this.showTip(
              e,
              data.find((r) => r.category === b.key)!,
              result,
            ),
          leave: () => (this.tip = null),
        },
      },
    );
    return html`<div class="chart">${chart}${tooltip(this.tip)}</div>
      <p class="hint">
        ${selected.size > 0 ? 'Click the highlighted bar again to show all categories.' : 'Click a bar to filter the dashboard to that category.'}
      </p>`;
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
