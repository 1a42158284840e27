import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { DatasetError } from './dataset-error.js';
import type { NamedQuery } from '../queries/registry.js';

/**
 * `interactive` statements go first; `background` ones (the queries of model elements, whose fits take far longer
 * than any query) run when no interactive statement is waiting, so that light elements repaint first.
 */
export type QueryPriority = 'interactive' | 'background';

interface Pending {
  readonly sql: string;
  priority: QueryPriority;
  /** A background statement waits one task before it may be sent, so the interactive statements asked in the same update cycle go first. */
  held: boolean;
  readonly result: Promise<Table>;
  resolve(table: Table): void;
  reject(error: unknown): void;
  /** Callers still waiting; when all have aborted before the query starts, it is dropped. */
  waiting: number;
  started: boolean;
}

const CACHE_SIZE = 256;
/**
 * Statements sent to the DuckDB worker at a time. One: with two in flight, DuckDB-WASM interleaves them and both
 * finish late (a cohort page filter change at scale 10 took 480 ms instead of 180 ms), and a statement already
 * sent cannot be dropped when it is superseded.
 */
const IN_FLIGHT = 1;
const HISTORY_SIZE = 1000;
/**
 * The longest an interactive result waits for the rest of its burst (see `park`): past that, the results in hand
 * are handed out, so that one slow statement does not hold back every quick one.
 */
const PARK_MS = 100;

/**
 * The one query layer of a dashboard (Mosaic's coordinator idea, scoped to one `<mkt-data>`):
 * identical queries share one run and one cached result; queries run one at a time (see IN_FLIGHT), interactive
 * before background, in the order asked; the answers of a burst of interactive queries are handed out together
 * (see `park`); a query whose every caller has aborted (superseded by a newer filter state) is dropped before it
 * is sent instead of queuing stale work.
 */
export class QueryEngine {
  private readonly cache = new Map<string, Promise<Table>>();
  private readonly queue: Pending[] = [];
  private readonly deferred: { pattern: RegExp; load: () => Promise<void>; loading: Promise<void> | null }[] = [];
  private inFlight = 0;
  private closed = false;
  /** Number of SQL statements actually sent to DuckDB; tests and the benchmark read it. */
  executed = 0;
  /**
   * The most recent statements sent to DuckDB, in the order they answered, with their time in ms from sending to
   * answer and their place in the sending order (the benchmark reads them).
   */
  readonly history: { sql: string; ms: number; sent: number }[] = [];
  private backgroundView: QueryEngine | null = null;
  /** Answered interactive statements whose callers are told once the burst is over (see `park`). */
  private parked: (() => void)[] = [];
  private parkTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly db: AsyncDuckDB,
    private readonly connection: AsyncDuckDBConnection,
    private readonly parkMs = PARK_MS,
  ) {}

  static async open(db: AsyncDuckDB, options: { parkMs?: number } = {}): Promise<QueryEngine> {
    return new QueryEngine(db, await db.connect(), options.parkMs);
  }

  /**
   * Tables that are declared but not loaded yet: `load` runs once, when a query first names one of `names` (see
   * src/data/deferred-tables.ts), and the query waits for it. A failed load fails every query that names them.
   */
  defer(names: readonly string[], load: () => Promise<void>): void {
    // Names where a statement reads a table, so that a column or alias of the same name (`returns`) loads nothing.
    const pattern = new RegExp(`\\b(?:FROM|JOIN)\\s+"?(?:${names.join('|')})\\b`, 'i');
    this.deferred.push({ pattern, load, loading: null });
  }

  /** The loads the statement waits for (started here), or null when it names no deferred table. */
  private loadsFor(sql: string): Promise<void> | null {
    const named = this.deferred.filter((d) => d.pattern.test(sql));
    if (named.length === 0) return null;
    return Promise.all(
      named.map((d) => {
        d.loading ??= d.load().then(() => {
          this.deferred.splice(this.deferred.indexOf(d), 1);
        });
        return d.loading;
      }),
    ).then(() => undefined);
  }

  /**
   * Runs a read-only query, sharing and caching identical SQL. Rejects with an AbortError when `signal` aborts.
   * Elements pass a `NamedQuery` (`named(...)` of src/queries/registry.ts); SQL text is for the loader and tests.
   */
  query(q: NamedQuery | string, signal?: AbortSignal, priority: QueryPriority = 'interactive'): Promise<Table> {
    if (signal?.aborted) return Promise.reject(abortError());
    const sql = typeof q === 'string' ? q : q.sql;
    const loading = this.loadsFor(sql);
    if (loading) return untilLoaded(loading, signal).then(() => this.query(q, signal, priority));
    const cached = this.cache.get(sql);
    if (cached) {
      this.cache.delete(sql);
      this.cache.set(sql, cached);
      const pending = this.queue.find((p) => p.sql === sql);
      if (pending && priority === 'interactive') [pending.priority, pending.held] = [priority, false];
      return pending ? this.wait(pending, signal) : cached;
    }
    const pending = this.enqueue(sql, priority);
    this.cache.set(sql, pending.result);
    pending.result.catch(() => this.cache.delete(sql));
    this.trimCache();
    const result = this.wait(pending, signal);
    // Sent now when DuckDB is idle, not after the rest of this update cycle has rendered.
    void this.pump();
    return result;
  }

  /** This engine, with every `query` at `background` priority (for model elements; shares cache and queue). */
  get background(): QueryEngine {
    if (!this.backgroundView) {
      const query = (q: NamedQuery | string, signal?: AbortSignal) => this.query(q, signal, 'background');
      // A proxy without a set trap: every other read and every write reaches this engine itself.
      const view: QueryEngine = new Proxy(this, {
        get: (target, key) => (key === 'query' ? query : key === 'background' ? view : Reflect.get(target, key)),
      });
      this.backgroundView = view;
    }
    return this.backgroundView;
  }

  /** Runs a statement that changes the database (loading, derived tables); never cached, never dropped. */
  async exec(sql: string): Promise<Table> {
    this.cache.clear();
    const pending = this.enqueue(sql);
    pending.waiting = Number.POSITIVE_INFINITY;
    void this.pump();
    return pending.result;
  }

  async insertArrowIPC(name: string, bytes: Uint8Array): Promise<void> {
    this.cache.clear();
    await this.connection.insertArrowFromIPCStream(bytes, { name, create: true });
  }

  /** Runs SQL straight on the connection, bypassing queue and cache, and returns its time in ms: the benchmark's baseline. */
  async timeRaw(sql: string): Promise<number> {
    const started = performance.now();
    await this.connection.query(sql);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unpark();
    for (const p of this.queue.splice(0)) if (!p.started) p.reject(abortError());
    this.cache.clear();
    await this.connection.close().catch(() => undefined);
  }

  private enqueue(sql: string, priority: QueryPriority = 'interactive'): Pending {
    let resolve!: (t: Table) => void;
    let reject!: (e: unknown) => void;
    const result = new Promise<Table>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const held = priority === 'background';
    const pending: Pending = { sql, priority, held, result, resolve, reject, waiting: 0, started: false };
    this.queue.push(pending);
    if (held)
      setTimeout(() => {
        pending.held = false;
        void this.pump();
      }, 0);
    return pending;
  }

  private wait(pending: Pending, signal?: AbortSignal): Promise<Table> {
    pending.waiting++;
    if (!signal) return pending.result;
    return new Promise<Table>((resolve, reject) => {
      const onAbort = () => {
        pending.waiting--;
        if (!pending.started && pending.waiting <= 0) this.drop(pending);
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.result.then(
        (table) => {
          signal.removeEventListener('abort', onAbort);
          resolve(table);
        },
        (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private drop(pending: Pending): void {
    const index = this.queue.indexOf(pending);
    if (index >= 0) this.queue.splice(index, 1);
    this.cache.delete(pending.sql);
    pending.reject(abortError());
  }

  private async pump(): Promise<void> {
    if (this.inFlight >= IN_FLIGHT || this.closed) return;
    const ready = (p: Pending) => !p.started && !p.held && p.waiting > 0;
    const next = this.queue.find((p) => ready(p) && p.priority === 'interactive') ?? this.queue.find((p) => ready(p));
    if (!next) return;
    this.inFlight++;
    next.started = true;
    void this.pump();
    let answer: () => void;
    try {
      const sent = ++this.executed;
      const started = performance.now();
      const table = await this.connection.query(next.sql);
      this.history.push({ sql: next.sql, ms: performance.now() - started, sent });
      if (this.history.length > HISTORY_SIZE) this.history.splice(0, this.history.length - HISTORY_SIZE);
      answer = () => next.resolve(table);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      answer = () => next.reject(new DatasetError('query-failed', message));
    }
    this.queue.splice(this.queue.indexOf(next), 1);
    this.inFlight--;
    this.park(next, answer);
    void this.pump();
  }

  /**
   * Hands out an answer, or parks it while more interactive statements of the same burst are waiting to run: the
   * widgets of one filter change then repaint together, in one task and one frame, and never show a mix of old and
   * new numbers. One page layout and paint between two answers cost as much as the queries of a page.
   */
  private park(done: Pending, answer: () => void): void {
    this.parked.push(answer);
    const more = this.queue.some((p) => !p.started && !p.held && p.waiting > 0 && p.priority === 'interactive');
    if (done.priority !== 'interactive' || !more || this.closed) {
      this.unpark();
      return;
    }
    this.parkTimer ??= setTimeout(() => this.unpark(), this.parkMs);
  }

  private unpark(): void {
    clearTimeout(this.parkTimer);
    this.parkTimer = undefined;
    for (const answer of this.parked.splice(0)) answer();
  }

  private trimCache(): void {
    while (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}

/** `loading`, or an AbortError as soon as `signal` aborts (the load itself goes on: other queries may need it). */
function untilLoaded(loading: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return loading;
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    loading.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortError(): DOMException {
  return new DOMException('The query was superseded.', 'AbortError');
}
