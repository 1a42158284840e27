import type { Projection } from '../models/what-if.js';

/** A what-if scenario: the levers and assumptions of `<mkt-what-if>`, in the units of its attributes. */
export interface WhatIfScenario {
  /** What the scenario changes: `all`, `category:<name>` or `tier:<name>`. */
  readonly scope: string;
  /** List-price change in percent (10 = 10% dearer). */
  readonly priceChange: number;
  /** Promotion discount in percent of price. */
  readonly discount: number;
  /** Assumed conversion rate in percent; null = the scope's own rate. */
  readonly conversion: number | null;
  /** Assumed late-shipment rate in percent; null = the scope's own rate. */
  readonly lateRate: number | null;
  /** Own-price elasticity of demand (negative). */
  readonly priceElasticity: number;
  /** Demand elasticity to a promotion discount (negative). */
  readonly promoElasticity: number;
  /** Percent of orders lost per percentage point of late-shipment rate. */
  readonly lateOrderLoss: number;
}

/**
 * The user changed a lever or an assumption of `<mkt-what-if>` (or pressed Reset). `detail` is the whole scenario
 * and its projection: baseline and projected GMV, orders and margin (null before the data is in). It does not
 * change the dashboard's filters.
 *
 * ```js
 * whatIf.addEventListener('mkt-scenario-change', (e) => console.log(e.detail.priceChange, e.detail.projection?.projected.gmv));
 * ```
 */
export class MktScenarioChangeEvent extends Event {
  static readonly eventName = 'mkt-scenario-change';
  readonly detail: WhatIfScenario & { readonly projection: Projection | null };

  constructor(detail: WhatIfScenario & { projection: Projection | null }, init: EventInit = {}) {
    super(MktScenarioChangeEvent.eventName, { bubbles: true, composed: true, ...init });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-scenario-change': MktScenarioChangeEvent;
  }
}
