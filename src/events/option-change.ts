/**
 * The user changed one of an element's own view options with its controls: `<mkt-revenue-trend>`'s granularity or
 * prior-period overlay, `<mkt-category-performance>`'s and `<mkt-geo>`'s measure, `<mkt-tier-contribution>`'s
 * granularity. The element's property (and its reflected attribute) already holds the new value. It does not change
 * the dashboard's filters. Setting the property from a script sends nothing.
 *
 * ```js
 * document.addEventListener('mkt-option-change', (e) => saveView(e.target.id, e.detail.option, e.detail.value));
 * ```
 */
export class MktOptionChangeEvent extends Event {
  static readonly eventName = 'mkt-option-change';
  /** `option`: the attribute (and property) that changed, e.g. `granularity`; `value`: its new value. */
  readonly detail: { readonly option: string; readonly value: string | boolean };

  constructor(detail: { option: string; value: string | boolean }, init: EventInit = {}) {
    super(MktOptionChangeEvent.eventName, { bubbles: true, composed: true, ...init });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-option-change': MktOptionChangeEvent;
  }
}
