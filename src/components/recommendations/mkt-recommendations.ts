import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { rows } from '../../data/arrow-rows.js';
import type { FilterState } from '../../data/filter-state.js';
import {
  onePerPair,
  type AssociationRow,
  type BasketItemRow,
  type CoPurchaseOptions,
} from '../../metrics/co-purchase.js';
import { orderUnit } from '../../metrics/orders.js';
import { barLayout } from '../base/bar-layout.js';
import { bars } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { basketFilters, nextBestProducts, type NextBestRow } from './next-best.js';
import { recommendationStyles } from './mkt-recommendations.styles.js';
import { named } from '../../queries/registry.js';

type Level = NonNullable<CoPurchaseOptions['level']>;
type Basket = NonNullable<CoPurchaseOptions['basket']>;

export interface RecommendationsResult {
  readonly level: Level;
  readonly basket: Basket;
  readonly minCount: number;
  /** The item asked about (product id or category), or null for the most frequent pairs. */
  readonly item: string | null;
  readonly rules: readonly AssociationRow[];
  /** The items in the most baskets (the choices), and the number of baskets. */
  readonly items: readonly BasketItemRow[];
  readonly baskets: number;
}

const LEVELS = ['product', 'category'] as const;
const BASKETS = ['order', 'customer'] as const;
const isLevel = (v: unknown): v is Level => (LEVELS as readonly unknown[]).includes(v);
const isBasket = (v: unknown): v is Basket => (BASKETS as readonly unknown[]).includes(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000;

/**
 * "Customers who bought X also bought Y": item-to-item co-purchase rules over the filtered orders (or each
 * customer's purchases, `basket="customer"`), computed in DuckDB. For the product chosen in its menu (by default
 * the one product the dashboard is filtered to, else the most frequent pairs), the items bought with it, by
 * confidence (the share of X's baskets that also hold Y), with support (the share of all baskets holding both) and
 * lift (confidence ÷ Y's own share: above 1, bought together more than chance). `level="category"` works on
 * categories. Pairs in fewer than `min-count` baskets are left out. `nextBestProducts()` gives per-customer
 * suggestions (for an early-warning list) from the same rules.
 *
 * @summary Products (or categories) bought together: support, confidence and lift, and next best products.
 * @fires mkt-option-change - The user switched products / categories: `{ option: 'level', value }`.
 * @csspart card - The widget's frame.
 * @csspart picker - The menu of the item asked about.
 * @cssprop --mkt-series-1 - Colour of the bars.
 */
@customElement('mkt-recommendations')
export class MktRecommendations extends MktWidget<RecommendationsResult> {
  static override styles = [...MktWidget.styles, chartStyles, barsStyles, recommendationStyles];

  /** Rules between `product`s (default) or `category`s. */
  @property({ reflect: true }) level: Level = 'product';
  /** A basket is an `order` (default) or everything a `customer` bought in the window. */
  @property({ reflect: true }) basket: Basket = 'order';
  /** The product id (or category) asked about; empty: the one the dashboard is filtered to, or the top pairs. */
  @property() item = '';
  /** Least baskets holding a pair for it to count (default 2). */
  @property({ type: Number, attribute: 'min-count' }) minCount = 2;

  private readonly size = new SizeController(this);

  protected override queryArgs() {
    const level = this.validAttribute('level', this.level, isLevel, 'product', LEVELS.join(', '));
    const basket = this.validAttribute('basket', this.basket, isBasket, 'order', BASKETS.join(', '));
    const minCount = this.validAttribute('min-count', this.minCount, isCount, 2, 'a whole number from 1 to 1000');
    return [level, basket, minCount, this.item];
  }

  /** The item to ask about: the `item` set, else the single product (category) the dashboard is filtered to. */
  private asked(level: Level, filters: FilterState): string | null {
    const filtered = level === 'category' ? filters.categories : filters.products;
    return this.item || (filtered.length === 1 ? filtered[0] : null);
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<RecommendationsResult> {
    const [level, basket, minCount] = this.queryArgs() as [Level, Basket, number, string];
    const item = this.asked(level, filters);
    // Without an item, each pair comes in both directions: twice as many, one kept of each.
    const options = { level, basket, minCount, limit: item ? 12 : 24 };
    const scope = basketFilters(filters, level);
    const [rules, items] = await Promise.all([
      engine.query(named('coPurchase', scope, item, options), signal).then((t) => rows<AssociationRow>(t)),
      engine
        .query(named('basketItems', scope, { level, basket, limit: 40 }), signal)
        .then((t) => rows<BasketItemRow>(t)),
    ]);
    return { level, basket, minCount, item, rules: item ? rules : onePerPair(rules), items, baskets: items[0]?.n ?? 0 };
  }

  /**
   * Next best products for these customers on this element's dashboard, from this element's rules (level, basket,
   * minimum count): see `nextBestProducts()` in `./next-best.ts`.
   */
  nextBestProducts(customerIds: readonly string[], perCustomer = 1): Promise<NextBestRow[]> {
    if (!this.dashboard) return Promise.reject(new Error('<mkt-recommendations> has no dashboard.'));
    const [level, basket, minCount] = this.queryArgs() as [Level, Basket, number, string];
    return nextBestProducts(this.dashboard, customerIds, { level, basket, minCount, perCustomer });
  }

  /** Empty when nothing was bought at all; an item bought with nothing says so beside the menu to pick another. */
  protected override isEmpty(result: RecommendationsResult): boolean {
    return result.items.length === 0;
  }

  protected override emptyMessage(): string {
    return 'Nothing was bought in the selected period.';
  }

  protected override renderControls() {
    return segmented(
      'Items',
      [
        ['product', 'Products'],
        ['category', 'Categories'],
      ] as const,
      this.level,
      (l) => {
        this.level = l;
        this.item = '';
        this.dispatchEvent(new MktOptionChangeEvent({ option: 'level', value: l }));
      },
    );
  }

  private picker(result: RecommendationsResult, x: string | null) {
    const choose = (e: Event) => (this.item = (e.target as HTMLSelectElement).value);
    const listed = result.items.some((i) => i.item === result.item);
    return html`<label class="picker" part="picker"
      ><span>${result.basket === 'customer' ? 'Customers' : 'Orders'} with</span>
      <select @change=${choose}>
        <option value="" ?selected=${!result.item}>any item: the most frequent pairs</option>
        ${result.items.map((i) => html`<option value=${i.item} ?selected=${result.item === i.item}>${i.name}</option>`)}
        ${result.item && !listed ? html`<option value=${result.item} selected>${x}</option>` : nothing}
      </select></label
    >`;
  }

  /** Why there is no rule to show. */
  private none(result: RecommendationsResult, x: string | null): string {
    const lines = this.dashboard?.status === 'ready' && orderUnit(this.dashboard.info) === 'line';
    if (lines && result.basket === 'order')
      return 'No order ids in this data: each order line is its own basket, so nothing is bought together. Customer baskets (basket="customer") still work.';
    const unit = result.basket === 'customer' ? 'customers' : 'orders';
    return `Nothing is bought ${x ? `with ${x} ` : 'together '}by ${result.minCount} or more ${unit} in this selection.`;
  }

  private ruleText(r: AssociationRow): string {
    const f = this.format;
    return `${f.percent(r.confidence, 0)} also · lift ${this.lift(r.lift)} · ${f.count(r.together)} together`;
  }

  private lift = (v: number | null) =>
    v === null ? '–' : v.toLocaleString(this.dashboard?.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  protected override dataView(result: RecommendationsResult): DataView<AssociationRow> {
    const f = this.format;
    return {
      caption: result.item ? `Bought with ${result.rules[0]?.x_name ?? result.item}` : 'Most frequent pairs',
      rows: result.rules,
      columns: [
        { label: 'Bought', value: (r) => r.x_name, raw: (r) => r.x },
        { label: 'Also bought', value: (r) => r.y_name, raw: (r) => r.y },
        numberColumn('Baskets with both', (r) => r.together, f.count),
        numberColumn(
          'Support',
          (r) => r.support,
          (v) => f.percent(v, 1),
        ),
        numberColumn(
          'Confidence',
          (r) => r.confidence,
          (v) => f.percent(v, 1),
        ),
        numberColumn('Lift', (r) => r.lift, this.lift),
      ],
    };
  }

  protected override renderResult(result: RecommendationsResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const x = result.item ? (result.rules[0]?.x_name ?? this.nameOf(result, result.item)) : null;
    const unit = result.basket === 'customer' ? 'customers' : 'orders';
    const rules = result.rules.map((r) => ({
      key: `${r.x} ${r.y}`,
      label: x ? r.y_name : `${r.x_name} → ${r.y_name}`,
      value: r.confidence,
      text: this.ruleText(r),
    }));
    return html`${this.picker(result, x)}
      ${
        result.rules.length === 0
          ? html`<p class="data-note" data-note="none">${this.none(result, x)}</p>`
          : bars(rules, {
              ...barLayout(
                width,
                rules.map((b) => b.label),
                240,
              ),
              max: 1,
              track: true,
              label: `${x ? `Bought with ${x}` : 'Most frequent pairs'}: ${rules.map((b) => `${b.label} ${b.text}`).join('; ')}`,
            })
      }
      <p class="data-note" data-note="definitions">
        Over ${f.count(result.baskets)} ${unit} that bought something. Confidence: the share of the first item's ${unit}
        that also bought the second; lift: that share ÷ the second item's own share (above 1, more than chance); support
        (in the table): the share of all ${unit} with both.
      </p>`;
  }

  private nameOf(result: RecommendationsResult, item: string): string {
    return result.items.find((i) => i.item === item)?.name ?? item;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-recommendations': MktRecommendations;
  }
}
