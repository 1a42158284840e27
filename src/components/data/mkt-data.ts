import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { dashboardContext } from '../../data/context.js';
import type { DashboardState } from '../../data/dashboard-state.js';
import { DashboardLoader } from '../../data/dashboard-loader.js';
import type { DataIssue } from '../../data/data-quality.js';
import {
  checkFilterPatch,
  EMPTY_FILTERS,
  fitFiltersToData,
  FilterValidationError,
  type FilterPatch,
} from '../../data/filter-state.js';
import { readUrlFilters, writeUrlFilters } from '../../data/url-state.js';
import type { InMemoryDataset } from '../../data/load-dataset.js';
import type { ColumnMapping } from '../../schema/manifest.js';
import { MktFilterChangeEvent } from '../../events/filter-change.js';
import { MktFiltersAppliedEvent } from '../../events/filters-applied.js';
import { MktErrorEvent } from '../../events/error.js';
import { MktDataReadyEvent } from '../../events/data-ready.js';
import { MktConnectionEvent } from '../../events/connection.js';
import type { ConnectionState } from '../../data/query-transport.js';
import { CONNECTION_LOST } from '../base/connection-watch.js';
import { dataStyles } from './mkt-data.styles.js';
import { checkFormat } from '../../format/format.js';
import { DATE_PRESETS, presetRange, type DatePreset } from '../../data/date-presets.js';
import { AttributeCheck, oneOf } from '../base/attribute-check.js';
import { leanStart } from './lean-start.js';

let counter = 0;
const URL_DELAY = 300;

/**
 * Loads a marketplace dataset into its own DuckDB-WASM database and shares it, with the filter state, with
 * every marketkit element inside it, or elsewhere on the page with `data="<this id>"`. With `server`, a marketkit
 * server runs the queries instead (named queries with JSON arguments, never SQL; nothing is downloaded but results).
 *
 * @summary The data source and filter state of one dashboard.
 * @slot - The dashboard's elements (and any other markup).
 * @fires mkt-data-ready - The dataset loaded and passed validation (the optional tables that only some views read load when a view first reads them).
 * @fires mkt-filters-applied - The filter state changed; `detail` is the complete new state.
 * @fires mkt-connection - The server could no longer be reached (`lost`, retrying) or answers again (`restored`).
 * @fires mkt-error - The dataset could not be loaded, has a data problem, a filter change was rejected or adjusted, or
 *   `locale` / `currency` cannot be used; `detail.code` says why (see the README for warnings and errors).
 * @csspart status - The loading and error line above the dashboard, and the note of a replaced locale or currency.
 * @csspart retry - The Retry button of a server that could not be reached.
 * @cssprop --mkt-accent - Colour of the progress bar.
 * @cssprop --mkt-bg - Background of every card of the dashboard (and the other `--mkt-*` tokens: see the README).
 */
@customElement('mkt-data')
export class MktData extends LitElement {
  static override styles = dataStyles;

  /** URL of a dataset folder (holding `manifest.json`) or of a manifest file. */
  @property() src = '';
  /**
   * Base URL of a marketkit server (`npx marketkit serve`) that runs this dashboard's queries, instead of `src`:
   * `https://host/marketkit/`. Nothing is downloaded but the results (no wasm, no data files).
   */
  @property() server = '';
  /**
   * Sent to the `server` as `Authorization: Bearer <token>`. Anyone who can read the page can read it (it is in
   * the page's markup or script): it keeps other sites and scripts out, not the page's own visitors.
   */
  @property({ attribute: 'server-token' }) serverToken = '';
  /** How long a `server` that went away is retried before the dashboard gives up and offers Retry, in ms. */
  @property({ attribute: false }) serverRetryMs = 60_000;
  /** Base URL of DuckDB's wasm and worker files when they are not served beside marketkit. */
  @property({ attribute: 'wasm-base' }) wasmBase = '';
  /** BCP 47 locale for numbers and dates in every element of this dashboard (one the browser cannot use: en-US, with a note). */
  @property() locale = 'en-US';
  /** ISO 4217 currency of the amounts (an unknown code: USD, with a note). */
  @property() currency = 'USD';
  /** `light` or `dark` for every element of this dashboard (an element's own `theme` wins); default: the system's. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** Keep the filters in the page URL's query string (a shareable link); written once they settle for 300 ms. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /**
   * The period shown when the dashboard opens, as a date preset counted back from the last day of data:
   * `last-7-days`, `last-30-days`, `last-90-days`, `month-to-date`, `quarter-to-date`, `year-to-date`, `last-year`
   * or `all` (the default). The KPIs compare it with the period of equal length before it, so a period shorter than
   * the data shows changes at once. Dates in the page's link (`url-state`) or set before the data loaded win.
   */
  @property() period: DatePreset = 'all';
  /** A dataset given in memory instead of `src` (tests, stories, pages that build their data). */
  @property({ attribute: false }) source: InMemoryDataset | null = null;
  /** Your column names per table, `{ transactions: { order_date: 'purchased_at' } }`; overrides the manifest's `columns`. */
  @property({ attribute: false }) mapping: ColumnMapping | null = null;

  @state() private dashboard: DashboardState = this.initialState();
  /** The server's connection (`ok` without a server). */
  @state() private connection: ConnectionState = 'ok';
  private unwatchConnection: (() => void) | null = null;
  /** Why the locale or currency asked for is not the one used (see applyFormat). */
  @state() private formatNotes: readonly string[] = [];
  private readonly provider = new ContextProvider(this, { context: dashboardContext, initialValue: this.dashboard });
  private readonly loader = new DashboardLoader(
    (patch) => this.update$(patch.info ? this.fitFilters(patch) : patch),
    (issues) => this.reportIssues(issues),
  );
  private readonly attributeCheck = new AttributeCheck(this);
  private readonly subscribers = new Set<(state: DashboardState) => void>();
  private readonly onOwnFilterChange = (event: MktFilterChangeEvent) => this.handleFilterChange(event);
  private readonly onPageFilterChange = (event: MktFilterChangeEvent) => {
    if (!event.composedPath().includes(this) && this.isAttached(event)) this.handleFilterChange(event);
  };
  private readonly onPopState = () => {
    clearTimeout(this.urlTimer);
    this.urlTimer = undefined;
    this.applyUrlFilters();
  };
  private disposeTimer: ReturnType<typeof setTimeout> | undefined;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** Removed from the page and its database freed: adding it back loads again. */
  private disposed = false;

  /** The current state: status, filters, engine. */
  get state(): DashboardState {
    return this.dashboard;
  }

  /** The current filter state (immutable). */
  get filters() {
    return this.dashboard.filters;
  }

  /** For elements outside this one (`data="id"`): called now and on every change; returns an unsubscribe. */
  subscribe(callback: (state: DashboardState) => void): () => void {
    this.subscribers.add(callback);
    callback(this.dashboard);
    return () => this.subscribers.delete(callback);
  }

  /**
   * Applies a filter patch, as a `mkt-filter-change` event would. Throws `FilterValidationError` when invalid; a
   * date outside the data is clamped to its first or last day, with a warning and an `mkt-error` (`filter-invalid`).
   */
  setFilters(patch: FilterPatch): void {
    const { filters: next, adjustments } = checkFilterPatch(this.dashboard.filters, patch, this.domain());
    this.warnFilters(adjustments);
    if (next === this.dashboard.filters) return;
    this.update$({ filters: next });
    if (this.urlState) this.scheduleUrlWrite();
    this.dispatchEvent(new MktFiltersAppliedEvent(next));
  }

  /**
   * The URL follows the filters once they have settled for URL_DELAY ms: one history entry per state the user
   * stopped at (not one per step of a drag), and no history write on the path of every filter change.
   */
  private scheduleUrlWrite(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.flushUrlWrite(), URL_DELAY);
  }

  private flushUrlWrite(): void {
    if (this.urlTimer === undefined) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = undefined;
    writeUrlFilters(this.id, this.dashboard.filters);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.disposeTimer);
    if (!this.id) this.id = `mkt-data-${++counter}`;
    this.addEventListener(MktFilterChangeEvent.eventName, this.onOwnFilterChange);
    document.addEventListener(MktFilterChangeEvent.eventName, this.onPageFilterChange);
    window.addEventListener('popstate', this.onPopState);
    this.update$({ id: this.id });
    if (this.urlState) this.applyUrlFilters();
    if (this.disposed) {
      this.disposed = false;
      if (this.src || this.source || this.server) void this.load();
    }
    document.dispatchEvent(new CustomEvent('mkt-data-connected', { detail: this.id }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(MktFilterChangeEvent.eventName, this.onOwnFilterChange);
    document.removeEventListener(MktFilterChangeEvent.eventName, this.onPageFilterChange);
    window.removeEventListener('popstate', this.onPopState);
    this.flushUrlWrite();
    // Moving the element in the DOM disconnects and reconnects it at once: only a real removal frees the database.
    this.disposeTimer = setTimeout(() => {
      if (!this.isConnected) {
        this.disposed = true;
        this.loader.dispose();
        this.update$({ ...this.initialState(), id: this.id });
      }
    });
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('locale') || changed.has('currency')) this.applyFormat();
    const inputs = ['src', 'source', 'wasmBase', 'mapping', 'server', 'serverToken', 'serverRetryMs'];
    if (!inputs.some((name) => changed.has(name))) return;
    if (this.src || this.source || this.server) void this.load();
    // Every source removed while one loads (a page that picks its dataset later): that load stops.
    else if (this.loader.cancel()) this.update$({ status: 'idle', progress: null });
  }

  /**
   * The locale and currency the dashboard formats with. One this browser cannot use falls back (the page still
   * works) and says so: a note above the dashboard and in every widget (they may sit elsewhere on the page), a
   * console warning and an `mkt-error` (`attribute-invalid`).
   */
  private applyFormat(): void {
    const { locale, currency, problems } = checkFormat(this.locale, this.currency);
    const notes = problems.map((p) => p.message);
    const fresh = notes.filter((n) => !this.formatNotes.includes(n));
    this.formatNotes = notes;
    for (const message of fresh) {
      console.warn(`[marketkit] <mkt-data> ${message}`);
      this.dispatchEvent(new MktErrorEvent({ code: 'attribute-invalid', message, source: 'mkt-data' }));
    }
    this.update$({ locale, currency, formatNotes: notes });
  }

  private async load(): Promise<void> {
    const loaded = await this.loader.load({
      src: this.src,
      dataset: this.source,
      wasmBase: this.wasmBase || undefined,
      mapping: this.mapping,
      server: this.server ? { base: this.server, token: this.serverToken, retryMs: this.serverRetryMs } : null,
      leanStart: () => leanStart(this),
    });
    if (loaded === 'superseded') return;
    if (loaded.error) {
      const e = loaded.error;
      this.dispatchEvent(new MktErrorEvent({ code: e.code, message: e.message, source: 'mkt-data', ...e.where }));
    } else if (loaded.info) {
      this.reportIssues(loaded.issues ?? []);
      this.dispatchEvent(
        new MktDataReadyEvent({ tables: loaded.info.rowCounts as Record<string, number>, loadMs: loaded.ms }),
      );
    }
  }

  private reportIssues(issues: readonly DataIssue[]): void {
    for (const issue of issues) {
      console.warn(`[marketkit] ${issue.message}`);
      this.dispatchEvent(
        new MktErrorEvent({
          code: issue.code,
          message: issue.message,
          source: 'mkt-data',
          table: issue.table,
          column: issue.column,
        }),
      );
    }
  }

  private handleFilterChange(event: MktFilterChangeEvent): void {
    try {
      this.setFilters(event.detail);
    } catch (error) {
      if (!(error instanceof FilterValidationError)) throw error;
      this.warnFilters([error.message]);
    }
  }

  /** What the filters are checked against: the loaded data's range and values (nothing before it is loaded). */
  private domain() {
    return this.dashboard.status === 'ready' ? this.dashboard.info : null;
  }

  /** A state patch that brings the data, with the filters (set before it was known) fitted to it. */
  private fitFilters(patch: Partial<DashboardState>): Partial<DashboardState> {
    const info = patch.info!;
    const { filters, adjustments } = fitFiltersToData(this.openingPeriod(info), info);
    if (filters === this.dashboard.filters) return patch;
    queueMicrotask(() => {
      this.warnFilters(adjustments);
      if (this.urlState) this.scheduleUrlWrite();
      this.dispatchEvent(new MktFiltersAppliedEvent(filters));
    });
    return { ...patch, filters };
  }

  /** The filters with the `period` preset's dates, unless dates were already set (by a link or a script). */
  private openingPeriod(info: NonNullable<DashboardState['info']>): DashboardState['filters'] {
    const filters = this.dashboard.filters;
    const period = this.attributeCheck.valid(
      'period',
      this.period,
      oneOf(DATE_PRESETS),
      'all',
      DATE_PRESETS.join(', '),
    );
    if (period === 'all' || !info.minDate || !info.maxDate) return filters;
    if (filters.dateFrom !== null || filters.dateTo !== null) return filters;
    const range = presetRange(period, info.minDate, info.maxDate);
    return range ? Object.freeze({ ...filters, dateFrom: range.from, dateTo: range.to }) : filters;
  }

  /** A rejected or adjusted filter change: a console warning and an `mkt-error` (`filter-invalid`). */
  private warnFilters(messages: readonly string[]): void {
    for (const message of messages) {
      console.warn(`[marketkit] ${message}`);
      this.dispatchEvent(new MktErrorEvent({ code: 'filter-invalid', message, source: 'mkt-data' }));
    }
  }

  /** An event from an element elsewhere on the page that names this one with `data="id"`. */
  private isAttached(event: Event): boolean {
    return event
      .composedPath()
      .some(
        (node) => node instanceof Element && node.localName.startsWith('mkt-') && node.getAttribute('data') === this.id,
      );
  }

  private applyUrlFilters(): void {
    const patch = readUrlFilters(this.id);
    if (!patch) return;
    try {
      const { filters: next, adjustments } = checkFilterPatch(EMPTY_FILTERS, patch, this.domain());
      this.warnFilters(adjustments.map((a) => `The filters in the URL: ${a}`));
      if (next !== this.dashboard.filters) {
        this.update$({ filters: next });
        this.dispatchEvent(new MktFiltersAppliedEvent(next));
      }
    } catch (error) {
      if (!(error instanceof FilterValidationError)) throw error;
      this.warnFilters([`The filters in the URL were ignored: ${error.message}`]);
    }
  }

  /** Follows the server's connection of a new engine: says so above the dashboard and sends the events. */
  private watchConnection(engine: DashboardState['engine']): void {
    this.unwatchConnection?.();
    this.connection = engine?.connection ?? 'ok';
    this.unwatchConnection =
      engine?.onConnection?.((state) => {
        const before = this.connection;
        this.connection = state;
        const server = this.server;
        if (state === 'lost' && before === 'failed') this.update$({});
        else if (state === 'lost') this.dispatchEvent(new MktConnectionEvent({ state: 'lost', server }));
        else if (state === 'ok') this.dispatchEvent(new MktConnectionEvent({ state: 'restored', server }));
        else {
          const message = `Lost the connection to the server at ${server} and could not reach it again.`;
          this.dispatchEvent(new MktErrorEvent({ code: 'unreachable', message, source: 'mkt-data' }));
        }
      }) ?? null;
  }

  /** Tries the server again: after a failed load, loads again; after a lost connection, re-runs every query. */
  private retry(): void {
    if (this.dashboard.status === 'error') void this.load();
    else this.dashboard.engine?.reconnect();
  }

  private update$(patch: Partial<DashboardState>): void {
    if ('engine' in patch && patch.engine !== this.dashboard.engine) this.watchConnection(patch.engine ?? null);
    this.dashboard = Object.freeze({ ...this.dashboard, ...patch });
    this.provider.setValue(this.dashboard);
    for (const callback of this.subscribers) callback(this.dashboard);
  }

  private initialState(): DashboardState {
    return Object.freeze({
      id: this.id,
      status: 'idle',
      progress: null,
      error: null,
      filters: EMPTY_FILTERS,
      engine: null,
      models: null,
      info: null,
      manifest: null,
      issues: [],
      checked: false,
      locale: this.locale ?? 'en-US',
      currency: this.currency ?? 'USD',
    });
  }

  private retryButton() {
    return html`<button part="retry" class="retry" @click=${() => this.retry()}>Retry</button>`;
  }

  override render() {
    const { status, progress, error } = this.dashboard;
    const ratio = progress && progress.total > 0 ? Math.min(1, progress.loaded / progress.total) : undefined;
    return html`
      ${
        status === 'loading'
          ? html`<div part="status" class="status mkt-root" role="status">
              <span>${progressLabel(progress?.phase)}</span>
              ${
                ratio === undefined
                  ? html`<progress aria-label="Loading the dataset"></progress>`
                  : html`<progress max="1" .value=${ratio} aria-label="Loading the dataset"></progress>`
              }
            </div>`
          : nothing
      }
      ${
        status === 'error' && error
          ? html`<div part="status" class="status error mkt-root" role="alert">
              ${error.message} ${error.code === 'unreachable' ? this.retryButton() : nothing}
            </div>`
          : nothing
      }
      ${
        status === 'ready' && this.connection !== 'ok'
          ? this.connection === 'lost'
            ? html`<div part="status" class="status note mkt-root" role="status">${CONNECTION_LOST}</div>`
            : html`<div part="status" class="status error mkt-root" role="alert">
                Lost the connection to the server and could not reach it again. ${this.retryButton()}
              </div>`
          : nothing
      }
      ${this.formatNotes.map((note) => html`<p part="status" class="status note mkt-root" role="status">${note}</p>`)}
      <slot></slot>
    `;
  }
}

function progressLabel(phase: string | undefined): string {
  switch (phase) {
    case 'connect':
      return 'Connecting to the server…';
    case 'engine':
      return 'Starting the database…';
    case 'manifest':
      return 'Reading the dataset manifest…';
    case 'download':
      return 'Downloading data…';
    case 'load':
      return 'Loading tables…';
    case 'prepare':
      return 'Preparing the dashboard…';
    default:
      return 'Loading…';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-data': MktData;
  }
}
