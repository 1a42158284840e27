import type { Table } from 'apache-arrow';
import type { NamedQuery } from '../queries/registry.js';

/** The dashboard's connection to a server (always `ok` for the in-browser database). */
export type ConnectionState = 'ok' | 'lost' | 'failed';

/**
 * How a `QueryEngine` runs its statements: in the browser's DuckDB-WASM (src/data/duckdb-transport.ts) or on a
 * server (src/data/http-transport.ts). The engine keeps the queue, cache and priorities; a transport only runs.
 */
export interface QueryTransport {
  /** Statements sent at once. */
  readonly maxInFlight: number;
  /** Runs one statement. `signal` aborts when every caller has abandoned it (a transport may ignore it). */
  run(query: NamedQuery | string, signal: AbortSignal): Promise<Table>;
  /**
   * Runs a statement that `stop` ends part-way (rejecting with an AbortError), for a transport that runs one statement
   * at a time: the engine sends idle and background statements this way, so that a click never waits for one to end,
   * and sends each alone, never beside another.
   */
  runStoppable?(query: NamedQuery | string, stop: AbortSignal): Promise<Table>;
  close(): Promise<void>;
  readonly connection?: ConnectionState;
  /** Called on every change of `connection`; returns an unsubscribe. */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
  /** After `failed`: tries to reach the server again (queries asked from now on wait for it). */
  reconnect?(): void;
}
