/** The error codes of the server protocol (issue 21), each with its HTTP status. */
const STATUS = {
  'invalid-request': 400,
  'invalid-arguments': 400,
  unauthorized: 401,
  'origin-not-allowed': 403,
  'unknown-query': 404,
  'not-found': 404,
  'method-not-allowed': 405,
  'request-too-large': 413,
  'result-too-large': 422,
  'query-failed': 500,
  'server-busy': 503,
  'server-loading': 503,
  'query-timeout': 504,
} as const;

export type ServerErrorCode = keyof typeof STATUS;

/**
 * An answer the server gives instead of a result. Its message is for people and goes to the client as it is: it
 * never holds SQL, a stack trace or a raw argument value.
 */
export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }

  get status(): number {
    return STATUS[this.code];
  }

  /** The response body: `{"error":{"code":"…","message":"…"}}`. */
  toJSON(): { error: { code: ServerErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
