import type { IncomingMessage, ServerResponse } from 'node:http';
import { tableToIPC } from 'apache-arrow';
import { isAbortError } from '../data/dataset-error.js';
import { ServerError } from './errors.js';
import { allowOrigin, authorized, readJsonBody } from './guards.js';
import type { ServedDataset } from './dataset.js';
import type { QueryRunner } from './query-runner.js';
import { namedQuerySql, runNamedQuery } from './run-named-query.js';

export const PROTOCOL = 1;

export interface RouteContext {
  readonly token: string | null;
  readonly origins: readonly string[];
  readonly maxRequestBytes: number;
  /** Answer `GET bench-stats` and `POST bench-time` too (`--bench-routes`; benchmarks and tests only). */
  readonly benchRoutes?: boolean;
  /** Null while the dataset loads: `dataset` and `query` answer `server-loading`. */
  readonly ready: () => { dataset: ServedDataset; runner: QueryRunner } | null;
  readonly log: (line: string) => void;
}

const ROUTES: Record<string, string> = { health: 'GET', dataset: 'GET', query: 'POST' };
/**
 * With `--bench-routes` only (never by default): `GET bench-stats`, the query runner's load and counts (queries
 * answered, dropped from the queue, interrupted); `POST bench-time`, a named query (`{ name, args }`, checked as
 * `query` does) timed in DuckDB alone, without HTTP and Arrow: `{ "ms": … }`.
 */
const BENCH_ROUTES: Record<string, string> = { 'bench-stats': 'GET', 'bench-time': 'POST' };

/**
 * The protocol's three routes (`GET health`, `GET dataset`, `POST query`) under any base path, with CORS, the
 * token and the limits. Every failure is a JSON `{ error: { code, message } }`; no stack trace, SQL or path.
 */
export async function handle(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  try {
    allowOrigin(req, res, context.origins);
    const route = new URL(req.url ?? '/', 'http://server').pathname.split('/').pop() ?? '';
    const routes = context.benchRoutes ? { ...ROUTES, ...BENCH_ROUTES } : ROUTES;
    if (!Object.hasOwn(routes, route)) throw new ServerError('not-found', 'There is nothing at this address.');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== routes[route]) {
      res.setHeader('Allow', `${routes[route]}, OPTIONS`);
      throw new ServerError('method-not-allowed', `${route} answers ${routes[route]} only.`);
    }
    // `ready`: whether the data is open; a client that lost the server waits for it before it counts it back.
    if (route === 'health') return json(res, 200, { ok: true, protocol: PROTOCOL, ready: context.ready() !== null });
    if (!authorized(req, context.token))
      throw new ServerError('unauthorized', 'This server needs its access token (Authorization: Bearer …).');
    const ready = context.ready();
    if (route === 'dataset') {
      if (!ready) throw loading();
      const { info, manifest, issues } = ready.dataset;
      return json(res, 200, { protocol: PROTOCOL, info: { ...info, tables: [...info.tables] }, manifest, issues });
    }
    if (route === 'bench-stats') {
      if (!ready) throw loading();
      return json(res, 200, { load: ready.runner.load, counts: ready.runner.counts });
    }
    const body = await readJsonBody(req, context.maxRequestBytes);
    if (!ready) throw loading();
    if (route === 'bench-time') {
      const ms = await ready.runner.timeRaw(namedQuerySql(body), new AbortController().signal);
      return json(res, 200, { ms });
    }
    // The client closed the request (its filters changed): the query leaves the queue, or is interrupted.
    const cancelled = new AbortController();
    res.once('close', () => cancelled.abort());
    const table = await runNamedQuery(body, ready.runner, cancelled.signal);
    if (cancelled.signal.aborted) return;
    const bytes = tableToIPC(table, 'stream');
    res.writeHead(200, { 'Content-Type': 'application/vnd.apache.arrow.stream', 'Content-Length': bytes.length });
    res.end(bytes);
  } catch (error) {
    if (isAbortError(error) || res.destroyed) return;
    const problem = error instanceof ServerError ? error : unexpected(error, context.log);
    if (problem.code === 'request-too-large') res.setHeader('Connection', 'close');
    json(res, problem.status, problem.toJSON());
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function loading(): ServerError {
  return new ServerError('server-loading', 'The server is still loading its data; try again in a moment.');
}

function unexpected(error: unknown, log: (line: string) => void): ServerError {
  log(`unexpected: ${(error as Error)?.stack ?? String(error)}`);
  return new ServerError('query-failed', 'The server failed to answer; its log says why.');
}
