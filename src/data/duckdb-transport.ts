import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import type { NamedQuery } from '../queries/registry.js';
import { abortError } from './abortable.js';
import type { QueryTransport } from './query-transport.js';

/**
 * The dashboard's own DuckDB-WASM database. A `run` statement, once sent, runs to its end; a `runStoppable` one can
 * be stopped part-way.
 *
 * Two `run` statements may be in flight: the worker answers one message before it reads the next, so the second
 * waits in the worker and starts as soon as the first ends, while the main thread draws the first's answer (one in
 * flight left the worker idle meanwhile: 25–40 ms of a filter change on Sellers at scale 10). A stoppable statement is
 * a pending query, run in slices between polls, and any other statement would interleave with it: the engine sends it
 * alone. (Two in flight for every statement alike, before priorities existed, made a cohort change at scale 10 take
 * 480 ms instead of 180; the benchmark's Cohorts page shows no such cost now.)
 */
export class DuckDBTransport implements QueryTransport {
  readonly maxInFlight = 2;

  /**
   * The stoppable statements' own connection. On the main one, a table loaded between two polls (`insertArrowIPC`,
   * which does not wait for the queue) ended the pending query with an error.
   */
  private stoppable: Promise<AsyncDuckDBConnection> | null = null;

  constructor(
    readonly db: AsyncDuckDB,
    private readonly duckdb: AsyncDuckDBConnection,
  ) {}

  run(query: NamedQuery | string): Promise<Table> {
    return this.duckdb.query(typeof query === 'string' ? query : query.sql);
  }

  /**
   * Runs the statement as a pending query, which DuckDB-WASM works on for up to its polling interval (100 ms) between
   * polls, and cancels it at the next poll once `stop` aborts (rejecting with an AbortError). A shorter interval
   * (`db.open`'s `queryPollingInterval`) would stop sooner, but opening the database again cost about 100 ms of the
   * cold start. A poll costs a message to the worker and back, which a quick statement would feel: `run` is for those.
   */
  async runStoppable(query: NamedQuery | string, stop: AbortSignal): Promise<Table> {
    if (stop.aborted) throw abortError();
    const connection = await (this.stoppable ??= this.db.connect());
    const cancel = () => void connection.cancelSent().catch(() => undefined);
    stop.addEventListener('abort', cancel, { once: true });
    try {
      const reader = await connection.send(typeof query === 'string' ? query : query.sql);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      return new Table(reader.schema, batches);
    } catch (error) {
      throw stop.aborted ? abortError() : error;
    } finally {
      stop.removeEventListener('abort', cancel);
    }
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
    const stoppable = this.stoppable;
    this.stoppable = null;
    await Promise.all([
      this.duckdb.close().catch(() => undefined),
      stoppable?.then((c) => c.close()).catch(() => undefined),
    ]);
  }
}
