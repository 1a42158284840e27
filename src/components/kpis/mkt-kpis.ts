import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { TaskStatus } from '@lit/task';
import { QueryController } from '../base/query-controller.js';
import { KPI_KEYS, queryOrderKpis, querySessionKpis, withSessions, type Kpi, type KpiResult } from './kpi-list.js';
import { kpiStyles } from './mkt-kpis.styles.js';

export type { Kpi, KpiResult } from './kpi-list.js';

/**
 * Headline numbers of the filtered window, each with its change against the prior period of equal length
 * (for 1–31 March, 29 January – 28 February), shown as an arrow and a percentage.
 *
 * - **GMV**: sum of `revenue` of completed orders (returned and cancelled ones excluded).
 * - **Active sellers**: sellers with at least one completed order in the window.
 * - **Active customers**: customers with at least one completed order in the window.
 * - **Average order value**: GMV / number of completed orders (lines sharing an `order_id`); when the data has no
 *   order ids, GMV / completed order lines, and the tile says "per order line".
 * - **Conversion rate**: sessions with a purchase / sessions (needs page events; shown as unavailable without).
 *
 * Without a date filter the window is the data's first to last order day. `show` picks the tiles and their order;
 * page events are read only when it shows the conversion rate, in a query of its own: the other tiles do not wait
 * for the page events to load.
 *
 * @summary Headline KPIs with change vs the prior period.
 * @csspart card - The widget's frame.
 * @csspart kpi - One KPI tile.
 * @csspart value - A KPI's value.
 * @csspart change - A KPI's change vs the prior period.
 * @csspart note - Under a KPI's value: what it counts when the data lacks order ids, or why it is unavailable.
 * @cssprop --mkt-positive - Colour of a rise.
 * @cssprop --mkt-negative - Colour of a fall.
 */
@customElement('mkt-kpis')
export class MktKpis extends MktWidget<KpiResult> {
  static override styles = [...MktWidget.styles, kpiStyles];

  /**
   * The KPIs to show, in order: a space-separated list of `gmv`, `sellers`, `customers`, `aov`, `conversion`
   * (default: all five).
   */
  @property() show = KPI_KEYS.join(' ');

  /** `show` as keys; the five when it names none or a key that does not exist (reported once). */
  private get shownKeys(): readonly Kpi['key'][] {
    const keys = (text: string) => text.trim().split(/\s+/).filter(Boolean);
    const valid = (text: string) =>
      keys(text).length > 0 && keys(text).every((k) => (KPI_KEYS as readonly string[]).includes(k));
    const expected = `a space-separated list of ${KPI_KEYS.join(', ')}`;
    return keys(this.validAttribute('show', this.show, valid, KPI_KEYS.join(' '), expected)) as Kpi['key'][];
  }

  protected override queryArgs(): readonly unknown[] {
    return [this.shownKeys.join(' ')];
  }

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override query(context: QueryContext): Promise<KpiResult> {
    return queryOrderKpis(context, this.shownKeys);
  }

  /** The conversion rate's sessions, when it is shown. */
  private readonly sessions = new QueryController(this, {
    run: (context, wanted: boolean) => (wanted ? querySessionKpis(context) : Promise.resolve(null)),
    args: () => [this.shownKeys.includes('conversion')] as const,
  });

  /** Every query of the tile: the orders' and the sessions' (a benchmark or test waits for both). */
  get queryTasks() {
    return [this.task, this.sessions.task] as const;
  }

  /**
   * The result with the conversion rate filled in once its sessions are in: before, pending (a placeholder), or
   * while newer ones are computed the previous rate, dimmed (`stale`).
   */
  private complete(result: KpiResult): { result: KpiResult; stale: boolean } {
    const { status, value } = this.sessions;
    if (status === TaskStatus.COMPLETE) return { result: withSessions(result, value ?? null), stale: false };
    if (status === TaskStatus.ERROR) {
      const failed = (k: Kpi): Kpi => ({
        ...k,
        pending: false,
        note: 'could not be computed',
        definition: `The sessions could not be read: ${this.sessions.problem(this.sessions.task.error)?.message ?? ''}`,
      });
      return { result: { ...result, kpis: result.kpis.map((k) => (k.pending ? failed(k) : k)) }, stale: false };
    }
    return value ? { result: withSessions(result, value), stale: true } : { result, stale: false };
  }

  protected override isEmpty(result: KpiResult): boolean {
    return result.kpis.length === 0;
  }

  protected override exportTable(shown: KpiResult): ExportTable {
    const { result } = this.complete(shown);
    const { current, prior } = result.periods;
    return {
      columns: ['KPI', 'Value', 'Prior period value', 'Change vs prior', 'From', 'To', 'Prior from', 'Prior to'],
      rows: result.kpis.map((k) => [
        k.label,
        k.value,
        k.prior,
        k.change,
        current.from,
        current.to,
        prior.from,
        prior.to,
      ]),
    };
  }

  protected override renderResult(shown: KpiResult) {
    const { result, stale } = this.complete(shown);
    const f = this.format;
    const { current, prior } = result.periods;
    const value = (k: Kpi) =>
      k.kind === 'money' ? f.money(k.value) : k.kind === 'percent' ? f.percent(k.value, 2) : f.count(k.value);
    return html`
      <ul class="kpis">
        ${result.kpis.map(
          (k) =>
            html`<li class="kpi" part="kpi" data-kpi=${k.key} title=${k.definition}>
              <span class="label">${k.label}</span>
              ${
                k.pending
                  ? html`<span class="value skeleton" part="value" role="status" aria-label="loading"
                      ><span></span
                    ></span>`
                  : html`<span class="value ${stale && k.key === 'conversion' ? 'stale' : ''}" part="value"
                        >${value(k)}</span
                      >
                      ${k.value === null && k.note ? nothing : this.renderChange(k)}`
              }
              ${k.note ? html`<span class="data-note" part="note">${k.note}</span>` : nothing}
            </li>`,
        )}
      </ul>
      <p class="period">
        ${f.date(current.from)} –
        ${f.date(current.to)}${
          result.kpis.every((k) => k.prior === null)
            ? ` (the data starts ${f.date(result.dataStart)}: no earlier period to compare with)`
            : html` vs ${f.date(prior.from)} –
              ${f.date(prior.to)}${result.priorIncomplete ? ' (partly before the data starts)' : nothing}`
        }
      </p>
    `;
  }

  private renderChange(k: Kpi) {
    if (k.change === null) return html`<span class="change none" part="change">no prior data</span>`;
    const direction = k.change > 0 ? 'up' : k.change < 0 ? 'down' : 'flat';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    const words = direction === 'up' ? 'up' : direction === 'down' ? 'down' : 'unchanged';
    return html`<span class="change ${direction}" part="change">
      <span aria-hidden="true">${arrow}</span> ${this.format.change(k.change)}
      <span class="visually-hidden">${words} vs prior period</span>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-kpis': MktKpis;
  }
}
