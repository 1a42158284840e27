import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { numberIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import {
  whatIfSliceCount,
  whatIfSlices,
  type WhatIfOrderRow,
  type WhatIfSessionRow,
  type WhatIfSlice,
  type WhatIfSliceDim,
} from '../../metrics/what-if.js';
import { orderUnit, type OrderUnit } from '../../metrics/orders.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS, NO_SESSIONS_IN_SCOPE } from '../base/data-notes.js';
import { DEFAULT_ASSUMPTIONS, projectPart, type Projection } from '../../models/what-if.js';
import { ASSUMPTIONS_EXPLAINED, numberField, scenarioExport, scenarioTable } from './what-if-parts.js';
import { whatIfStyles } from './mkt-what-if.styles.js';
import { MktScenarioChangeEvent, type WhatIfScenario } from '../../events/scenario-change.js';
import { tierWord } from '../../format/tier.js';
import { named } from '../../queries/registry.js';

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

export type { WhatIfSlice } from '../../metrics/what-if.js';
export interface WhatIfResult {
  readonly slices: readonly WhatIfSlice[];
  /** The dataset has page events (sessions): without them the conversion lever is off and says why. */
  readonly withSessions: boolean;
  /** What "orders" count: orders, or order lines when the data has no order ids. */
  readonly orderUnit: OrderUnit;
}

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
      engine
        .query(named('whatIfOrders', filters, { slices: whatIfSliceCount(dashboard.info!) }), signal)
        .then((t) => rows<WhatIfOrderRow>(t)),
      hasSessions
        ? engine.query(named('whatIfSessions', filters), signal).then((t) => rows<WhatIfSessionRow>(t))
        : Promise.resolve([] as WhatIfSessionRow[]),
    ]);
    return { withSessions: hasSessions, orderUnit: orderUnit(dashboard.info), slices: whatIfSlices(orders, sessions) };
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
    const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v / 100);
    const levers = {
      priceChange: this.option('priceChange') / 100,
      discount: this.option('discount') / 100,
      conversion: pct(this.conversion),
      lateRate: pct(this.lateRate),
    };
    const assumptions = {
      priceElasticity: this.option('priceElasticity'),
      promoElasticity: this.option('promoElasticity'),
      lateOrderLoss: this.option('lateOrderLoss') / 100,
    };
    const all = result.slices.find((s) => s.dim === 'all')!;
    const target = this.target(result);
    return projectPart(all, target.dim === 'all' ? null : target, levers, assumptions);
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
    name: 'scope' | 'conversion' | 'lateRate' | keyof typeof NUMERIC_OPTIONS,
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
    const target = this.target(result);
    return scenarioExport(this.compute(result), target.dim === 'all' ? 'Everything' : `${target.dim}: ${target.key}`);
  }

  /** A number input of a lever or an assumption, with the range of its attribute. */
  private field(key: keyof typeof NUMERIC_OPTIONS, name: string, label: string, step: number) {
    const [, min, max] = NUMERIC_OPTIONS[key];
    return numberField({
      name,
      label,
      step,
      min,
      max,
      value: String(this.option(key)),
      change: (e) => this.set(key, e),
    });
  }

  protected override renderResult(result: WhatIfResult) {
    const f = this.format;
    const target = this.target(result);
    const p = this.compute(result);
    const scopeValue = target.dim === 'all' ? 'all' : `${target.dim}:${target.key}`;
    const group = (dim: WhatIfSliceDim, label: string) => {
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
        ${this.field('priceChange', 'price', 'Price change (%)', 1)}
        ${this.field('discount', 'discount', 'Promotion discount (%)', 1)}
        ${numberField({
          name: 'conversion',
          label: 'Conversion rate (%)',
          step: 0.1,
          min: 0,
          max: 100,
          disabled: target.conversion === null,
          value: pctValue(this.conversion, target.conversion),
          change: (e) => this.set('conversion', e),
          note:
            target.conversion === null
              ? html`<small class="data-note">${result.withSessions ? NO_SESSIONS_IN_SCOPE : NEEDS_PAGE_EVENTS}</small>`
              : html`<small>now ${f.percent(target.conversion, 1)}</small>`,
        })}
        ${numberField({
          name: 'late',
          label: `Late-shipment rate (%, per ${result.orderUnit === 'line' ? 'order line' : 'order'})`,
          step: 0.1,
          min: 0,
          max: 100,
          disabled: target.lateRate === null,
          value: pctValue(this.lateRate, target.lateRate),
          change: (e) => this.set('lateRate', e),
          note: html`<small>now ${f.percent(target.lateRate, 1)}</small>`,
        })}
      </form>
      ${scenarioTable(p, result.orderUnit, f)}
      ${result.orderUnit === 'line' ? html`<p class="data-note" data-note="orders">${LINES_AS_ORDERS}.</p>` : nothing}
      <p class="factors">
        ${target.dim === 'all' ? 'Everything' : target.dim === 'tier' ? `The ${tierWord(target.key)} tier` : target.key}:
        price × ${p.priceFactor.toFixed(3)}, demand × ${p.demandFactor.toFixed(3)}; the rest unchanged.
      </p>
      <details class="assumptions" part="assumptions">
        <summary>Assumptions</summary>
        <div class="fields" @input=${this.onTyping}>
          ${this.field('priceElasticity', 'price-elasticity', 'Price elasticity', 0.1)}
          ${this.field('promoElasticity', 'promo-elasticity', 'Promotion elasticity', 0.1)}
          ${this.field('lateOrderLoss', 'late-loss', 'Orders lost per point of late rate (%)', 0.1)}
        </div>
        ${ASSUMPTIONS_EXPLAINED}
      </details>
      <button type="button" class="reset" @click=${() => this.reset()}>Reset</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-what-if': MktWhatIf;
  }
}
