import { tableToIPC } from 'apache-arrow';
import { startDuckDB, type DuckDBHandle } from '../../src/data/duckdb.js';
import { QueryEngine } from '../../src/data/query-engine.js';
import { buildLoadedTables, loadInMemory, type InMemoryDataset } from '../../src/data/load-dataset.js';
import { validateSchema } from '../../src/data/validate-schema.js';
import { checkDataQuality } from '../../src/data/data-quality.js';
import { readDatasetInfo } from '../../src/data/dataset-info.js';
import { buildQuery, isQueryName, type QueryName } from '../../src/queries/registry.js';

export interface FakeRequest {
  readonly route: string;
  readonly method: string;
  readonly name?: string;
  readonly args?: unknown;
  readonly authorization: string | null;
  /** The client aborted the request before it was answered. */
  aborted: boolean;
}

/** An error the fake answers a query with: the protocol's status and code. */
export interface FakeFailure {
  readonly status: number;
  readonly code: string;
  readonly message?: string;
}

/**
 * The protocol's error answers to a query (status, the server's code) and the dashboard's error code each must
 * become (src/data/http-transport.ts).
 */
export const SERVER_ERRORS: readonly (readonly [number, string, string])[] = [
  [401, 'unauthorized', 'unauthorized'],
  [403, 'origin-not-allowed', 'unauthorized'],
  [404, 'unknown-query', 'unknown-query'],
  [400, 'invalid-arguments', 'invalid-arguments'],
  [400, 'invalid-request', 'invalid-arguments'],
  [413, 'request-too-large', 'invalid-arguments'],
  [504, 'query-timeout', 'query-timeout'],
  [422, 'result-too-large', 'result-too-large'],
  [503, 'server-busy', 'server-busy'],
  [500, 'query-failed', 'query-failed'],
];

/**
 * A marketkit server in the page, behind a stubbed `fetch`: it answers the protocol of issue 21 (health, dataset,
 * named queries as Arrow IPC) from its own DuckDB-WASM database, building the SQL with the registry as the real
 * server does. Requests to other URLs go to the real fetch, which is put back by `close()`.
 */
export class FakeServer {
  readonly base = 'https://marketkit.test/api/';
  readonly requests: FakeRequest[] = [];
  /** Bearer token required, as the server's `--token`. */
  token: string | null = null;
  /** Unreachable: every request fails as a network error does. */
  down = false;
  /** Restarted and still opening its data: `health` says `ready: false`, the other routes `server-loading`. */
  loading = false;
  /** Answer queries of these names with an error instead. */
  readonly failures = new Map<string, FakeFailure>();
  /** Queries of these names wait until `release()`. */
  readonly held = new Set<string>();
  /** URLs the page fetched from elsewhere (passed on to the real fetch). */
  readonly passedOn: string[] = [];
  private releases: (() => void)[] = [];
  private readonly realFetch = globalThis.fetch;

  private constructor(
    private readonly handle: DuckDBHandle,
    private readonly engine: QueryEngine,
    private readonly dataset: unknown,
  ) {
    globalThis.fetch = (input, init) => this.fetch(input, init);
  }

  static async start(source: InMemoryDataset): Promise<FakeServer> {
    const handle = await startDuckDB();
    const engine = await QueryEngine.open(handle.db);
    const loaded = await loadInMemory(engine, source);
    await validateSchema(engine, loaded.tables);
    const issues = await checkDataQuality(engine, loaded.tables, loaded.manifest);
    const derived = await buildLoadedTables(engine, loaded);
    const info = await readDatasetInfo(engine, new Set([...loaded.tables, ...derived]));
    const dataset = { protocol: 1, info: { ...info, tables: [...info.tables] }, manifest: loaded.manifest, issues };
    return new FakeServer(handle, engine, dataset);
  }

  /** The queries asked, by name, in order. */
  get queries(): string[] {
    return this.requests.filter((r) => r.route === 'query').map((r) => r.name!);
  }

  /** Back to serving every request: no token, up, no failures, nothing held. */
  reset(): void {
    this.release();
    this.token = null;
    this.down = false;
    this.loading = false;
    this.failures.clear();
  }

  release(): void {
    this.held.clear();
    for (const go of this.releases.splice(0)) go();
  }

  async close(): Promise<void> {
    globalThis.fetch = this.realFetch;
    this.release();
    await this.engine.close();
    await this.handle.close();
  }

  private async fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(this.base)) {
      this.passedOn.push(url);
      return this.realFetch(input, init);
    }
    const route = url.slice(this.base.length);
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as { name?: string; args?: unknown }) : {};
    const request: FakeRequest = {
      route,
      method: init.method ?? 'GET',
      name: body.name,
      args: body.args,
      authorization: headers.get('Authorization'),
      aborted: false,
    };
    this.requests.push(request);
    // A fetch the page aborts rejects at once, whatever the server is doing.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        request.aborted = true;
        reject(new DOMException('The user aborted a request.', 'AbortError'));
      };
      if (init.signal?.aborted) return onAbort();
      init.signal?.addEventListener('abort', onAbort, { once: true });
      this.answer(request).then(resolve, reject);
    });
  }

  private async answer(request: FakeRequest): Promise<Response> {
    await Promise.resolve();
    if (this.down) throw new TypeError('Failed to fetch');
    if (request.route === 'health') return json(200, { ok: true, protocol: 1, ready: !this.loading });
    if (this.loading) return error(503, 'server-loading', 'The server is still loading its data.');
    if (this.token && request.authorization !== `Bearer ${this.token}`)
      return error(401, 'unauthorized', 'A valid bearer token is required.');
    if (request.route === 'dataset') return json(200, this.dataset);
    if (request.route !== 'query' || request.method !== 'POST') return error(404, 'not-found', 'No such route.');
    if (!isQueryName(request.name)) return error(404, 'unknown-query', 'There is no query of that name.');
    if (this.held.has(request.name)) await new Promise<void>((go) => this.releases.push(go));
    const failure = this.failures.get(request.name);
    if (failure) return error(failure.status, failure.code, failure.message ?? `The query failed (${failure.code}).`);
    const sql = buildQuery(request.name as QueryName, request.args as never);
    const table = await this.engine.query(sql);
    return new Response(new Blob([tableToIPC(table, 'stream') as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: { 'Content-Type': 'application/vnd.apache.arrow.stream' },
    });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function error(status: number, code: string, message: string): Response {
  return json(status, { error: { code, message } });
}
