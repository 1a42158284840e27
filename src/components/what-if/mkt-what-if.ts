import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { numberIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { whatIfOrdersSql, whatIfSessionsSql } from '../../metrics/what-if.js';
import { orderUnit, type OrderUnit } from '../../metrics/orders.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS, NO_SESSIONS_IN_SCOPE } from '../base/data-notes.js';
import { DEFAULT_ASSUMPTIONS, project, type Projection, type SliceBaseline } from '../../models/what-if.js';
import { whatIfStyles } from './mkt-what-if.styles.js';
import { MktScenarioChangeEvent, type WhatIfScenario } from '../../events/scenario-change.js';
import { tierWord } from '../../format/tier.js';

/** How long typing pauses before the typed number applies, in ms. */
const TYPING_DELAY = 300;
/** The lever or assumption each number input sets (by the input's name). */
const LEVER_OF_INPUT: Partial<
  Record<
    string,
    'priceChange' | 'discount' | 'conversion' | 'lateRate' | 'priceElasticity' | 'promoElasticity' | 'lateOrderLoss'
  >
> = {
  price: 'priceChange',
  discount: 'discount',
  conversion: 'conversion',
  late: 'lateRate',
  'price-elasticity': 'priceElasticity',
  'promo-elasticity': 'promoElasticity',
  'late-loss': 'lateOrderLoss',
};

type Dim = 'all' | 'category' | 'tier';
export interface WhatIfSlice extends SliceBaseline {
  readonly dim: Dim;
}
export interface WhatIfResult {
  readonly slices: readonly WhatIfSlice[];
  /** The dataset has page events (sessions): without them the conversion lever is off and says why. */
  readonly withSessions: boolean;
  /** What "orders" count: orders, or order lines when the data has no order ids. */
  readonly orderUnit: OrderUnit;
}

type OrderRow = { dim: Dim; slice: string; gmv: number; cost: number; orders: number; shipped: number; late: number };
type SessionRow = { dim: Dim; slice: string; sessions: number; purchases: number };

/** Attribute, allowed range and default of each numeric option. */
const NUMERIC_OPTIONS = {
  priceChange: ['price-change', -90, 200, 0],
  discount: ['discount', 0, 90, 0],
  priceElasticity: ['price-elasticity', -20, 0, DEFAULT_ASSUMPTIONS.priceElasticity],
  promoElasticity: ['promo-elasticity', -20, 0, DEFAULT_ASSUMPTIONS.promoElasticity],
  lateOrderLoss: ['late-order-loss', 0, 100, DEFAULT_ASSUMPTIONS.lateOrderLoss * 100],
} as const;

/**
 * What-if: change price, a promotion discount, the conversion rate or the late-shipment rate of everything, one
 * category or one seller tier, and see projected GMV, orders and margin (GMV − product cost) against the baseline
 * of the filtered window. The assumptions (price elasticity, promotion elasticity, orders lost per point of late
 * rate) are shown and editable; the projection is `src/models/what-if.ts`, plain multiplications documented there.
 *
 * @summary Scenario planner: price, promotion, conversion and late rate vs GMV, orders and margin.
 * @fires mkt-scenario-change - The user changed a lever or an assumption, or pressed Reset (`detail`: the scenario
 *   and its projection).
 * @csspart card - The widget's frame.
 * @csspart levers - The scenario inputs.
 * @csspart assumptions - The assumption inputs.
 * @csspart table - Baseline vs scenario.
 * @cssprop --mkt-positive - Colour of a gain.
 * @cssprop --mkt-negative - Colour of a loss.
 */
@customElement('mkt-what-if')
export class MktWhatIf extends MktWidget<WhatIfResult> {
  static override styles = [...MktWidget.styles, whatIfStyles];

  /** What the scenario changes: `all`, `category:<name>` or `tier:<name>`. */
  @property() scope = 'all';
  /** List-price change in percent (10 = 10% dearer). */
  @property({ type: Number, attribute: 'price-change' }) priceChange = 0;
  /** Promotion discount in percent of price (0–90). */
  @property({ type: Number }) discount = 0;
  /** Own-price elasticity of demand (negative). */
  @property({ type: Number, attribute: 'price-elasticity' }) priceElasticity: number =
    DEFAULT_ASSUMPTIONS.priceElasticity;
  /** Demand elasticity to a promotion discount (negative). */
  @property({ type: Number, attribute: 'promo-elasticity' }) promoElasticity: number =
    DEFAULT_ASSUMPTIONS.promoElasticity;
  /** Percent of orders lost per percentage point of late-shipment rate. */
  @property({ type: Number, attribute: 'late-order-loss' }) lateOrderLoss: number =
    DEFAULT_ASSUMPTIONS.lateOrderLoss * 100;

  /** Assumed conversion and late rates in percent; null = the scope's baseline. */
  @state() private conversion: number | null = null;
  @state() private lateRate: number | null = null;

  protected override requires = ['mkt_orders'];
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<WhatIfResult> {
    const hasSessions = dashboard.info!.tables.has('mkt_sessions');
    const [orders, sessions] = await Promise.all([
      engine.query(whatIfOrdersSql(filters), signal).then((t) => rows<OrderRow>(t)),
      hasSessions
        ? engine.query(whatIfSessionsSql(filters), signal).then((t) => rows<SessionRow>(t))
        : Promise.resolve([] as SessionRow[]),
    ]);
    const conv = new Map(
      sessions.map((s) => [`${s.dim}:${s.slice}`, s.sessions > 0 ? s.purchases / s.sessions : null]),
    );
    return {
      withSessions: hasSessions,
      orderUnit: orderUnit(dashboard.info),
      slices: orders.map((o) => ({
        dim: o.dim,
        key: o.slice,
        gmv: o.gmv,
        cost: o.cost,
        orders: o.orders,
        lateRate: o.shipped > 0 ? o.late / o.shipped : null,
        conversion: conv.get(`${o.dim}:${o.slice}`) ?? null,
      })),
    };
  }

  protected override isEmpty(result: WhatIfResult): boolean {
    return !result.slices.some((s) => s.dim === 'all' && s.orders > 0);
  }

  /** The baseline slice the scope names (everything when it names nothing that exists). */
  private target(result: WhatIfResult): WhatIfSlice {
    const scope = this.validAttribute(
      'scope',
      this.scope,
      (s) => typeof s === 'string' && /^(all|(category|tier):.+)$/s.test(s),
      'all',
      'all, category:<name> or tier:<name>',
    );
    const [dim, ...rest] = scope.split(':');
    const name = rest.join(':');
    return result.slices.find((s) => s.dim === dim && s.key === name) ?? result.slices.find((s) => s.dim === 'all')!;
  }

  /** The current projection (null before the data is in). */
  get projection(): Projection | null {
    const result = this.task.value;
    return result && !this.isEmpty(result) ? this.compute(result) : null;
  }

  private compute(result: WhatIfResult): Projection {
    const target = this.target(result);
    const all = result.slices.find((s) => s.dim === 'all')!;
    const rest: SliceBaseline = {
      key: '\u0000rest',
      gmv: all.gmv - target.gmv,
      cost: all.cost - target.cost,
      orders: all.orders - target.orders,
      conversion: null,
      lateRate: null,
    };
    const slices = target.dim === 'all' ? [target] : [target, rest];
    const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v / 100);
    return project(
      slices,
      target.key,
      {
        priceChange: this.option('priceChange') / 100,
        discount: this.option('discount') / 100,
        conversion: pct(this.conversion),
        lateRate: pct(this.lateRate),
      },
      {
        priceElasticity: this.option('priceElasticity'),
        promoElasticity: this.option('promoElasticity'),
        lateOrderLoss: this.option('lateOrderLoss') / 100,
      },
    );
  }

  /** A numeric lever or assumption, checked against its range (a bad one counts as its default). */
  private option(name: keyof typeof NUMERIC_OPTIONS): number {
    const [attribute, min, max, fallback] = NUMERIC_OPTIONS[name];
    return this.validAttribute(attribute, this[name], numberIn(min, max), fallback, `a number from ${min} to ${max}`);
  }

  /** Sends the scenario once this update has applied it (a new scope resets the assumed rates in willUpdate). */
  private announce(): void {
    void this.updateComplete.then(() => this.dispatchEvent(new MktScenarioChangeEvent(this.scenario())));
  }

  /** The levers and assumptions in force (the checked values) and their projection. */
  private scenario(): WhatIfScenario & { projection: Projection | null } {
    const result = this.task.value;
    const target = result && !this.isEmpty(result) ? this.target(result) : null;
    return {
      scope: !target ? this.scope : target.dim === 'all' ? 'all' : `${target.dim}:${target.key}`,
      priceChange: this.option('priceChange'),
      discount: this.option('discount'),
      conversion: this.conversion,
      lateRate: this.lateRate,
      priceElasticity: this.option('priceElasticity'),
      promoElasticity: this.option('promoElasticity'),
      lateOrderLoss: this.option('lateOrderLoss'),
      projection: this.projection,
    };
  }

  private set(
    name:
      | 'scope'
      | 'priceChange'
      | 'discount'
      | 'priceElasticity'
      | 'promoElasticity'
      | 'lateOrderLoss'
      | 'conversion'
      | 'lateRate',
    e: Event | { target: HTMLInputElement },
  ) {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    if (name === 'scope') this.scope = input.value;
    else {
      const v = input.value === '' ? null : Number(input.value);
      const next = name === 'conversion' || name === 'lateRate' ? v : (v ?? 0);
      // Typing applied it already (see onTyping): the change on blur changes nothing.
      if (this[name] === next) return;
      if (name === 'conversion' || name === 'lateRate') this[name] = v;
      else this[name] = v ?? 0;
    }
    this.announce();
  }

  private typing: ReturnType<typeof setTimeout> | undefined;
  /**
   * A number applies as it is typed, once the typing pauses, as a change (blur, Enter) would apply it; a partial
   * or out-of-range one ("-", "1e", 300 %) waits for the change, so nothing the user is typing is overwritten.
   */
  private readonly onTyping = (e: Event) => {
    const input = e.target as HTMLInputElement;
    clearTimeout(this.typing);
    if (input.type !== 'number' || input.value === '' || !input.checkValidity()) return;
    const lever = LEVER_OF_INPUT[input.name];
    if (lever) this.typing = setTimeout(() => this.set(lever, { target: input }), TYPING_DELAY);
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Assumed rates are absolute rates of one scope: another scope starts from its own baseline.
    if (changed.has('scope') && changed.get('scope') !== undefined) {
      this.conversion = null;
      this.lateRate = null;
    }
  }

  private reset() {
    this.priceChange = 0;
    this.discount = 0;
    this.conversion = null;
    this.lateRate = null;
    this.priceElasticity = DEFAULT_ASSUMPTIONS.priceElasticity;
    this.promoElasticity = DEFAULT_ASSUMPTIONS.promoElasticity;
    this.lateOrderLoss = DEFAULT_ASSUMPTIONS.lateOrderLoss * 100;
    this.announce();
  }

  /** The baseline and the scenario of the current levers. */
  protected override exportTable(result: WhatIfResult): ExportTable {
    const p = this.compute(result);
    const target = this.target(result);
    const scope = target.dim === 'all' ? 'Everything' : `${target.dim}: ${target.key}`;
    const row = (label: string, base: number, next: number) => [
      label,
      scope,
      base,
      next,
      base !== 0 ? (next - base) / Math.abs(base) : null,
    ];
    return {
      columns: ['Measure', 'Applied to', 'Baseline', 'Scenario', 'Change'],
      rows: [
        row('GMV', p.baseline.gmv, p.projected.gmv),
        row('Orders', p.baseline.orders, p.projected.orders),
        row('Margin', p.baseline.margin, p.projected.margin),
      ],
    };
  }

  protected override renderResult(result: WhatIfResult) {
    const f = this.format;
    const target = this.target(result);
    const p = this.compute(result);
    const scopeValue = target.dim === 'all' ? 'all' : `${target.dim}:${target.key}`;
    const group = (dim: Dim, label: string) => {
      const items = result.slices.filter((s) => s.dim === dim);
      return items.length
        ? html`<optgroup label=${label}>
            ${items.map((s) => html`<option value="${dim}:${s.key}" ?selected=${scopeValue === `${dim}:${s.key}`}>${dim === 'tier' ? tierWord(s.key) : s.key}</option>`)}
          </optgroup>`
        : nothing;
    };
    const pctValue = (v: number | null, base: number | null) =>
      v !== null ? String(v) : base === null ? '' : (Math.round(base * 1000) / 10).toString();
    return html`
      <form class="levers" part="levers" @submit=${(e: Event) => e.preventDefault()} @input=${this.onTyping}>
        <label class="field wide">
          <span>Apply to</span>
          <select name="scope" @change=${(e: Event) => this.set('scope', e)}>
            <option value="all" ?selected=${scopeValue === 'all'}>Everything</option>
            ${group('category', 'Category')} ${group('tier', 'Seller tier')}
          </select>
        </label>
        <label class="field"
          ><span>Price change (%)</span>
          <input
            name="price"
            type="number"
            step="1"
            min="-90"
            max="200"
            .value=${String(this.option('priceChange'))}
            @change=${(e: Event) => this.set('priceChange', e)}
        /></label>
        <label class="field"
          ><span>Promotion discount (%)</span>
          <input
            name="discount"
            type="number"
            step="1"
            min="0"
            max="90"
            .value=${String(this.option('discount'))}
            @change=${(e: Event) => this.set('discount', e)}
        /></label>
        <label class="field"
          ><span>Conversion rate (%)</span>
          <input
            name="conversion"
            type="number"
            step="0.1"
            min="0"
            max="100"
            ?disabled=${target.conversion === null}
            .value=${pctValue(this.conversion, target.conversion)}
            @change=${(e: Event) => this.set('conversion', e)}
          />
          <small class=${target.conversion === null ? 'data-note' : nothing}
            >${
              target.conversion === null
                ? result.withSessions
                  ? NO_SESSIONS_IN_SCOPE
                  : NEEDS_PAGE_EVENTS
                : `now ${f.percent(target.conversion, 1)}`
            }</small
          ></label
        >
        <label class="field"
          ><span>Late-shipment rate (%, per ${result.orderUnit === 'line' ? 'order line' : 'order'})</span>
          <input
            name="late"
            type="number"
            step="0.1"
            min="0"
            max="100"
            ?disabled=${target.lateRate === null}
            .value=${pctValue(this.lateRate, target.lateRate)}
            @change=${(e: Event) => this.set('lateRate', e)}
          />
          <small>now ${f.percent(target.lateRate, 1)}</small></label
        >
      </form>
      ${this.renderTable(p, result.orderUnit)}
      ${result.orderUnit === 'line' ? html`<p class="data-note" data-note="orders">${LINES_AS_ORDERS}.</p>` : nothing}
      <p class="factors">
        ${target.dim === 'all' ? 'Everything' : target.dim === 'tier' ? `The ${tierWord(target.key)} tier` : target.key}:
        price × ${p.priceFactor.toFixed(3)}, demand × ${p.demandFactor.toFixed(3)}; the rest unchanged.
      </p>
      <details class="assumptions" part="assumptions">
        <summary>Assumptions</summary>
        <div class="fields" @input=${this.onTyping}>
          <label class="field"
            ><span>Price elasticity</span>
            <input
              name="price-elasticity"
              type="number"
              step="0.1"
              min="-20"
              max="0"
              .value=${String(this.option('priceElasticity'))}
              @change=${(e: Event) => this.set('priceElasticity', e)}
          /></label>
          <label class="field"
            ><span>Promotion elasticity</span>
            <input
              name="promo-elasticity"
              type="number"
              step="0.1"
              min="-20"
              max="0"
              .value=${String(this.option('promoElasticity'))}
              @change=${(e: Event) => this.set('promoElasticity', e)}
          /></label>
          <label class="field"
            ><span>Orders lost per point of late rate (%)</span>
            <input
              name="late-loss"
              type="number"
              step="0.1"
              min="0"
              max="100"
              .value=${String(this.option('lateOrderLoss'))}
              @change=${(e: Event) => this.set('lateOrderLoss', e)}
          /></label>
        </div>
        <p class="explain">
          Demand × (1 + price change)^price elasticity × (1 − discount)^promotion elasticity × new / current conversion
          × (1 − loss × change in late rate, in points). GMV = baseline × price factor × demand; cost = baseline cost ×
          demand (unit cost unchanged); margin = GMV − cost. Competitors, cannibalisation between categories and timing
          are not modelled.
        </p>
      </details>
      <button type="button" class="reset" @click=${() => this.reset()}>Reset</button>
    `;
  }

  private renderTable(p: Projection, unit: OrderUnit) {
    const f = this.format;
    const rowsOf = [
      { key: 'gmv', label: 'GMV', base: p.baseline.gmv, next: p.projected.gmv, fmt: (v: number) => f.money(v) },
      {
        key: 'orders',
        label: unit === 'line' ? 'Orders (lines)' : 'Orders',
        base: p.baseline.orders,
        next: p.projected.orders,
        fmt: (v: number) => f.count(Math.round(v)),
      },
      {
        key: 'margin',
        label: 'Margin (GMV − cost)',
        base: p.baseline.margin,
        next: p.projected.margin,
        fmt: (v: number) => f.money(v),
      },
    ];
    return html`<table class="result" part="table">
      <caption class="visually-hidden">
        Baseline and scenario
      </caption>
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">Measure</span></th>
          <th scope="col" class="num">Baseline</th>
          <th scope="col" class="num">Scenario</th>
          <th scope="col" class="num">Change</th>
        </tr>
      </thead>
      <tbody>
        ${rowsOf.map((r) => {
          const change = r.base !== 0 ? (r.next - r.base) / Math.abs(r.base) : null;
          const dir = change === null || Math.abs(change) < 0.0005 ? 'flat' : change > 0 ? 'up' : 'down';
          return html`<tr data-row=${r.key}>
            <th scope="row">${r.label}</th>
            <td class="num base">${r.fmt(r.base)}</td>
            <td class="num next">${r.fmt(r.next)}</td>
            <td class="num change ${dir}">${f.change(change)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-what-if': MktWhatIf;
  }
}
