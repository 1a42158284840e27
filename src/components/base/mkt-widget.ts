import { LitElement, html, noChange, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { dashboardContext } from '../../data/context.js';
import type { DashboardState } from '../../data/dashboard-state.js';
import type { QueryEngine, QueryPriority } from '../../data/query-engine.js';
import type { FilterKey, FilterPatch, FilterState } from '../../data/filter-state.js';
import { MktFilterChangeEvent } from '../../events/filter-change.js';
import { DatasetError, isAbortError, toDatasetError } from '../../data/dataset-error.js';
import { formatter, type Formatter } from '../../format/format.js';
import { MktErrorEvent } from '../../events/error.js';
import { DataLink } from './data-link.js';
import { AttributeCheck } from './attribute-check.js';
import { tableToggle } from './table-toggle.js';
import { SlowPending } from './slow-pending.js';
import { widgetStyles } from './mkt-widget.styles.js';
import { DERIVED_TABLES } from '../../data/derived-tables.js';
import type { DataIssue } from '../../data/data-quality.js';
import { DEFAULT_HEADINGS } from './default-headings.js';
import {
  downloadBlob,
  exportFileName,
  serializeSvg,
  svgToPng,
  tableFromColumns,
  toCsv,
  type ExportTable,
} from '../../charts/export.js';
import { dataTable, type TableColumn } from '../../charts/data-table.js';

/** The numbers behind a chart as a table (see `MktWidget.dataView`). */
export interface DataView<R> {
  readonly caption: string;
  readonly columns: readonly TableColumn<R>[];
  readonly rows: readonly R[];
}

/** What the Download menu offers. */
export type ExportFormat = 'csv' | 'svg' | 'png';

/** What a widget's query function receives. */
export interface QueryContext {
  readonly engine: QueryEngine;
  readonly filters: FilterState;
  readonly dashboard: DashboardState;
  readonly signal: AbortSignal;
}

const MEMO_SIZE = 8;

const TABLE_WORDS: Record<string, string> = {
  reviews: 'reviews',
  page_events: 'page events (storefront sessions)',
  mkt_sessions: 'page events (storefront sessions)',
  mkt_payments: 'payments',
  campaigns: 'campaigns table',
  support_tickets: 'support tickets',
  mkt_tickets: 'support tickets',
};

/** The raw tables behind the tables a widget requires (derived tables read several). */
function sourceTables(required: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of required) {
    const derived = DERIVED_TABLES.find((d) => d.name === name);
    for (const t of derived ? derived.needs : [name]) out.add(t);
  }
  return out;
}

/**
 * Base class of every marketkit widget: finds its dashboard (context from an enclosing `<mkt-data>`, or
 * `data="id"`, or a `dashboard` property set directly), runs its query as a `@lit/task` whenever the filters or
 * its own options change (a newer run aborts the older one, so a superseded result is never painted), and
 * renders the loading, error, empty and missing-table states the same way everywhere. Adds a Download menu (CSV
 * of `exportTable`, SVG / PNG of the chart) and, for widgets with a `dataView`, a "Table" toggle.
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

  /**
   * The filters the widget draws besides its result (a selected bar, the chips of a filter bar): `all` unless a
   * widget says otherwise. When only other filters change, the previous result stays on screen as it is while the
   * new one is computed; re-drawing it cost as much as drawing the new one.
   */
  protected readonly drawnFilters: readonly FilterKey[] | 'all' = 'all';
  private keepDrawing = false;
  /** The result drawn by the last render (undefined: none yet, or a skeleton or message). */
  private drawnValue: T | undefined = undefined;

  /** Tables (raw or derived) the widget cannot work without; it says so in place when they are absent. */
  protected requires: readonly string[] = ['mkt_orders'];

  private lastReported: unknown = null;
  /** A chart is on screen (the Download menu offers SVG and PNG). */
  @state() private hasChart = false;
  /** The "Table" toggle of a widget with a `dataView` is on. */
  @state() private tableShown = false;
  private readonly link = new DataLink(this, (state) => (this.dashboard = state));
  private readonly attributeCheck = new AttributeCheck(this);

  /**
   * `background` for model elements: their queries wait while a lighter element's are queued, so that a filter
   * change repaints the aggregates first (see QueryEngine).
   */
  protected readonly queryPriority: QueryPriority = 'interactive';

  /**
   * Keep the last few results by filter state and `queryArgs()` (for elements whose results take long to compute
   * from their queries: model fits): going back to a state seen before then costs nothing.
   */
  protected readonly memoResults: boolean = false;
  private readonly memo = new WeakMap<QueryEngine, Map<string, T>>();

  protected readonly task = new Task(this, {
    task: async ([dashboard, ...extra], { signal }) => {
      const engine = this.queryPriority === 'background' ? dashboard?.engine?.background : dashboard?.engine;
      if (!dashboard || dashboard.status !== 'ready' || !engine || this.missingTables().length > 0) return undefined;
      const context = { engine, filters: dashboard.filters, dashboard, signal };
      const primitive = extra.every((a) => a === null || typeof a !== 'object');
      if (!this.memoResults || !primitive) return this.query(context);
      let results = this.memo.get(engine);
      if (!results) this.memo.set(engine, (results = new Map()));
      const key = JSON.stringify([dashboard.filters, dashboard.locale, dashboard.currency, extra]);
      if (results.has(key)) return results.get(key)!;
      const value = await this.query(context);
      // Only finished runs are kept (a superseded one rejects), the MEMO_SIZE most recent.
      results.set(key, value);
      if (results.size > MEMO_SIZE) results.delete(results.keys().next().value as string);
      return value;
    },
    args: () => [this.dashboard, ...this.queryArgs()] as const,
  });
  /** After the task: its `hostUpdated` must see the task's new status. */
  private readonly slowPending = new SlowPending(this, () => this.task.status === TaskStatus.PENDING);

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

  /**
   * `value` when `isValid(value)`, else `fallback`. The attribute the page wrote is left as it is; a bad value is
   * reported once (console warning and `mkt-error` `attribute-invalid`). Read options through this, not directly.
   */
  protected validAttribute<V>(
    name: string,
    value: V,
    isValid: (value: V) => boolean,
    fallback: V,
    expectation: string,
  ): V {
    return this.attributeCheck.valid(name, value, isValid, fallback, expectation);
  }

  /**
   * The numbers behind the chart as a table. A widget that returns one gets a "Table" toggle in its header
   * (the chart's text alternative) and the same rows as its CSV export. Widgets with a table view of their own
   * implement `exportTable` instead.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected dataView(_result: T): DataView<any> | null {
    return null;
  }

  /**
   * The data behind the current view as plain rows, for the CSV export: the same rows as the table view, with
   * raw numbers. By default the `dataView`'s; null when the widget has no data to export.
   */
  protected exportTable(result: T): ExportTable | null {
    const view = this.dataView(result);
    return view ? tableFromColumns(view.columns, view.rows) : null;
  }

  /** The chart exported as SVG / PNG: by default the largest `<svg>` in the body that is not a legend's. */
  protected exportChart(): SVGSVGElement | null {
    let best: SVGSVGElement | null = null;
    let area = 0;
    for (const svg of this.chartCandidates()) {
      const box = svg.getBoundingClientRect();
      if (box.width * box.height > area) [best, area] = [svg, box.width * box.height];
    }
    return best;
  }

  /** The `<svg>` elements of the body that could be exported: not a legend's, a table's, hidden or nested. */
  private chartCandidates(): SVGSVGElement[] {
    return [...this.renderRoot.querySelectorAll<SVGSVGElement>('.body svg')].filter(
      (svg) => !svg.closest('.seq-legend, .legend, table, .visually-hidden') && !svg.parentElement?.closest('svg'),
    );
  }

  /**
   * Whether a result has a table view and CSV rows, worked out once per result: building the export table on
   * every render to see whether there is one cost more than drawing some charts.
   */
  private offers(result: T): { table: boolean; csv: boolean } {
    if (typeof result !== 'object' || result === null)
      return { table: this.dataView(result) !== null, csv: this.exportTable(result) !== null };
    let found = this.offered.get(result);
    if (!found) {
      found = { table: this.dataView(result) !== null, csv: this.exportTable(result) !== null };
      this.offered.set(result, found);
    }
    return found;
  }
  private readonly offered = new WeakMap<object, { table: boolean; csv: boolean }>();

  /** The current result when one is on screen and not empty. */
  private shownResult(): T | undefined {
    const value = this.task.value;
    if (value === undefined || this.dashboard?.status !== 'ready' || this.task.status === TaskStatus.ERROR)
      return undefined;
    return this.isEmpty(value) ? undefined : value;
  }

  /**
   * The widget's current (filtered) data as CSV (RFC 4180, CRLF line ends; strings starting with = + - @ get a
   * leading `'` so that spreadsheets do not run them as formulas). Throws when there is nothing to export.
   */
  exportCsv(): string {
    const result = this.shownResult();
    const table = result === undefined ? null : this.exportTable(result);
    if (!table) throw new Error(`<${this.localName}> has no data to export.`);
    return toCsv(table);
  }

  /** The chart on screen as a standalone SVG file (colours inlined, theme background). Throws when none is shown. */
  exportSvg(): string {
    const chart = this.shownResult() === undefined ? null : this.exportChart();
    if (!chart) throw new Error(`<${this.localName}> shows no chart to export.`);
    const card = this.renderRoot.querySelector('.card');
    const bg = card ? getComputedStyle(card).backgroundColor : '';
    return serializeSvg(chart, {
      background: bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' ? bg : '#ffffff',
      title: chart.getAttribute('aria-label') ?? (this.shownHeading || this.localName),
    });
  }

  /** The chart on screen as a PNG image, drawn at `scale` × its size. */
  exportPng(scale = 2): Promise<Blob> {
    return svgToPng(this.exportSvg(), scale);
  }

  /** Saves the data (`csv`) or the chart (`svg`, `png`) as `<element>-<date>.<format>`. */
  async downloadAs(format: ExportFormat): Promise<void> {
    const name = exportFileName(this.localName, format);
    if (format === 'csv')
      downloadBlob(new Blob(['\ufeff', this.exportCsv()], { type: 'text/csv;charset=utf-8' }), name);
    else if (format === 'svg') downloadBlob(new Blob([this.exportSvg()], { type: 'image/svg+xml' }), name);
    else downloadBlob(await this.exportPng(), name);
  }

  /** The title shown: `heading`, or the element's default (`DEFAULT_HEADINGS`) when the page set none. */
  protected get shownHeading(): string {
    return this.heading ?? DEFAULT_HEADINGS[this.localName] ?? '';
  }

  protected get format(): Formatter {
    return formatter(this.dashboard?.locale, this.dashboard?.currency);
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
    const before = changed.get('dashboard') as DashboardState | undefined;
    this.keepDrawing =
      changed.size === 1 &&
      !!before &&
      !!this.dashboard &&
      onlyUndrawnFiltersChanged(before, this.dashboard, this.drawnFilters);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Whether there is a chart, not which one: measuring sizes here would force a layout after every update.
    const has = this.shownResult() !== undefined && this.chartCandidates().length > 0;
    // After this update, not during it: the chart is only known once rendered.
    if (has !== this.hasChart) queueMicrotask(() => (this.hasChart = has));
  }

  /** Sends an `mkt-filter-change` from this widget (it bubbles to the dashboard and the page). */
  protected changeFilters(patch: FilterPatch): void {
    this.dispatchEvent(new MktFilterChangeEvent(patch));
  }

  private missingTables(): string[] {
    const tables = this.dashboard?.info?.tables;
    if (!tables) return [];
    return this.requires.filter((t) => !tables.has(t));
  }

  override render() {
    // The filters changed, the previous result stays on screen while the new one is computed, and nothing drawn
    // depends on what changed: the DOM stays as it is, not even compared.
    const value = this.task.value;
    if (this.keepDrawing && this.task.status === TaskStatus.PENDING && value !== undefined && this.drawnValue === value)
      return noChange;
    const status = this.task.status;
    this.drawnValue = status === TaskStatus.COMPLETE || status === TaskStatus.PENDING ? value : undefined;
    return this.draw();
  }

  private draw(): TemplateResult {
    const shown = this.shownResult();
    const table = shown !== undefined && this.offers(shown).table;
    const controls = html`${this.renderControls()}${
      table ? tableToggle(this.tableShown, () => (this.tableShown = !this.tableShown), 'toggle table-toggle') : nothing
    }`;
    const exportMenu = this.renderExportMenu();
    return html`
      <section
        part="card"
        class="card mkt-root"
        aria-busy=${this.isBusy() ? 'true' : 'false'}
        aria-label=${this.shownHeading || nothing}
      >
        ${
          this.shownHeading || this.renderControls() !== nothing || table || exportMenu !== nothing
            ? html`<header part="header">
                ${this.shownHeading ? html`<h2 part="heading">${this.shownHeading}</h2>` : nothing}
                <div class="controls">${controls}${exportMenu}</div>
              </header>`
            : nothing
        }
        ${this.renderIssues()}
        <div class="body" part="body">${this.renderBody()}</div>
      </section>
    `;
  }

  /** A disclosure menu (a `<details>`: keyboard and screen readers work natively); Escape closes it. */
  private renderExportMenu(): TemplateResult | typeof nothing {
    const result = this.shownResult();
    const csv = result !== undefined && this.offers(result).csv;
    if (!csv && !this.hasChart) return nothing;
    const item = (format: ExportFormat, label: string, what: string) =>
      html`<li>
        <button type="button" data-export=${format} @click=${(e: Event) => this.menuDownload(e, format)}>
          ${label} <span class="what">${what}</span>
        </button>
      </li>`;
    return html`<details class="export" part="export" @keydown=${this.onExportKey} @focusout=${this.onExportFocusOut}>
      <summary part="export-button" aria-label=${`Download ${this.shownHeading || 'data'}`}>Download</summary>
      <ul class="export-menu" part="export-menu">
        ${csv ? item('csv', 'CSV', 'data') : nothing}
        ${this.hasChart ? html`${item('svg', 'SVG', 'chart')}${item('png', 'PNG', 'image')}` : nothing}
      </ul>
    </details>`;
  }

  private async menuDownload(event: Event, format: ExportFormat): Promise<void> {
    const menu = (event.currentTarget as Element).closest('details');
    if (menu) menu.open = false;
    menu?.querySelector('summary')?.focus();
    try {
      await this.downloadAs(format);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new MktErrorEvent({ code: 'export-failed', message, source: this.localName }));
    }
  }

  private readonly onExportKey = (e: KeyboardEvent) => {
    const menu = e.currentTarget as HTMLDetailsElement;
    if (e.key !== 'Escape' || !menu.open) return;
    e.stopPropagation();
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };

  private readonly onExportFocusOut = (e: FocusEvent) => {
    const menu = e.currentTarget as HTMLDetailsElement;
    if (!menu.contains(e.relatedTarget as Node | null)) menu.open = false;
  };

  /** Data problems (duplicate ids, orphan keys, ...) in the tables this widget reads: it still works, and says so. */
  private renderIssues(): TemplateResult | typeof nothing {
    // An empty table is said in the body when it leaves the result empty (see resultView), not twice.
    const value = this.task.value;
    const emptyResult = value !== undefined && this.isEmpty(value);
    const issues = this.issuesHere().filter((i) => !(emptyResult && i.code === 'table-empty'));
    if (issues.length === 0) return nothing;
    return html`<details class="issues" part="issues">
      <summary>Data problem${issues.length > 1 ? `s (${issues.length})` : ''}: ${issues[0].message}</summary>
      <ul>
        ${issues.slice(1).map((i) => html`<li>${i.message}</li>`)}
      </ul>
    </details>`;
  }

  /** The dashboard's data problems in the tables this widget reads (raw tables behind the derived ones). */
  private issuesHere(): readonly DataIssue[] {
    const dashboard = this.dashboard;
    if (!dashboard || dashboard.status !== 'ready' || dashboard.issues.length === 0) return [];
    const sources = sourceTables(this.requires);
    return dashboard.issues.filter((i) => sources.has(i.table));
  }

  /** Loading, or computing a new result for longer than SlowPending's delay (a result on screen then shows `stale`). */
  private isBusy(): boolean {
    if (this.dashboard?.status === 'loading') return true;
    return this.task.status === TaskStatus.PENDING && (this.task.value === undefined || this.slowPending.slow);
  }

  private renderBody(): TemplateResult | typeof nothing {
    const dashboard = this.dashboard;
    if (!dashboard) return this.link.missing ? this.message('error', this.link.missing) : this.skeleton();
    if (dashboard.status === 'idle' || dashboard.status === 'loading') return this.skeleton();
    if (dashboard.status === 'error')
      return this.message('error', dashboard.error?.message ?? 'The dataset could not be loaded.');
    const missing = this.missingTables();
    if (missing.length > 0) {
      const words = [...new Set(missing.map((t) => TABLE_WORDS[t] ?? t))].join(' and ');
      return this.message('notice', `This dataset has no ${words}, which this view needs.`);
    }
    return this.task.render({
      initial: () => this.skeleton(),
      pending: () =>
        this.task.value !== undefined ? this.resultView(this.task.value, this.slowPending.slow) : this.skeleton(),
      complete: (value) => (value === undefined ? this.skeleton() : this.resultView(value, false)),
      error: (error) => this.renderError(error),
    }) as TemplateResult;
  }

  /**
   * A result on screen. While a newer one is computed the previous one stays, dimmed (`stale`) once that takes a
   * while: no flash of a skeleton. Both states are the same template, so the chart's DOM is updated in place, never rebuilt.
   */
  private resultView(value: T, stale: boolean): TemplateResult {
    let view: TemplateResult | typeof nothing;
    try {
      // An empty result because a table it reads has no rows says so, rather than blaming the filters.
      const emptyTable = this.issuesHere().find((i) => i.code === 'table-empty');
      view = this.isEmpty(value)
        ? this.message('empty', emptyTable?.message ?? this.emptyMessage())
        : this.renderView(value);
    } catch (error) {
      // A result the chart cannot draw is an error in place, not a widget stuck in its last state.
      if (this.drawFailure?.value !== value) {
        const reason = error instanceof Error ? error.message : String(error);
        this.drawFailure = {
          value,
          error: new DatasetError('render-failed', `This view could not be drawn: ${reason}`),
        };
      }
      return this.renderError(this.drawFailure.error);
    }
    return html`<div class=${stale ? 'shown stale' : 'shown'}>${view}</div>`;
  }
  private drawFailure: { value: T; error: DatasetError } | null = null;

  /** The chart, or its data view as a table when the "Table" toggle is on. */
  private renderView(value: T): TemplateResult | typeof nothing {
    const view = this.tableShown ? this.dataView(value) : null;
    if (!view) return this.renderResult(value);
    return html`<div class="table-view" part="table-view" role="region" aria-label=${view.caption} tabindex="0">
      ${dataTable(view.caption, view.columns, view.rows)}
    </div>`;
  }

  private renderError(error: unknown): TemplateResult {
    if (isAbortError(error)) return this.skeleton();
    const problem = toDatasetError(error, 'query-failed');
    if (this.lastReported !== error) {
      this.lastReported = error;
      queueMicrotask(() =>
        this.dispatchEvent(
          new MktErrorEvent({ code: problem.code, message: problem.message, source: this.localName, ...problem.where }),
        ),
      );
    }
    return this.message('error', problem.message);
  }

  protected skeleton(): TemplateResult {
    return html`<div class="skeleton" part="skeleton" role="status" aria-label="Loading">
      <span></span><span></span><span></span>
    </div>`;
  }

  protected message(kind: 'error' | 'empty' | 'notice', text: string): TemplateResult {
    return html`<p class="message ${kind}" part="message" role=${kind === 'error' ? 'alert' : 'status'}>${text}</p>`;
  }
}

/** True when two dashboard states differ in their filters only, and not in any of `drawn`. */
function onlyUndrawnFiltersChanged(
  before: DashboardState,
  after: DashboardState,
  drawn: readonly FilterKey[] | 'all',
): boolean {
  if (drawn === 'all') return false;
  for (const key of Object.keys(after) as (keyof DashboardState)[])
    if (key !== 'filters' && before[key] !== after[key]) return false;
  return drawn.every((key) => before.filters[key] === after.filters[key]);
}
