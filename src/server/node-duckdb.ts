import { ServerError } from './errors.js';

type NodeApi = typeof import('@duckdb/node-api');

/** What `marketkit serve` says when the optional peer dependency is not installed. */
export const INSTALL_HINT =
  'marketkit serve and prepare run on native DuckDB, an optional peer dependency: install it with\n' +
  '  npm install @duckdb/node-api';

export class MissingDuckDB extends Error {
  constructor() {
    super(INSTALL_HINT);
    this.name = 'MissingDuckDB';
  }
}

let api: Promise<NodeApi> | null = null;

/** @duckdb/node-api, imported on first use only: the CLI prints its usage without it. */
export function nodeApi(): Promise<NodeApi> {
  api ??= import('@duckdb/node-api').catch((error: unknown) => {
    api = null;
    const code = (error as { code?: string })?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingDuckDB();
    throw error;
  });
  return api;
}

/** A DuckDB failure as the client sees it: no SQL, no file paths, nothing of the statement. */
export function queryFailed(): ServerError {
  return new ServerError('query-failed', 'The query failed on the server; its log says why.');
}
