/** Machine-readable error codes carried by `mkt-error`. */
export type MktErrorCode =
  | 'fetch-failed'
  | 'manifest-invalid'
  | 'file-malformed'
  | 'table-missing'
  | 'column-missing'
  | 'column-type'
  | 'data-invalid'
  | 'duplicate-ids'
  | 'orphan-keys'
  | 'null-values'
  | 'date-out-of-range'
  | 'negative-revenue'
  | 'table-empty'
  | 'engine-failed'
  | 'query-failed'
  | 'render-failed'
  | 'filter-invalid'
  | 'attribute-invalid'
  | 'export-failed'
  /** Server mode (`<mkt-data server>`): */
  | 'unauthorized'
  | 'unreachable'
  | 'unknown-query'
  | 'invalid-arguments'
  | 'query-timeout'
  | 'result-too-large'
  | 'server-busy'
  /** A warning: the customer models run on the main thread (same results, slower); see the README. */
  | 'worker-unavailable';

export interface MktErrorDetail {
  readonly code: MktErrorCode;
  readonly message: string;
  /** Tag name of the element that reports it. */
  readonly source: string;
  readonly table?: string;
  readonly column?: string;
}

/** An error a widget shows, also sent up the tree so that the host page can log or react to it. */
export class MktErrorEvent extends Event {
  static readonly eventName = 'mkt-error';

  constructor(readonly detail: MktErrorDetail) {
    super(MktErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mkt-error': MktErrorEvent;
  }
}
