import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { dashboardContext } from '../../data/context.js';
import type { DashboardState } from '../../data/dashboard-state.js';
import type { QueryEngine } from '../../data/query-engine.js';
import type { FilterPatch, FilterState } from '../../data/filter-state.js';
import { MktFilterChangeEvent } from '../../events/filter-change.js';
import { isAbortError, toDatasetError } from '../../data/dataset-error.js';
import { formatter, type Formatter } from '../../format/format.js';
import { MktErrorEvent } from '../../events/error.js';
import { DataLink } from './data-link.js';
import { widgetStyles } from './mkt-widget.styles.js';

/** What a widget's query function receives. */
export interface QueryContext {
  readonly engine: QueryEngine;
  readonly filters: FilterState;
  readonly dashboard: DashboardState;
  readonly signal: AbortSignal;
}

const TABLE_WORDS: Record<string, string> = {
  reviews: 'reviews',
  page_events: 'page events (storefront sessions)',
  mkt_sessions: 'page events (storefront sessions)',
};

/**
 * Base class of every marketkit widget: finds its dashboard (context from an enclosing `<mkt-data>`, or
 * `data="id"`, or a `dashboard` property set directly), runs its query as a `@lit/task` whenever the filters or
 * its own options change (a newer run aborts the older one, so a superseded result is never painted), and
 * renders the loading, error, empty and missing-table states the same way everywhere.
 */
export abstract class MktWidget<T> extends LitElement {
  static override styles = widgetStyles;

  /** Id of a `<mkt-data>` elsewhere on the page, for a widget placed outside it. */
  @property({ reflect: true }) data?: string;
  /** Title shown above the widget. */
  @property() heading = '';

  /** The dashboard state; provided by `<mkt-data>`, or assign it directly. */
  @consume({ context: dashboardContext, subscribe: true })
  @property({ attribute: false })
  dashboard?: DashboardState;

  /** Tables (raw or derived) the widget cannot work without; it says so in place when they are absent. */
  protected requires: readonly string[] = ['mkt_orders'];

  private lastReported: unknown = null;
  private readonly link = new DataLink(this, (state) => (this.dashboard = state));

  protected readonly task = new Task(this, {
    task: async ([dashboard, ...extra], { signal }) => {
      const engine = dashboard?.engine;
      if (!dashboard || dashboard.status !== 'ready' || !engine || this.missingTables().length > 0) return undefined;
      void extra;
      return this.query({ engine, filters: dashboard.filters, dashboard, signal });
    },
    args: () => [this.dashboard, ...this.queryArgs()] as const,
  });

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
    return html`
      <section part="card" class="card mkt-root" aria-busy=${this.isBusy() ? 'true' : 'false'} aria-label=${this.heading || nothing}>
        ${this.heading || this.renderControls() !== nothing
          ? html`<header part="header">
              ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : nothing}
              <div class="controls">${this.renderControls()}</div>
            </header>`
          : nothing}
        <div class="body" part="body">${this.renderBody()}</div>
      </section>
    `;
  }

  private isBusy(): boolean {
    return this.dashboard?.status === 'loading' || this.task.status === TaskStatus.PENDING;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const dashboard = this.dashboard;
    if (!dashboard) return this.link.missing ? this.message('error', this.link.missing) : this.skeleton();
    if (dashboard.status === 'idle' || dashboard.status === 'loading') return this.skeleton();
    if (dashboard.status === 'error') return this.message('error', dashboard.error?.message ?? 'The dataset could not be loaded.');
    const missing = this.missingTables();
    if (missing.length > 0) {
      const words = [...new Set(missing.map((t) => TABLE_WORDS[t] ?? t))].join(' and ');
      return this.message('notice', `This dataset has no ${words}, which this view needs.`);
    }
    return this.task.render({
      initial: () => this.skeleton(),
      pending: () => (this.task.value !== undefined ? this.stale(this.task.value) : this.skeleton()),
      complete: (value) => (value === undefined ? this.skeleton() : this.isEmpty(value) ? this.message('empty', this.emptyMessage()) : this.renderResult(value)),
      error: (error) => this.renderError(error),
    }) as TemplateResult;
  }

  /** The previous result stays on screen, dimmed, while the new one is computed: no flash of a skeleton. */
  private stale(value: T): TemplateResult {
    return html`<div class="stale">${this.isEmpty(value) ? this.message('empty', this.emptyMessage()) : this.renderResult(value)}</div>`;
  }

  private renderError(error: unknown): TemplateResult {
    if (isAbortError(error)) return this.skeleton();
    const problem = toDatasetError(error, 'query-failed');
    if (this.lastReported !== error) {
      this.lastReported = error;
      queueMicrotask(() =>
        this.dispatchEvent(new MktErrorEvent({ code: problem.code, message: problem.message, source: this.localName, ...problem.where })),
      );
    }
    return this.message('error', problem.message);
  }

  protected skeleton(): TemplateResult {
    return html`<div class="skeleton" part="skeleton" role="status" aria-label="Loading"><span></span><span></span><span></span></div>`;
  }

  protected message(kind: 'error' | 'empty' | 'notice', text: string): TemplateResult {
    return html`<p class="message ${kind}" part="message" role=${kind === 'error' ? 'alert' : 'status'}>${text}</p>`;
  }
}
