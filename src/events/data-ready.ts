/**
 * Sent by `<mkt-data>` when its dataset has loaded and been validated. `tables` counts the rows of the tables loaded
 * at start; the optional tables only some views read (page events, payments, returns, campaigns, support tickets)
 * load when a view first reads them and are not counted (src/data/deferred-tables.ts).
 */
export class MktDataReadyEvent extends Event {
  static readonly eventName = 'mkt-data-ready';

  constructor(readonly detail: { readonly tables: Readonly<Record<string, number>>; readonly loadMs: number }) {
    super(MktDataReadyEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-data-ready': MktDataReadyEvent;
  }
}
