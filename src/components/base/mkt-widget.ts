import { LitElement, html, noChange, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { dashboardContext } from '../../data/context.js';
import type { DashboardState } from '../../data/dashboard-state.js';
import type { QueryPriority } from '../../data/query-engine.js';
import type { FilterKey, FilterPatch } from '../../data/filter-state.js';
import { DatasetError } from '../../data/dataset-error.js';
import { formatter, type Formatter } from '../../format/format.js';
import { MktFilterChangeEvent } from '../../events/filter-change.js';
import type { ExportTable } from '../../charts/export.js';
import { tableFromColumns } from '../../charts/export.js';
import { DataLink } from './data-link.js';
import { AttributeCheck, type OptionRule } from './attribute-check.js';
import { QueryController, type QueryContext } from './query-controller.js';
import { ExportController, type DataView, type ExportFormat } from './export-controller.js';
import {
  formatNote,
  issuesIn,
  issuesNote,
  message,
  missingTables,
  missingTablesMessage,
  skeleton,
} from './widget-frame.js';
import { widgetStyles } from './mkt-widget.styles.js';
import { DEFAULT_HEADINGS } from './default-headings.js';
import { CONNECTION_LOST, ConnectionWatch } from './connection-watch.js';

export type { DataView, ExportFormat, QueryContext };

/**
 * Base class of every marketkit widget. It finds its dashboard (context from an enclosing `<mkt-data>`, or
 * `data="id"`, or a `dashboard` property set directly), runs its query through a `QueryController` whenever the
 * filters or its own options change, and frames the result: loading, error, empty and missing-table states the
 * same way everywhere, the last result kept on screen (dimmed once slow) while a new one loads, data problems
 * noted, a Download menu and a "Table" toggle (`ExportController`).
 *
 * **The subclass contract** (see CONTRIBUTING, "Adding a widget"; `npm run new:element` writes a skeleton):
 * - `query(context)` (required): its query, through `context.engine.query(named('name', ...args), context.signal)`
 *   (src/queries/registry.ts); returns the result.
 * - `renderResult(result)` (required): a call to a chart function of `src/charts/` and the element's own markup.
 * - `queryArgs()`: the element's options that re-run the query (granularity, metric).
 * - `isEmpty(result)` / `emptyMessage()`: a result with nothing to draw, and what to say then.
 * - `renderControls()`: toggles and selects beside the heading.
 * - `dataView(result)`: the rows behind the chart (Table toggle, CSV, text alternative); or `exportTable(result)`
 *   for CSV only; `exportChart()` picks the `<svg>` exported (default: the largest).
 * - `requires`: tables it cannot work without; `drawnFilters`: filters drawn besides the result (`[]` mostly);
 *   `queryPriority = 'background'` for model elements; `memoResults` for results slow to derive.
 * - Helpers: `format` (the dashboard's locale and currency), `changeFilters(patch)` (cross-filtering),
 *   `validAttribute(...)` / `validOption(...)` (options checked where read), `skeleton()`, `message(kind, text)`, `shownHeading`, and
 *   `new QueryController(this, ...)` for a second query (it then has the same priority and error reporting).
 *
 * @fires mkt-error - A query failed (`query-failed`), an attribute has a value the element cannot use
 *   (`attribute-invalid`; it falls back to its default), or a download failed (`export-failed`).
 * @csspart card - The widget's frame.
 * @csspart header - The heading and controls row.
 * @csspart heading - The heading.
 * @csspart body - Everything below the header.
 * @csspart message - The loading-failed, empty or missing-table message.
 * @csspart skeleton - The loading placeholder.
 * @csspart export - The Download menu (a `<details>`).
 * @csspart export-button - The Download menu's button (its `<summary>`).
 * @csspart export-menu - The list of formats.
 * @csspart table-view - The table shown by the "Table" toggle.
 * @csspart issues - Data problems in the tables the widget reads (it still works).
 * @csspart format-note - Why the dashboard's locale or currency is not the one the page asked for.
 * @cssprop --mkt-bg - Card background (also of exported images).
 * @cssprop --mkt-fg - Text colour.
 * @cssprop --mkt-accent - Focus ring, pressed toggles.
 */
export abstract class MktWidget<T> extends LitElement {
  static override styles = widgetStyles;

  /** Id of a `<mkt-data>` elsewhere on the page, for a widget placed outside it. */
  @property({ reflect: true }) data?: string;
  /** Title shown above the widget; without it, the element's own default title; `heading=""` shows none. */
  @property() heading?: string | null;
  /** `light` or `dark`; without it, the enclosing `<mkt-data theme>` or the system's `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The dashboard state; provided by `<mkt-data>`, or assign it directly. */
  @consume({ context: dashboardContext, subscribe: true })
  @property({ attribute: false })
  dashboard?: DashboardState;

  /** The filters the widget draws besides its result (a selected bar): `all` unless a widget says otherwise. */
  protected readonly drawnFilters: readonly FilterKey[] | 'all' = 'all';
  /** Tables (raw or derived) the widget cannot work without; it says so in place when they are absent. */
  protected requires: readonly string[] = ['mkt_orders'];
  /** `background` for model elements, so that a filter change repaints the aggregates first (see QueryEngine). */
  protected readonly queryPriority: QueryPriority = 'interactive';
  /** Keep the last few results by filter state and `queryArgs()` (model fits): going back costs nothing. */
  protected readonly memoResults: boolean = false;

  private readonly link = new DataLink(this, (state) => (this.dashboard = state));
  private readonly attributeCheck = new AttributeCheck(this);
  private readonly connection = new ConnectionWatch(this);
  private readonly queries = new QueryController<T, readonly unknown[]>(this, {
    run: (context) => this.query(context),
    args: () => this.queryArgs(),
    priority: () => this.queryPriority,
    memo: () => this.memoResults,
    ready: () => missingTables(this.dashboard, this.requires).length === 0,
  });
  /** The query's task: its `value` is the last result (read it for public getters such as `sellers`). */
  protected readonly task = this.queries.task;
  private readonly exports = new ExportController<T>(this, {
    shown: () => this.shownResult(),
    dataView: (result) => this.dataView(result),
    exportTable: (result) => this.exportTable(result),
    hasExportTable: (result) => this.hasExportTable(result),
    chart: () => this.exportChart(),
    heading: () => this.shownHeading,
  });
  private drawFailure: { value: T; error: DatasetError } | null = null;

  /** Runs the widget's SQL; called again whenever the filters or `queryArgs()` change. */
  protected abstract query(context: QueryContext): Promise<T>;
  /** Draws a result. */
  protected abstract renderResult(result: T): TemplateResult | typeof nothing;
  /** The widget's own inputs that should re-run the query (granularity, metric, ...). */
  protected queryArgs(): readonly unknown[] {
    return [];
  }
  /** True when the result has nothing to draw. */
  protected isEmpty(_result: T): boolean {
    return false;
  }
  protected emptyMessage(): string {
    return 'No data matches the current filters.';
  }
  /** Header actions (toggles, selects) rendered beside the heading. */
  protected renderControls(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** The numbers behind the chart as a table: a "Table" toggle, the CSV export and the chart's text alternative. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected dataView(_result: T): DataView<any> | null {
    return null;
  }
  /** The rows of the CSV export, raw numbers: by default the `dataView`'s; null when there is nothing to export. */
  protected exportTable(result: T): ExportTable | null {
    const view = this.dataView(result);
    return view ? tableFromColumns(view.columns, view.rows) : null;
  }
  /** Whether `exportTable(result)` has rows to offer as CSV: by default it is built to see; override where it is known. */
  protected hasExportTable(result: T): boolean {
    return this.exportTable(result) !== null;
  }
  /** The chart exported as SVG / PNG: by default the largest `<svg>` in the body that is not a legend's. */
  protected exportChart(): SVGSVGElement | null {
    return this.exports.largestChart();
  }

  /** `value` when `isValid(value)`, else `fallback`, reported once (console and `mkt-error` `attribute-invalid`). */
  protected validAttribute<V>(name: string, value: V, isValid: (v: V) => boolean, fallback: V, expect: string): V {
    return this.attributeCheck.valid(name, value, isValid, fallback, expect);
  }
  /** `validAttribute` with a shared rule (`HORIZON_WEEKS`, `DISCOUNT_RATE` of attribute-check.ts). */
  protected validOption<V>(name: string, value: V, rule: OptionRule<V>): V {
    return this.attributeCheck.valid(name, value, rule.isValid, rule.fallback, rule.expectation);
  }

  /** The widget's current (filtered) data as CSV (RFC 4180; formula-like strings quoted). Throws when none. */
  exportCsv(): string {
    return this.exports.csv();
  }
  /** The chart on screen as a standalone SVG file (colours inlined, theme background). Throws when none is shown. */
  exportSvg(): string {
    return this.exports.svg();
  }
  /** The chart on screen as a PNG image, drawn at `scale` × its size. */
  exportPng(scale = 2): Promise<Blob> {
    return this.exports.png(scale);
  }
  /** Saves the data (`csv`) or the chart (`svg`, `png`) as `<element>-<date>.<format>`. */
  downloadAs(format: ExportFormat): Promise<void> {
    return this.exports.download(format);
  }

  /** The title shown: `heading`, or the element's default (`DEFAULT_HEADINGS`) when the page set none. */
  protected get shownHeading(): string {
    return this.heading ?? DEFAULT_HEADINGS[this.localName] ?? '';
  }
  protected get format(): Formatter {
    return formatter(this.dashboard?.locale, this.dashboard?.currency);
  }
  /** Sends an `mkt-filter-change` from this widget (it bubbles to the dashboard and the page). */
  protected changeFilters(patch: FilterPatch): void {
    this.dispatchEvent(new MktFilterChangeEvent(patch));
  }
  protected skeleton(): TemplateResult {
    return skeleton();
  }
  protected message(kind: 'error' | 'empty' | 'notice', text: string): TemplateResult {
    return message(kind, text);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.link.connect(this.data);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.link.disconnect();
  }
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('data') && this.isConnected) this.link.connect(this.data);
    this.queries.willUpdate(changed, this.drawnFilters);
  }

  /** The current result when one is on screen and not empty. */
  private shownResult(): T | undefined {
    const value = this.task.value;
    if (value === undefined || this.dashboard?.status !== 'ready' || this.task.status === TaskStatus.ERROR)
      return undefined;
    return this.isEmpty(value) ? undefined : value;
  }

  override render() {
    if (this.queries.keep()) return noChange;
    const heading = this.shownHeading;
    const controls = html`${this.renderControls()}${this.exports.renderToggle()}${this.exports.renderMenu()}`;
    const value = this.task.value;
    // An empty table is said in the body when it leaves the result empty (see resultView), not twice.
    const issues = issuesIn(this.dashboard, this.requires).filter(
      (i) => !(i.code === 'table-empty' && value !== undefined && this.isEmpty(value)),
    );
    const busy =
      this.dashboard?.status === 'loading' ||
      (this.task.status === TaskStatus.PENDING && (value === undefined || this.queries.slow));
    return html`
      <section part="card" class="card mkt-root" aria-busy=${busy ? 'true' : 'false'} aria-label=${heading || nothing}>
        ${
          heading || controls.values.some((v) => v !== nothing)
            ? html`<header part="header">
                ${heading ? html`<h2 part="heading">${heading}</h2>` : nothing}
                <div class="controls">${controls}</div>
              </header>`
            : nothing
        }
        ${formatNote(this.dashboard)} ${issuesNote(issues)}
        <div class="body" part="body">${this.renderBody()}</div>
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const dashboard = this.dashboard;
    if (!dashboard) return this.link.missing ? message('error', this.link.missing) : skeleton();
    if (dashboard.status === 'idle' || dashboard.status === 'loading') return skeleton();
    if (dashboard.status === 'error')
      return message('error', dashboard.error?.message ?? 'The dataset could not be loaded.');
    const missing = missingTables(dashboard, this.requires);
    if (missing.length > 0) return missingTablesMessage(missing);
    const value = this.task.value;
    const lost = this.connection.lost ? message('notice', CONNECTION_LOST) : nothing;
    // Pending and complete share one template, so that the result's DOM is updated in place, never rebuilt.
    const shown = (view: TemplateResult) => html`${lost}${view}`;
    return this.queries.render({
      initial: skeleton,
      pending: () => shown(value !== undefined ? this.resultView(value, this.queries.slow) : skeleton()),
      complete: (done) => shown(done === undefined ? skeleton() : this.resultView(done, false)),
      error: (problem) =>
        problem.code === 'unreachable'
          ? html`${message('error', problem.message)}
              <button class="retry" part="retry" @click=${() => this.dashboard?.engine?.reconnect()}>Retry</button>`
          : message('error', problem.message),
    });
  }

  /**
   * A result on screen. While a newer one is computed the previous one stays, dimmed (`stale`) once that takes a
   * while: both states are the same template, so the chart's DOM is updated in place, never rebuilt.
   */
  private resultView(value: T, stale: boolean): TemplateResult {
    let view: TemplateResult | typeof nothing;
    try {
      // An empty result because a table it reads has no rows says so, rather than blaming the filters.
      const emptyTable = issuesIn(this.dashboard, this.requires).find((i) => i.code === 'table-empty');
      view = this.isEmpty(value)
        ? message('empty', emptyTable?.message ?? this.emptyMessage())
        : this.exports.renderView(value, () => this.renderResult(value));
    } catch (error) {
      // A result the chart cannot draw is an error in place, not a widget stuck in its last state.
      if (this.drawFailure?.value !== value) {
        const reason = error instanceof Error ? error.message : String(error);
        this.drawFailure = {
          value,
          error: new DatasetError('render-failed', `This view could not be drawn: ${reason}`),
        };
      }
      return message('error', this.queries.problem(this.drawFailure.error)!.message);
    }
    return html`<div class=${stale ? 'shown stale' : 'shown'}>${view}</div>`;
  }
}
