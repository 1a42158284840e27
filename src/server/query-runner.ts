import type { DuckDBConnection } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { ServerError } from './errors.js';
import { queryFailed } from './node-duckdb.js';
import { readResult, TooManyRows, type NodeDatabase } from './node-database.js';

export interface QueryLimits {
  /** A query running longer is interrupted: `query-timeout`. */
  readonly queryTimeoutMs: number;
  /** A result with more rows is not sent: `result-too-large`. */
  readonly maxRows: number;
  /** Queries running at once, each on its own connection. */
  readonly maxConcurrent: number;
  /** Queries waiting for a connection; past that, `server-busy`. */
  readonly maxQueued: number;
}

/** What the runner did with its queries since it started (`--bench-routes` sends them as `GET bench-stats`). */
export interface QueryCounts {
  /** Ran to the end and answered (a result, or a result over the row limit). */
  answered: number;
  /** Left the queue before they ran: their client went away. */
  dropped: number;
  /** Interrupted while running: their client went away. */
  interrupted: number;
  /** Interrupted past the time limit. */
  timedOut: number;
  /** Failed in DuckDB. */
  failed: number;
}

interface Waiter {
  readonly give: (connection: DuckDBConnection) => void;
  readonly refuse: (error: unknown) => void;
}

/**
 * Runs the server's queries: at most `maxConcurrent` at once, the rest waiting in a bounded queue in arrival order.
 * A query whose request is cancelled (its signal aborts: the client closed the request) leaves the queue at once,
 * or is interrupted when it already runs, so that no stale work holds up the next one; a query past its time is
 * interrupted too.
 */
export class QueryRunner {
  private readonly idle: DuckDBConnection[] = [];
  private readonly queue: Waiter[] = [];
  private running = 0;
  private readonly busy = new Set<DuckDBConnection>();
  private drained: (() => void) | null = null;
  /** What happened to the queries so far. */
  readonly counts: QueryCounts = { answered: 0, dropped: 0, interrupted: 0, timedOut: 0, failed: 0 };

  private constructor(
    private readonly limits: QueryLimits,
    private readonly log: (line: string) => void,
  ) {}

  static async open(db: NodeDatabase, limits: QueryLimits, log: (line: string) => void): Promise<QueryRunner> {
    const runner = new QueryRunner(limits, log);
    for (let i = 0; i < limits.maxConcurrent; i++) runner.idle.push(await db.connect());
    return runner;
  }

  /** Queries running now and waiting now (the tests read them: no stale work is left behind). */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /** Runs `sql` (built by the server, never sent by a client); rejects with an AbortError when `signal` aborts. */
  async run(sql: string, signal: AbortSignal): Promise<Table> {
    return this.withConnection(signal, (connection) => this.execute(connection, sql, signal));
  }

  /**
   * DuckDB's own time for `sql` in ms: the result made in DuckDB, not read into Arrow nor sent (the benchmark's
   * baseline, `--bench-routes` only). Waits its turn like any query.
   */
  async timeRaw(sql: string, signal: AbortSignal): Promise<number> {
    return this.withConnection(signal, async (connection) => {
      const started = performance.now();
      await connection.run(sql);
      return performance.now() - started;
    });
  }

  private async withConnection<T>(signal: AbortSignal, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire(signal);
    this.running++;
    this.busy.add(connection);
    try {
      return await work(connection);
    } finally {
      this.running--;
      this.busy.delete(connection);
      this.release(connection);
      if (this.running === 0) this.drained?.();
    }
  }

  /** Interrupts what runs and waits for it to end (before the database closes under it). */
  async stop(): Promise<void> {
    for (const waiter of this.queue.splice(0)) waiter.refuse(abortError());
    for (const connection of this.busy) connection.interrupt();
    if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private acquire(signal: AbortSignal): Promise<DuckDBConnection> {
    if (signal.aborted) return Promise.reject(abortError());
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.queue.length >= this.limits.maxQueued)
      return Promise.reject(
        new ServerError('server-busy', 'The server has too many queries waiting; try again shortly.'),
      );
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        give: (connection) => {
          signal.removeEventListener('abort', leave);
          resolve(connection);
        },
        refuse: (error) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      };
      const leave = () => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        this.counts.dropped++;
        reject(abortError());
      };
      signal.addEventListener('abort', leave, { once: true });
      this.queue.push(waiter);
    });
  }

  private release(connection: DuckDBConnection): void {
    const next = this.queue.shift();
    if (next) next.give(connection);
    else this.idle.push(connection);
  }

  private async execute(connection: DuckDBConnection, sql: string, signal: AbortSignal): Promise<Table> {
    let stopped: 'timeout' | 'cancelled' | null = null;
    const stop = (why: 'timeout' | 'cancelled') => {
      stopped ??= why;
      connection.interrupt();
    };
    const timer = setTimeout(() => stop('timeout'), this.limits.queryTimeoutMs);
    const cancel = () => stop('cancelled');
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const table = await readResult(await connection.stream(sql), this.limits.maxRows);
      this.counts.answered++;
      return table;
    } catch (error) {
      if (stopped === 'cancelled') {
        this.counts.interrupted++;
        throw abortError();
      }
      if (stopped === 'timeout') {
        this.counts.timedOut++;
        throw new ServerError(
          'query-timeout',
          `The query ran longer than ${this.limits.queryTimeoutMs} ms and was stopped.`,
        );
      }
      if (error instanceof TooManyRows) {
        this.counts.answered++;
        throw new ServerError(
          'result-too-large',
          `The result has more than ${error.maxRows} rows, the most this server sends.`,
        );
      }
      this.counts.failed++;
      this.log(`query failed: ${(error as Error)?.message ?? String(error)}\n  SQL: ${sql.replace(/\s+/g, ' ')}`);
      throw queryFailed();
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
    }
  }
}

function abortError(): DOMException {
  return new DOMException('The request was cancelled.', 'AbortError');
}
