import type { FilterPatch } from '../data/filter-state.js';

/**
 * Asks the dashboard to change its filters. Widgets dispatch it; page scripts may dispatch it too, on the
 * `<mkt-data>` element or on any element of its dashboard, and listen to it anywhere up the tree.
 *
 * The detail is a patch: only the keys given change; `null` or `[]` clears a filter.
 *
 * ```js
 * dataEl.dispatchEvent(new MktFilterChangeEvent({ categories: ['Electronics'], dateFrom: '2025-06-01' }));
 * ```
 */
export class MktFilterChangeEvent extends Event {
  static readonly eventName = 'mkt-filter-change';
  readonly detail: FilterPatch;

  constructor(detail: FilterPatch, init: EventInit = {}) {
    super(MktFilterChangeEvent.eventName, { bubbles: true, composed: true, ...init });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-filter-change': MktFilterChangeEvent;
  }
}
