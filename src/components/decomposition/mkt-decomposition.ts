import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { trendRows, type TrendSums, type Window } from '../../metrics/revenue-trend.js';
import { decomposeDays, WEEKLY_DAYS, type DailyDecomposition } from '../../models/decomposition.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { timeLineStyles } from '../../charts/time-line.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { decompositionPanels, decompositionText, PART_WORDS } from './decomposition-panels.js';
import { decompositionStyles } from './mkt-decomposition.styles.js';
import { named } from '../../queries/registry.js';
import { nextTask } from '../../models/in-slices.js';

const METRICS = ['gmv', 'orders'] as const;
type DecompositionMetric = (typeof METRICS)[number];

export interface DecompositionResult {
  readonly window: Window;
  readonly metric: DecompositionMetric;
  readonly days: readonly string[];
  readonly data: readonly number[];
  /** null: fewer days than a weekly pattern needs, or nothing sold. */
  readonly decomposition: DailyDecomposition | null;
}

/**
 * Daily GMV (or completed orders) of the filtered window taken apart by MSTL (`src/models/stl.ts`, checked against
 * R's `stl`): its trend, its weekly pattern, its yearly pattern when the window spans two full years, and the
 * remainder, as small multiples over one time axis, with the share of the variation each part accounts for (its
 * variance over the sum of the parts') and a sentence of what that means for reading the daily figures. A shorter
 * window is decomposed with the weekly pattern only, and says so; under 14 days it says it needs more.
 *
 * @summary Trend, weekly and yearly pattern and remainder of daily GMV or orders, with their shares.
 * @fires mkt-error - A query failed.
 * @fires mkt-option-change - The user switched the metric: `{ option: 'metric', value }`.
 * @csspart card - The widget's frame.
 * @csspart plot - The focusable first panel (read day by day with the arrow keys).
 * @csspart tooltip - The tooltip.
 * @cssprop --mkt-series-1 - Colour of the trend and the parts.
 */
@customElement('mkt-decomposition')
export class MktDecomposition extends MktWidget<DecompositionResult> {
  static override styles = [...MktWidget.styles, chartStyles, timeLineStyles, decompositionStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;
  protected override readonly queryPriority = 'background' as const;
  protected override readonly memoResults = true;

  /** What is decomposed: `gmv` (default) or `orders` (completed orders per day). */
  @property({ reflect: true }) metric: DecompositionMetric = 'gmv';

  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  protected override queryArgs() {
    return [this.validAttribute('metric', this.metric, oneOf(METRICS), 'gmv', METRICS.join(' or '))] as const;
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<DecompositionResult> {
    const [metric] = this.queryArgs();
    const info = dashboard.info!;
    if (!info.minDate || !info.maxDate)
      return { window: { from: '', to: '' }, metric, days: [], data: [], decomposition: null };
    const window = kpiPeriods(filters, info.minDate, info.maxDate).current;
    const none = { window, metric, days: [], data: [], decomposition: null };
    const table = await engine.query(named('revenueTrend', filters, window, 'day'), signal);
    const daily = trendRows(rows<TrendSums>(table), window, 'day');
    const data = daily.map((r) => (metric === 'gmv' ? r.gmv : r.orders));
    if (data.every((v) => v === 0)) return none;
    const days = daily.map((r) => r.bucket);
    // The forecast reads the same answer: each fit gets a task of its own.
    await nextTask(signal);
    return { window, metric, days, data, decomposition: decomposeDays(data, days[0] ?? window.from) };
  }

  protected override isEmpty(result: DecompositionResult): boolean {
    return result.decomposition === null;
  }

  protected override emptyMessage(): string {
    const days = this.task.value?.days.length ?? 0;
    return days > 0 && days < WEEKLY_DAYS
      ? `Taking the weekly pattern apart needs at least ${WEEKLY_DAYS} days: widen the date range.`
      : 'No sales match the current filters.';
  }

  protected override renderControls() {
    return segmented(
      'Metric',
      [
        ['gmv', 'GMV'],
        ['orders', 'Orders'],
      ] as const,
      this.queryArgs()[0],
      (m) => {
        this.metric = m;
        this.cursor.hide();
        this.dispatchEvent(new MktOptionChangeEvent({ option: 'metric', value: m }));
      },
    );
  }

  private valueFormat(metric: DecompositionMetric) {
    const f = this.format;
    return metric === 'gmv'
      ? { value: f.money, compact: f.moneyCompact }
      : { value: (v: number) => f.compact(v), compact: f.compact };
  }

  protected override dataView(result: DecompositionResult): DataView<number> {
    const parts = result.decomposition?.parts ?? [];
    const { value } = this.valueFormat(result.metric);
    const text = (v: number | null) => (v === null ? '' : value(v));
    return {
      caption: `Daily ${result.metric === 'gmv' ? 'GMV' : 'orders'} and its parts`,
      rows: result.days.map((_, i) => i),
      columns: [
        { label: 'Day', value: (i) => this.format.date(result.days[i]), raw: (i) => result.days[i] },
        numberColumn(result.metric === 'gmv' ? 'GMV' : 'Orders', (i) => result.data[i], text),
        ...parts.map((p) => numberColumn<number>(PART_WORDS[p.key], (i) => p.values[i], text)),
      ],
    };
  }

  protected override renderResult(result: DecompositionResult) {
    const f = this.format;
    const noun = result.metric === 'gmv' ? 'GMV' : 'orders';
    const d = result.decomposition!;
    return html`<p class="summary" part="summary">${decompositionText(d, result.days.length, noun, f)}</p>
      ${decompositionPanels({
        days: result.days,
        data: result.data,
        decomposition: d,
        noun,
        ...this.valueFormat(result.metric),
        f,
        locale: this.dashboard?.locale ?? 'en-US',
        width: this.size.drawWidth,
        cursor: this.cursor,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-decomposition': MktDecomposition;
  }
}
