import { html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleProps } from '../../charts/style-props.js';
import { Task } from '@lit/task';
import { arc, line, pie, scaleLinear } from 'd3';
import { orderUnit, type OrderUnit } from '../../metrics/orders.js';
import { LINES_AS_ORDERS } from '../base/data-notes.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn, oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import {
  sellerHealthSql,
  sellerMonthlySql,
  type SellerHealthRow,
  type SellerMonthRow,
} from '../../metrics/seller-health.js';
import {
  assessHealth,
  CRITICAL_BELOW,
  DEFAULT_MIN_ORDERS,
  HEALTH_TIERS,
  HEALTHY_FROM,
  ticketWeightShare,
  type Health,
  type HealthTier,
} from '../../models/health-score.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { isActivation } from '../../charts/cursor-keys.js';
import { MktSellerSelectEvent } from '../../events/seller-select.js';
import { sellerHealthStyles } from './mkt-seller-health.styles.js';
import { tierWord } from '../../format/tier.js';

export interface SellerHealthResult {
  readonly rows: readonly SellerHealthRow[];
  readonly withReviews: boolean;
  /** The dataset has support tickets: late responses and dissatisfied answers weigh in the score. */
  readonly withTickets: boolean;
  /** What the rates are per: orders, or order lines when the data has no order ids. */
  readonly orderUnit: OrderUnit;
}

/** A seller with its rates, score and health `tier`; `programmeTier` is the seller's tier (gold, silver, ...). */
export type AssessedSeller = Omit<SellerHealthRow, 'tier'> & Health & { readonly programmeTier: string };

type SortKey = 'name' | 'tier' | 'score' | 'defectRate' | 'lateRate' | 'avgRating' | 'revenue';

const TIER_COLOURS: Record<HealthTier, string> = {
  Healthy: 'var(--mkt-positive, var(--_mkt-positive))',
  'At Risk': 'var(--mkt-warning, var(--_mkt-warning))',
  Critical: 'var(--mkt-negative, var(--_mkt-negative))',
  'Not enough orders': 'var(--mkt-border, var(--_mkt-border))',
};
/** The Health column's order: the sellers that need attention first, the unscored last. */
const TIER_ORDER: Record<HealthTier, number> = { Critical: 0, 'At Risk': 1, Healthy: 2, 'Not enough orders': 3 };
const slug = (t: HealthTier) => t.toLowerCase().replaceAll(' ', '-');

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

  private readonly detail = new Task(this, {
    task: async ([dashboard, seller], { signal }) => {
      if (!seller || !dashboard?.engine || dashboard.status !== 'ready') return undefined;
      const withReviews = dashboard.info!.tables.has('reviews');
      const withTickets = dashboard.info!.tables.has('mkt_tickets');
      return rows<SellerMonthRow>(
        await dashboard.engine.query(sellerMonthlySql(dashboard.filters, seller, { withReviews, withTickets }), signal),
      );
    },
    args: () => [this.dashboard, this.selected] as const,
  });

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<SellerHealthResult> {
    const withReviews = !!dashboard.info?.tables.has('reviews');
    // Support tickets, where the dataset has them, feed the score (src/models/health-score.ts).
    const withTickets = !!dashboard.info?.tables.has('mkt_tickets');
    return {
      rows: rows<SellerHealthRow>(await engine.query(sellerHealthSql(filters, { withReviews, withTickets }), signal)),
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
    const result = this.task.value;
    if (!result) return [];
    const min = this.minimum;
    return result.rows.map(({ tier, ...r }) => ({ ...r, programmeTier: tier, ...assessHealth(r, min) }));
  }

  /** Every seller the table lists (all pages, in its sort order and tier / search filter). */
  protected override exportTable(_result: SellerHealthResult): ExportTable {
    const sellers = this.filtered(this.sellers);
    return {
      columns: [
        'Seller id',
        'Seller',
        'Programme tier',
        'Health',
        'Score',
        'Orders',
        'Defect rate',
        'Late rate',
        'Avg rating',
        'Revenue',
      ],
      rows: sellers.map((s) => [
        s.seller_id,
        s.name,
        s.programmeTier,
        s.tier,
        s.score,
        s.orders,
        s.defectRate,
        s.lateRate,
        s.avgRating,
        s.revenue,
      ]),
    };
  }

  protected override renderResult(result: SellerHealthResult) {
    const sellers = this.sellers;
    const counts = HEALTH_TIERS.map((tier) => ({ tier, n: sellers.filter((s) => s.tier === tier).length }));
    const visible = this.filtered(sellers);
    const pages = Math.max(1, Math.ceil(visible.length / this.pageSizeSafe));
    const page = Math.min(this.page, pages - 1);
    const shown = visible.slice(page * this.pageSizeSafe, (page + 1) * this.pageSizeSafe);
    const open = this.selected ? sellers.find((s) => s.seller_id === this.selected) : undefined;
    return html`
      <div class="top">
        ${this.renderDoughnut(counts, sellers.length)}
        <ul class="tiers">
          ${counts.map(
            (c) =>
              html`<li data-tier=${c.tier}>
                <span class="swatch" ${styleProps({ background: TIER_COLOURS[c.tier] })}></span>${c.tier}
                <span class="n">${this.format.count(c.n)}</span>
              </li>`,
          )}
        </ul>
      </div>
      <p class="standards">
        Rates per
        ${result.orderUnit === 'line' ? html`<strong data-unit="line">order line</strong> (${LINES_AS_ORDERS.toLowerCase()})` : html`<span data-unit="order">order</span>`}.
        Score 0–100: Healthy ≥ ${HEALTHY_FROM} (within Amazon's late-shipment &lt; 4 % and cancellation &lt; 2.5 %
        targets and Walmart's negative-feedback ≤ 2 %), Critical &lt; ${CRITICAL_BELOW} (twice the targets). Fewer than
        ${this.minimum} orders: not scored.
        ${result.withReviews ? nothing : html`<strong>The defect rate and review sentiment are unavailable: this dataset has no reviews.</strong>`}
        ${result.withTickets ? html`<span data-note="tickets">Support tickets weigh ${this.format.percent(ticketWeightShare(), 0)} of the score: responses later than 24 hours and CSAT answers of 1–2.</span>` : nothing}
      </p>
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
      <div class="scroll">${this.renderTable(shown, result.withReviews)}</div>
      <div class="pager">
        <button type="button" ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>Previous</button>
        <span class="page-info">Page ${page + 1} of ${pages} · ${this.format.count(visible.length)} sellers</span>
        <button type="button" ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)}>Next</button>
      </div>
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

  private filtered(sellers: AssessedSeller[]): AssessedSeller[] {
    const q = this.search.trim().toLocaleLowerCase();
    const list = sellers.filter(
      (s) =>
        (!this.tierShown || s.tier === this.tierShown) &&
        (!q || s.name.toLocaleLowerCase().includes(q) || s.seller_id.toLocaleLowerCase().includes(q)),
    );
    const key = this.sortKey;
    const dir = this.sortAscending ? 1 : -1;
    const value = (s: AssessedSeller): string | number | null =>
      key === 'name' ? s.name.toLocaleLowerCase() : key === 'tier' ? TIER_ORDER[s.tier] : (s[key] as number | null);
    return list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null && vb === null) return a.name.localeCompare(b.name);
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === 'string' ? va.localeCompare(vb as string) : va - (vb as number);
      // Within a health tier, the most revenue (the most GMV at stake) first.
      return c * dir || (key === 'tier' ? b.revenue - a.revenue : 0) || a.name.localeCompare(b.name);
    });
  }

  private setTierFilter(tier: HealthTier | null) {
    this.tierFilter = this.tierShown === tier ? null : tier;
    this.page = 0;
  }

  private renderDoughnut(counts: { tier: HealthTier; n: number }[], total: number) {
    const size = 150;
    const r = size / 2;
    const slices = pie<{ tier: HealthTier; n: number }>()
      .sort(null)
      .value((d) => d.n)(counts.filter((c) => c.n > 0));
    const shape = arc<(typeof slices)[number]>()
      .innerRadius(r * 0.6)
      .outerRadius(r - 2)
      .padAngle(0.015);
    return svg`<svg class="doughnut" part="doughnut" width=${size} height=${size} viewBox="0 0 ${size} ${size}" role="group" aria-label="Sellers by health tier">
      <g transform="translate(${r},${r})">
        ${slices.map((s) => {
          const on = this.tierShown === s.data.tier;
          const share = this.format.percent(s.data.n / total, 0);
          return svg`<path class="mark ${on ? 'active' : this.tierShown ? 'dim' : ''}" d=${shape(s) ?? ''} fill=${TIER_COLOURS[s.data.tier]}
            data-tier=${s.data.tier} tabindex="0" role="button" aria-pressed=${on ? 'true' : 'false'}
            aria-label="${s.data.tier}: ${s.data.n} sellers (${share}). ${on ? 'Press to show all sellers.' : 'Press to show only these in the table.'}"
            @click=${() => this.setTierFilter(s.data.tier)}
            @keydown=${(e: KeyboardEvent) => {
              if (!isActivation(e)) return;
              e.preventDefault();
              this.setTierFilter(s.data.tier);
            }}><title>${s.data.tier}: ${s.data.n} (${share})</title></path>`;
        })}
        <text class="total" text-anchor="middle" dy="0.1em" aria-hidden="true">${this.format.count(total)}</text>
        <text class="total-label" text-anchor="middle" dy="1.6em" aria-hidden="true">sellers</text>
      </g>
    </svg>`;
  }

  private renderTable(sellers: AssessedSeller[], withReviews: boolean): TemplateResult {
    const f = this.format;
    const head = (key: SortKey, label: string, numeric = false) => {
      const on = this.sortKey === key;
      return html`<th
        scope="col"
        class=${numeric ? 'num' : ''}
        aria-sort=${on ? (this.sortAscending ? 'ascending' : 'descending') : 'none'}
      >
        <button type="button" data-sort=${key} @click=${() => this.sortBy(key)}>
          ${label}${on ? (this.sortAscending ? ' ▲' : ' ▼') : ''}
        </button>
      </th>`;
    };
    return html`<table class="data" part="table">
      <caption class="visually-hidden">
        Seller health
      </caption>
      <thead>
        <tr>
          ${head('name', 'Seller')}${head('tier', 'Health')}${head('score', 'Score', true)}${head('defectRate', 'Defect rate', true)}
          ${head('lateRate', 'Late ship', true)}${head('avgRating', 'Avg rating', true)}${head('revenue', 'Revenue', true)}
        </tr>
      </thead>
      <tbody>
        ${sellers.map(
          (s) =>
            html`<tr data-seller=${s.seller_id} class=${this.selected === s.seller_id ? 'open' : ''}>
              <td>
                <button
                  type="button"
                  class="seller"
                  aria-expanded=${this.selected === s.seller_id ? 'true' : 'false'}
                  @click=${() => this.open(s)}
                >
                  ${s.name}
                </button>
              </td>
              <td><span class="badge ${slug(s.tier)}">${s.tier}</span></td>
              <td class="num score">${s.score === null ? '–' : f.count(Math.round(s.score))}</td>
              <td class="num odr">${withReviews ? f.percent(s.defectRate, 1) : 'n/a'}</td>
              <td class="num late">${f.percent(s.lateRate, 1)}</td>
              <td class="num rating">${withReviews ? (s.avgRating === null ? '–' : s.avgRating.toFixed(2)) : 'n/a'}</td>
              <td class="num revenue">${f.money(s.revenue)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
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
    const f = this.format;
    const body = this.detail.render({
      pending: () => this.skeleton(),
      error: () => this.message('error', 'The seller’s months could not be loaded.'),
      complete: (months) => {
        if (!months || months.length === 0) return this.message('empty', 'No months to show.');
        const assessed = months.map((m) => ({ ...m, ...assessHealth(m, 1) }));
        const spark = (label: string, values: (number | null)[], text: (v: number | null) => string) => {
          const w = 120;
          const h = 28;
          const known = values.filter((v): v is number => v !== null);
          const y = scaleLinear()
            .domain([Math.min(0, ...known), Math.max(1e-9, ...known)])
            .range([h - 2, 2]);
          const x = (i: number) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * w);
          const d =
            line<number | null>()
              .defined((v) => v !== null)
              .x((_, i) => x(i))
              .y((v) => y(v ?? 0))(values) ?? '';
          const lastIndex = values.length - 1;
          return html`<li>
            ${label}<span class="last">${text(values[lastIndex])}</span>
            <svg width=${w} height=${h} aria-hidden="true">
              <path d=${d}></path>
              ${values[lastIndex] !== null ? svg`<circle r="2.5" cx=${x(lastIndex)} cy=${y(values[lastIndex]!)}></circle>` : nothing}
            </svg>
          </li>`;
        };
        return html`<ul class="sparks">
            ${spark(
              'Revenue',
              assessed.map((m) => m.revenue),
              (v) => f.money(v),
            )}
            ${spark(
              'Defect rate',
              assessed.map((m) => m.defectRate),
              (v) => f.percent(v, 1),
            )}
            ${spark(
              'Late ship',
              assessed.map((m) => m.lateRate),
              (v) => f.percent(v, 1),
            )}
            ${spark(
              'Cancellations',
              assessed.map((m) => m.cancelRate),
              (v) => f.percent(v, 1),
            )}
            ${
              withReviews
                ? spark(
                    'Avg rating',
                    assessed.map((m) => m.avgRating),
                    (v) => (v === null ? '–' : v.toFixed(2)),
                  )
                : nothing
            }
          </ul>
          <div class="scroll">
            <table class="data months">
              <caption class="visually-hidden">
                ${s.name} by month
              </caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" class="num">Orders</th>
                  <th scope="col" class="num">Revenue</th>
                  <th scope="col" class="num">Defect rate</th>
                  <th scope="col" class="num">Late ship</th>
                  <th scope="col" class="num">Cancelled</th>
                  ${withReviews ? html`<th scope="col" class="num">Avg rating</th>` : nothing}
                </tr>
              </thead>
              <tbody>
                ${assessed.map(
                  (m) =>
                    html`<tr data-month=${m.month}>
                      <td>${f.month(m.month)}</td>
                      <td class="num">${f.count(m.orders)}</td>
                      <td class="num">${f.money(m.revenue)}</td>
                      <td class="num">${f.percent(m.defectRate, 1)}</td>
                      <td class="num">${f.percent(m.lateRate, 1)}</td>
                      <td class="num">${f.percent(m.cancelRate, 1)}</td>
                      ${withReviews ? html`<td class="num">${m.avgRating === null ? '–' : m.avgRating.toFixed(2)}</td>` : nothing}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`;
      },
    });
    return html`<section class="detail" part="detail" aria-label="${s.name} month by month">
      <header>
        <div>
          <h3>${s.name}</h3>
          <span class="meta"
            >${s.tier}${s.score === null ? '' : ` · score ${Math.round(s.score)}`} · ${tierWord(s.programmeTier)} seller
            · account ${s.status}</span
          >
        </div>
        <button type="button" class="close" @click=${() => this.open(s)}>Close</button>
      </header>
      ${body}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-seller-health': MktSellerHealth;
  }
}
