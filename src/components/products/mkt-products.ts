import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { NEEDS_PAGE_EVENTS } from '../base/data-notes.js';
import { rows } from '../../data/arrow-rows.js';
import { EMPTY_FILTERS } from '../../data/filter-state.js';
import { kpiPeriods, type KpiPeriods } from '../../metrics/kpis.js';
import type { ProductRow } from '../../metrics/products.js';
import {
  DEFAULT_MIN_VOLUME,
  PRODUCT_MEASURES,
  productMeasure,
  productMovers,
  rankProducts,
  type ProductMeasure,
} from '../../models/product-ranking.js';
import { barLayout } from '../base/bar-layout.js';
import { bars, type Bar } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { productStyles } from './mkt-products.styles.js';
import { moveText, productText, starsText } from './product-texts.js';
import { named } from '../../queries/registry.js';

export interface ProductsResult {
  readonly rows: readonly ProductRow[];
  readonly periods: KpiPeriods;
  readonly withReviews: boolean;
  readonly withSessions: boolean;
}

const WORDS: Record<ProductMeasure, string> = {
  gmv: 'GMV',
  units: 'Units',
  return_rate: 'Return rate',
  rating: 'Rating',
  conversion: 'Conversion',
};
/** The measure inside a sentence. */
const IN_TEXT: Record<ProductMeasure, string> = {
  ...WORDS,
  units: 'units',
  return_rate: 'return rate',
  rating: 'rating',
  conversion: 'conversion',
};
const VOLUME: Partial<Record<ProductMeasure, string>> = {
  return_rate: 'delivered lines',
  rating: 'reviews',
  conversion: 'sessions',
};
const isMeasure = (v: unknown): v is ProductMeasure => (PRODUCT_MEASURES as readonly unknown[]).includes(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100;

/**
 * Products ranked: the best and the worst by GMV, units, return rate, rating or conversion (a switch; rates only for
 * products with at least `min-volume` delivered lines, reviews or sessions), and the movers: the products whose GMV
 * rose or fell most against the prior period of equal length (as the KPIs compare). Clicking a product, or Enter /
 * Space on it, filters the whole dashboard to it (the `products` filter); again clears it. The element itself
 * ignores that filter, so that every product stays listed and the selected one is highlighted.
 *
 * @summary Best and worst products by GMV, units, returns, rating or conversion, and the movers; click to filter.
 * @fires mkt-filter-change - A product was activated: `{ products: [id] }`, or `{ products: [] }` to clear.
 * @fires mkt-option-change - The user switched the measure: `{ option: 'measure', value }`.
 * @csspart card - The widget's frame.
 * @csspart list - One ranked list (best, worst, rising, falling).
 * @csspart product - A product's bar (a button).
 * @cssprop --mkt-series-1 - Colour of the bars.
 * @cssprop --mkt-accent - Colour of the selected product.
 */
@customElement('mkt-products')
export class MktProducts extends MktWidget<ProductsResult> {
  static override styles = [...MktWidget.styles, chartStyles, barsStyles, productStyles];

  /** The selection it highlights (see MktWidget). */
  protected override readonly drawnFilters = ['products'] as const;

  /** What ranks the products: `gmv` (default), `units`, `return_rate`, `rating` or `conversion`. */
  @property({ reflect: true }) measure: ProductMeasure = 'gmv';
  /** Products in each list (1–100, default 5). */
  @property({ type: Number }) limit = 5;
  /** Least delivered lines, reviews or sessions for a product to rank by a rate (1–100, default 5). */
  @property({ type: Number, attribute: 'min-volume' }) minVolume = DEFAULT_MIN_VOLUME;

  private readonly size = new SizeController(this);

  /** Why a measure is unavailable in this dataset, or null. */
  private unavailable(m: ProductMeasure): string | null {
    const tables = this.dashboard?.status === 'ready' ? this.dashboard.info?.tables : undefined;
    if (m === 'rating' && tables && !tables.has('reviews')) return 'Needs reviews, which this dataset does not have';
    if (m === 'conversion' && tables && !tables.has('mkt_sessions')) return NEEDS_PAGE_EVENTS;
    return null;
  }

  private get shownMeasure(): ProductMeasure {
    const m = this.validAttribute('measure', this.measure, isMeasure, 'gmv', PRODUCT_MEASURES.join(', '));
    return this.unavailable(m) ? 'gmv' : m;
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<ProductsResult> {
    const withReviews = !!dashboard.info?.tables.has('reviews');
    const withSessions = !!dashboard.info?.tables.has('mkt_sessions');
    const { minDate, maxDate } = dashboard.info ?? {};
    const periods = kpiPeriods(filters, minDate ?? '1970-01-01', maxDate ?? '1970-01-01');
    const all = { ...filters, products: EMPTY_FILTERS.products };
    const table = await engine.query(named('productPerformance', all, periods, { withSessions, withReviews }), signal);
    return { rows: rows<ProductRow>(table), periods, withReviews, withSessions };
  }

  protected override isEmpty(result: ProductsResult): boolean {
    return result.rows.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No product sold or was viewed in the selected period.';
  }

  protected override renderControls() {
    return segmented(
      'Rank by',
      PRODUCT_MEASURES.map((m) => [m, WORDS[m]] as const),
      this.shownMeasure,
      (m) => {
        this.measure = m;
        this.dispatchEvent(new MktOptionChangeEvent({ option: 'measure', value: m }));
      },
      (m) => this.unavailable(m),
    );
  }

  /** One ranked list; `max` is the value at a full bar, shared by the two lists of a pair so that they compare. */
  private list(title: string, key: string, items: readonly Bar[], empty: string, width: number, max: number) {
    const selected = new Set(this.dashboard?.filters.products ?? []);
    const toggle = (id: string) => {
      const only = selected.size === 1 && selected.has(id);
      this.changeFilters({ products: only ? [] : [id] });
    };
    return html`<section class="list" part="list" data-list=${key}>
      <h3>${title}</h3>
      ${
        items.length === 0
          ? html`<p class="data-note">${empty}</p>`
          : bars(items, {
              ...barLayout(
                width,
                items.map((b) => b.label),
                190,
              ),
              track: true,
              max,
              part: 'product',
              label: title,
              select: {
                selected,
                toggle,
                label: (b, on) =>
                  `${b.label}: ${b.text}. ${on ? 'Selected: press to clear the product filter' : 'Press to filter the dashboard to this product'}`,
              },
            })
      }
    </section>`;
  }

  protected override dataView(result: ProductsResult): DataView<ProductRow> {
    const f = this.format;
    const rate = (m: ProductMeasure) => (r: ProductRow) => productMeasure(r, m);
    return {
      caption: 'Product performance, current and prior period',
      rows: result.rows,
      columns: [
        { label: 'Product', value: (r) => r.name, raw: (r) => r.product_id },
        { label: 'Category', value: (r) => r.category },
        numberColumn('GMV', (r) => r.gmv, f.money),
        numberColumn('Prior GMV', (r) => r.gmv_prior, f.money),
        numberColumn('Units', (r) => r.units, f.count),
        numberColumn('Return rate', rate('return_rate'), (v) => f.percent(v, 1)),
        numberColumn('Rating', rate('rating'), (v) => starsText(v, this.dashboard?.locale)),
        numberColumn('Conversion', rate('conversion'), (v) => f.percent(v, 1)),
      ],
    };
  }

  protected override renderResult(result: ProductsResult): TemplateResult {
    const f = this.format;
    const m = this.shownMeasure;
    const limit = this.validAttribute('limit', this.limit, isCount, 5, 'a whole number from 1 to 100');
    const minVolume = this.validAttribute('min-volume', this.minVolume, isCount, DEFAULT_MIN_VOLUME, '1 to 100');
    // By GMV or units, among the products sold in the window: the many that sold nothing would all tie last.
    const sold = VOLUME[m] ? result.rows : result.rows.filter((r) => r.units > 0);
    const ranked = (direction: 'best' | 'worst') =>
      rankProducts(sold, m, { direction, limit, minVolume }).map(({ row }) => ({
        key: row.product_id,
        label: row.name,
        value: productMeasure(row, m),
        text: productText(row, m, f, this.dashboard?.locale),
      }));
    const moves = productMovers(result.rows, limit);
    const moved = (list: typeof moves.gainers) =>
      list.map(({ row, change, relative }) => ({
        key: row.product_id,
        label: row.name,
        value: Math.abs(change),
        text: moveText(change, relative, f),
      }));
    const w = this.size.drawWidth;
    const [best, worst, gainers, losers] = [ranked('best'), ranked('worst'), moved(moves.gainers), moved(moves.losers)];
    const top = (...lists: Bar[][]) => Math.max(1e-9, ...lists.flat().map((b) => b.value ?? 0));
    const two = w >= 640;
    const width = two ? Math.floor((w - 16) / 2) : w;
    const few = VOLUME[m] ? `No product has ${minVolume} ${VOLUME[m]} or more.` : 'No product sold in the period.';
    const { prior } = result.periods;
    return html`<div class="lists ${two ? 'two' : ''}">
        ${this.list(`Best by ${IN_TEXT[m]}`, 'best', best, few, width, top(best, worst))}
        ${this.list(`Worst by ${IN_TEXT[m]}`, 'worst', worst, few, width, top(best, worst))}
        ${this.list('Rising GMV', 'gainers', gainers, 'No product sold more than before.', width, top(gainers, losers))}
        ${this.list('Falling GMV', 'losers', losers, 'No product sold less than before.', width, top(gainers, losers))}
      </div>
      <p class="data-note" data-note="periods">
        Movers against ${f.dateRange(prior.from, prior.to)}.
        ${VOLUME[m] ? nothing : html`Ranked among the products sold in the period.`}
        ${VOLUME[m] ? html`Ranked by ${IN_TEXT[m]}: products with ${minVolume}+ ${VOLUME[m]}.` : nothing} Click a
        product to filter the dashboard to it.
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-products': MktProducts;
  }
}
