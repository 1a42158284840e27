/** Sent by `<mkt-data>` when its dataset has loaded and been validated. */
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
