import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import type { NamedQuery } from '../queries/registry.js';
import type { QueryTransport } from './query-transport.js';

/**
 * The dashboard's own DuckDB-WASM database. One statement at a time: with two in flight, DuckDB-WASM interleaves
 * them and both finish late (a cohort page filter change at scale 10 took 480 ms instead of 180 ms), and a
 * statement already sent cannot be dropped when it is superseded.
 */
export class DuckDBTransport implements QueryTransport {
  readonly maxInFlight = 1;

  constructor(
    readonly db: AsyncDuckDB,
    private readonly duckdb: AsyncDuckDBConnection,
  ) {}

  run(query: NamedQuery | string): Promise<Table> {
    return this.duckdb.query(typeof query === 'string' ? query : query.sql);
  }

  insertArrowIPC(name: string, bytes: Uint8Array): Promise<void> {
    return this.duckdb.insertArrowFromIPCStream(bytes, { name, create: true });
  }

  /** Runs SQL straight on the connection and returns its time in ms: the benchmark's baseline. */
  async timeRaw(sql: string): Promise<number> {
    const started = performance.now();
    await this.duckdb.query(sql);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    await this.duckdb.close().catch(() => undefined);
  }
}
