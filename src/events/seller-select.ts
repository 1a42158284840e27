/**
 * A seller was opened (or closed, `sellerId: null`) in `<mkt-seller-health>`'s detail view. Page scripts can
 * listen to it to show more about the seller; it does not change the dashboard's filters.
 */
export class MktSellerSelectEvent extends Event {
  static readonly eventName = 'mkt-seller-select';
  readonly detail: { readonly sellerId: string | null; readonly name: string | null };

  constructor(detail: { sellerId: string | null; name: string | null }, init: EventInit = {}) {
    super(MktSellerSelectEvent.eventName, { bubbles: true, composed: true, ...init });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-seller-select': MktSellerSelectEvent;
  }
}
