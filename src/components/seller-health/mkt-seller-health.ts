import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { orderUnit, type OrderUnit } from '../../metrics/orders.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { QueryController } from '../base/query-controller.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn, oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import type { SellerHealthRow, SellerMonthRow } from '../../metrics/seller-health.js';
import { assessHealth, DEFAULT_MIN_ORDERS, HEALTH_TIERS, type HealthTier } from '../../models/health-score.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { MktSellerSelectEvent } from '../../events/seller-select.js';
import { listSellers, sellersExport, sellerTable, type AssessedSeller, type SortKey } from './seller-table.js';
import { sellerDetail, sellerMonths } from './seller-months.js';
import { healthStandards, tierOverview } from './seller-tiers.js';
import { pager } from '../base/pager.js';
import { sellerHealthStyles } from './mkt-seller-health.styles.js';
import { named } from '../../queries/registry.js';

export type { AssessedSeller } from './seller-table.js';

export interface SellerHealthResult {
  readonly rows: readonly SellerHealthRow[];
  readonly withReviews: boolean;
  /** The dataset has support tickets: late responses and dissatisfied answers weigh in the score. */
  readonly withTickets: boolean;
  /** What the rates are per: orders, or order lines when the data has no order ids. */
  readonly orderUnit: OrderUnit;
}

/**
 * Seller health over the filtered window: a doughnut of the health tiers and a sortable, searchable, paged table
 * of sellers; opening a seller shows its metrics month by month. Clicking a tier of the doughnut (or Enter /
 * Space on it) narrows the table to that tier; it does not change the dashboard's filters.
 *
 * Per seller, per order in the window (an order = the seller's lines sharing an `order_id`; each line when the
 * data has none, and the element says "per order line"): order defect rate (orders with a 1–2 star review), late
 * shipment rate (orders shipped late / shipped orders), cancellation rate (cancelled orders / orders) and mean
 * review sentiment, combined into a 0–100 score (weights 0.4 / 0.25 / 0.2 / 0.15). With the optional support tickets,
 * two more rates join with weight 0.1 each (1/6 of the score, which the element says): tickets first answered after
 * 24 hours (target 10 %) and CSAT answers of 1–2 (target 25 %). Targets: Amazon's late
 * shipment < 4 % and cancellation < 2.5 %, Walmart Marketplace's negative feedback ≤ 2 %. A seller at every
 * target scores 75, the Healthy cut-off; at twice every target 50, the Critical cut-off (see
 * `src/models/health-score.ts`). Sellers with fewer than `min-orders` orders are "Not enough orders". Without the
 * reviews table, the defect rate, sentiment and ratings are unavailable and the score uses the other rates.
 *
 * The table first lists what a manager looks at first: Critical sellers, then At Risk, then Healthy, and within
 * each tier the largest revenue in the window first (the GMV at stake), so that a big seller in trouble comes
 * before a small one whose few orders happen to score worse; the unscored ("Not enough orders") come last. The
 * column headers sort by anything else.
 *
 * @summary Seller health tiers, a seller table, and each seller's monthly trend.
 * @fires mkt-seller-select - A seller's detail view was opened (`detail.sellerId`) or closed (`sellerId: null`).
 * @csspart card - The widget's frame.
 * @csspart doughnut - The tier doughnut.
 * @csspart table - The seller table.
 * @csspart detail - The seller detail panel.
 * @cssprop --mkt-positive - Colour of Healthy.
 * @cssprop --mkt-warning - Colour of At Risk.
 * @cssprop --mkt-negative - Colour of Critical.
 */
@customElement('mkt-seller-health')
export class MktSellerHealth extends MktWidget<SellerHealthResult> {
  static override styles = [...MktWidget.styles, chartStyles, sellerHealthStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** Sellers with fewer orders than this in the window are "Not enough orders" instead of scored. */
  @property({ type: Number, attribute: 'min-orders' }) minOrders = DEFAULT_MIN_ORDERS;
  /** Table rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /** Health tier the table is narrowed to (set by clicking the doughnut), or null for all. */
  @property({ attribute: 'tier-filter' }) tierFilter: HealthTier | null = null;

  @state() private search = '';
  @state() private sortKey: SortKey = 'tier';
  @state() private sortAscending = true;
  @state() private page = 0;
  @state() private selected: string | null = null;

  /** The open seller's months: a second query, at the widget's priority, its failure reported like the first's. */
  private readonly months = new QueryController<readonly SellerMonthRow[] | undefined, readonly [string | null]>(this, {
    run: async ({ engine, filters, dashboard, signal }, seller) => {
      if (!seller) return undefined;
      const withReviews = !!dashboard.info?.tables.has('reviews');
      const withTickets = !!dashboard.info?.tables.has('mkt_tickets');
      const query = named('sellerMonthly', filters, seller, { withReviews, withTickets });
      return rows<SellerMonthRow>(await engine.query(query, signal));
    },
    args: () => [this.selected] as const,
    priority: () => this.queryPriority,
  });

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<SellerHealthResult> {
    const withReviews = !!dashboard.info?.tables.has('reviews');
    // Support tickets, where the dataset has them, feed the score (src/models/health-score.ts).
    const withTickets = !!dashboard.info?.tables.has('mkt_tickets');
    return {
      rows: rows<SellerHealthRow>(
        await engine.query(named('sellerHealth', filters, { withReviews, withTickets }), signal),
      ),
      withReviews,
      withTickets,
      orderUnit: orderUnit(dashboard.info),
    };
  }

  protected override isEmpty(result: SellerHealthResult): boolean {
    return result.rows.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No seller has orders that match the current filters.';
  }

  /** Every seller of the last result with its rates, score and tier. */
  get sellers(): AssessedSeller[] {
    return [...this.assessed()];
  }

  /**
   * The sellers of the last result, assessed once per result and minimum: each render and the export read them, and
   * assessing thousands of sellers again took tens of ms of the main thread per answer at scale 10.
   */
  private assessedCache: { result: SellerHealthResult; minimum: number; sellers: readonly AssessedSeller[] } | null =
    null;
  private assessed(): readonly AssessedSeller[] {
    const result = this.task.value;
    if (!result) return [];
    const minimum = this.minimum;
    const cache = this.assessedCache;
    if (cache?.result === result && cache.minimum === minimum) return cache.sellers;
    const sellers = result.rows.map(({ tier, ...r }) => ({ ...r, programmeTier: tier, ...assessHealth(r, minimum) }));
    this.assessedCache = { result, minimum, sellers };
    return sellers;
  }

  /** Every seller the table lists (all pages, in its sort order and tier / search filter). */
  protected override exportTable(_result: SellerHealthResult): ExportTable {
    return sellersExport(this.filtered(this.assessed()));
  }

  /** Always a table, empty or not: the Download menu need not build it to know. */
  protected override hasExportTable(_result: SellerHealthResult): boolean {
    return true;
  }

  protected override renderResult(result: SellerHealthResult) {
    const sellers = this.assessed();
    const counts = HEALTH_TIERS.map((tier) => ({ tier, n: sellers.filter((s) => s.tier === tier).length }));
    const visible = this.filtered(sellers);
    const pages = Math.max(1, Math.ceil(visible.length / this.pageSizeSafe));
    const page = Math.min(this.page, pages - 1);
    const shown = visible.slice(page * this.pageSizeSafe, (page + 1) * this.pageSizeSafe);
    const open = this.selected ? sellers.find((s) => s.seller_id === this.selected) : undefined;
    return html`
      ${tierOverview(counts, sellers.length, this.tierShown, (tier) => this.setTierFilter(tier), this.format)}
      ${healthStandards(result, this.minimum, this.format)}
      <div class="toolbar">
        <label class="visually-hidden" for="search">Search sellers</label>
        <input
          id="search"
          type="search"
          placeholder="Search sellers"
          .value=${this.search}
          @input=${(e: Event) => {
            this.search = (e.target as HTMLInputElement).value;
            this.page = 0;
          }}
        />
        ${
          this.tierShown
            ? html`<button type="button" class="chip" @click=${() => this.setTierFilter(null)}>
                ${this.tierShown} ✕<span class="visually-hidden"> (show all tiers)</span>
              </button>`
            : nothing
        }
      </div>
      <div class="scroll">
        ${sellerTable(shown, {
          sortKey: this.sortKey,
          ascending: this.sortAscending,
          selected: this.selected,
          withReviews: result.withReviews,
          format: this.format,
          sortBy: (key) => this.sortBy(key),
          open: (seller) => this.open(seller),
        })}
      </div>
      ${pager(page, pages, `${this.format.count(visible.length)} sellers`, (p) => (this.page = p))}
      ${open ? this.renderDetail(open, result.withReviews) : nothing}
    `;
  }

  private get pageSizeSafe(): number {
    return this.validAttribute(
      'page-size',
      this.pageSize,
      integerIn(1, 500),
      10,
      'a whole number of rows from 1 to 500',
    );
  }

  private get minimum(): number {
    return this.validAttribute(
      'min-orders',
      this.minOrders,
      integerIn(0, 1_000_000),
      DEFAULT_MIN_ORDERS,
      'a whole number of orders, 0 or more',
    );
  }

  private get tierShown(): HealthTier | null {
    const valid = (t: HealthTier | null) => t === null || oneOf(HEALTH_TIERS)(t);
    return this.validAttribute('tier-filter', this.tierFilter, valid, null, `one of ${HEALTH_TIERS.join(', ')}`);
  }

  private filtered(sellers: readonly AssessedSeller[]): AssessedSeller[] {
    const q = { search: this.search, tier: this.tierShown, sortKey: this.sortKey, ascending: this.sortAscending };
    return listSellers(sellers, q);
  }

  private setTierFilter(tier: HealthTier | null) {
    this.tierFilter = this.tierShown === tier ? null : tier;
    this.page = 0;
  }

  private sortBy(key: SortKey) {
    if (this.sortKey === key) this.sortAscending = !this.sortAscending;
    else {
      this.sortKey = key;
      this.sortAscending = key === 'name' || key === 'tier' || key === 'score';
    }
    this.page = 0;
  }

  private open(s: AssessedSeller) {
    this.selected = this.selected === s.seller_id ? null : s.seller_id;
    this.dispatchEvent(new MktSellerSelectEvent({ sellerId: this.selected, name: this.selected ? s.name : null }));
  }

  private renderDetail(s: AssessedSeller, withReviews: boolean) {
    const body = this.months.render({
      initial: () => this.skeleton(),
      pending: () => this.skeleton(),
      error: (problem) => this.message('error', `The seller’s months could not be loaded: ${problem.message}`),
      complete: (months) =>
        months && months.length > 0
          ? sellerMonths(s.name, months, withReviews, this.format)
          : this.message('empty', 'No months to show.'),
    });
    return sellerDetail(s, body, () => this.open(s));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-seller-health': MktSellerHealth;
  }
}
