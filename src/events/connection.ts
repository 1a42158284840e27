/**
 * Sent by `<mkt-data server>` when its server can no longer be reached (`lost`: the dashboard says so and retries
 * with backoff) and when it answers again (`restored`: the queries waiting for it run). When retrying gives up, an
 * `mkt-error` with code `unreachable` follows instead of `restored`.
 */
export class MktConnectionEvent extends Event {
  static readonly eventName = 'mkt-connection';

  constructor(readonly detail: { readonly state: 'lost' | 'restored'; readonly server: string }) {
    super(MktConnectionEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-connection': MktConnectionEvent;
  }
}
