import { tableFromIPC, type Table } from 'apache-arrow';
import type { NamedQuery } from '../queries/registry.js';
import type { MktErrorCode } from '../events/error.js';
import { DatasetError, isAbortError } from './dataset-error.js';
import { abortError, orAbort } from './abortable.js';
import type { ConnectionState, QueryTransport } from './query-transport.js';

export interface ServerOptions {
  /** The server's base URL (a missing trailing `/` is added; relative to the page). */
  readonly base: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Queries sent at once (the server runs 4 at a time by default). */
  readonly maxInFlight?: number;
  /** How long a lost connection is retried before the queries fail, in ms. */
  readonly retryMs?: number;
  /** The fetch to use (tests inject a fake server); `globalThis.fetch` at the time of each request otherwise. */
  readonly fetch?: typeof fetch;
}

const IN_FLIGHT = 4;
const RETRY_MS = 60_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/** The server's base URL, resolved against the page and ending in `/` (the protocol's routes are relative to it). */
export function serverBase(url: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, document.baseURI);
  } catch {
    throw new DatasetError('attribute-invalid', `<mkt-data> server=${JSON.stringify(url)} is not a URL.`);
  }
  if (!/^https?:$/.test(resolved.protocol))
    throw new DatasetError(
      'attribute-invalid',
      `<mkt-data> server must be an http: or https: URL, not ${resolved.protocol}`,
    );
  if (!resolved.pathname.endsWith('/')) resolved.pathname += '/';
  return resolved.href;
}

/** Error codes of the server protocol, as the dashboard's error codes. */
const SERVER_CODES: Record<string, MktErrorCode> = {
  'invalid-request': 'invalid-arguments',
  'invalid-arguments': 'invalid-arguments',
  'request-too-large': 'invalid-arguments',
  unauthorized: 'unauthorized',
  'origin-not-allowed': 'unauthorized',
  'unknown-query': 'unknown-query',
  'result-too-large': 'result-too-large',
  'server-busy': 'server-busy',
  'query-timeout': 'query-timeout',
  'query-failed': 'query-failed',
};
const STATUS_CODES: Record<number, MktErrorCode> = {
  400: 'invalid-arguments',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'unknown-query',
  413: 'invalid-arguments',
  422: 'result-too-large',
  503: 'server-busy',
  504: 'query-timeout',
};

/**
 * A dashboard's queries run by a marketkit server (the protocol of issue 21): each is sent as its name and JSON
 * arguments, never as SQL, and answered as one Arrow IPC stream. Several are in flight at once; an abandoned one is
 * cancelled by aborting its request. When the server cannot be reached (a restart), the queries wait while its
 * `health` is polled with backoff for up to `retryMs`, then go on by themselves, or fail as `unreachable`.
 */
export class HttpTransport implements QueryTransport {
  readonly maxInFlight: number;
  connection: ConnectionState = 'ok';
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private recovery: Promise<void> | null = null;
  private closed = false;

  /** The server's base URL, ending in `/`. */
  readonly base: string;

  constructor(private readonly options: ServerOptions) {
    this.maxInFlight = options.maxInFlight ?? IN_FLIGHT;
    this.base = serverBase(options.base);
  }

  async run(query: NamedQuery | string, signal: AbortSignal): Promise<Table> {
    if (typeof query === 'string')
      throw new DatasetError(
        'query-failed',
        'A marketkit server runs only named queries (named() of src/queries/registry.ts), never SQL text.',
      );
    const body = JSON.stringify({ name: query.name, args: query.args });
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body };
    const response = await this.send('query', init, signal);
    return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  }

  /** GETs a JSON route (`dataset`), waiting like a query while the server cannot be reached. */
  async getJson<T>(route: string, signal: AbortSignal): Promise<T> {
    const response = await this.send(route, { method: 'GET' }, signal);
    try {
      return (await response.json()) as T;
    } catch {
      throw new DatasetError('query-failed', `The server at ${this.base} answered ${route} with something not JSON.`);
    }
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reconnect(): void {
    if (this.connection === 'failed') this.lose();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  /** A successful response to `route`; waits out a lost connection, and throws the server's error as a DatasetError. */
  private async send(route: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    for (;;) {
      await this.reachable(signal);
      let response: Response;
      try {
        response = await this.fetch(route, { ...init, signal });
      } catch (error) {
        if (signal.aborted || isAbortError(error)) throw abortError();
        this.lose();
        continue;
      }
      if (response.ok) return response;
      const problem = await responseError(response, this.base);
      if (problem === 'server-loading') {
        this.lose();
        continue;
      }
      throw problem;
    }
  }

  private fetch(route: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.options.token) headers.set('Authorization', `Bearer ${this.options.token}`);
    const fetchFn = this.options.fetch ?? globalThis.fetch;
    return fetchFn(new URL(route, this.base).href, { ...init, headers, credentials: 'omit' });
  }

  /** Resolves while the connection is `ok` or once it recovers; throws `unreachable` once retrying gave up. */
  private async reachable(signal: AbortSignal): Promise<void> {
    while (this.connection !== 'ok') {
      if (this.connection === 'failed' || this.closed) throw unreachable(this.base, this.options.retryMs ?? RETRY_MS);
      await orAbort(this.recovery!, signal);
    }
  }

  private lose(): void {
    if (this.connection === 'lost' || this.closed) return;
    this.setConnection('lost');
    this.recovery = this.probe();
  }

  /** Polls `health` with backoff until the server answers (`ok`) or `retryMs` has passed (`failed`). */
  private async probe(): Promise<void> {
    const deadline = Date.now() + (this.options.retryMs ?? RETRY_MS);
    let delay = FIRST_DELAY_MS;
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(delay, deadline - Date.now()))));
      if (await this.healthy()) return this.setConnection('ok');
      if (Date.now() >= deadline) return this.setConnection('failed');
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  private async healthy(): Promise<boolean> {
    try {
      const response = await this.fetch('health', { method: 'GET' });
      // A server that restarted answers `health` while it still opens its data (`ready: false`): not back yet.
      const body = (await response.json()) as { ok?: unknown; ready?: unknown };
      return response.ok && body.ok === true && body.ready !== false;
    } catch {
      return false;
    }
  }

  private setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch (error) {
        // A listener's failure must not stop the recovery that every waiting query depends on.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** The server's error as a DatasetError, or `server-loading` (the server restarted and is loading its data). */
async function responseError(response: Response, base: string): Promise<DatasetError | 'server-loading'> {
  let code: unknown;
  let message: unknown;
  try {
    ({ code, message } = ((await response.json()) as { error?: { code?: unknown; message?: unknown } }).error ?? {});
  } catch {
    // Not the protocol's JSON (a proxy's page): the status says what happened.
  }
  if (code === 'server-loading') return 'server-loading';
  const mapped =
    (typeof code === 'string' && Object.hasOwn(SERVER_CODES, code) ? SERVER_CODES[code] : undefined) ??
    STATUS_CODES[response.status] ??
    'query-failed';
  const text =
    typeof message === 'string' && message
      ? message
      : `The server at ${base} answered ${response.status} ${response.statusText}`.trim() + '.';
  return new DatasetError(mapped, text);
}

function unreachable(base: string, retryMs: number): DatasetError {
  return new DatasetError(
    'unreachable',
    `Could not reach the server at ${base} for ${Math.round(retryMs / 1000)} s (it may be down, or not allow this page's origin).`,
  );
}
