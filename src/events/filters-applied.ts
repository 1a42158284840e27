import type { FilterState } from '../data/filter-state.js';

/** Sent by `<mkt-data>` after its filter state changed: the complete new state, for URL sync or a host page. */
export class MktFiltersAppliedEvent extends Event {
  static readonly eventName = 'mkt-filters-applied';

  constructor(readonly detail: FilterState) {
    super(MktFiltersAppliedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-filters-applied': MktFiltersAppliedEvent;
  }
}
