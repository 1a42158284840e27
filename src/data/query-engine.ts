import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { DatasetError, isAbortError } from './dataset-error.js';
import { abortError, orAbort } from './abortable.js';
import type { NamedQuery } from '../queries/registry.js';
import { DuckDBTransport } from './duckdb-transport.js';
import type { ConnectionState, QueryTransport } from './query-transport.js';

/**
 * `interactive` statements go first; `background` ones (the queries of model elements, whose fits take far longer
 * than any query) run when no interactive statement is waiting, so that light elements repaint first; `idle` ones
 * (the data-quality checks after the first paint) only once no interactive statement has been asked or answered for
 * IDLE_AFTER_MS, and a statement asked meanwhile stops the one running (it runs again later, when all is quiet).
 */
export type QueryPriority = 'interactive' | 'background' | 'idle';

/**
 * Columns that a deferred load adds to `table`, a table that is there already (see QueryEngine.defer). `answers`:
 * the named queries that the table as it is answers exactly (LEAN_QUERIES of derived-tables.ts); any other query
 * that reads it, SQL text included, waits for the load too.
 */
export interface DeferredColumns {
  readonly table: string;
  readonly names: readonly string[];
  readonly answers?: ReadonlySet<string>;
}

interface Pending {
  readonly query: NamedQuery | string;
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
  /** Aborts the statement once sent, when every caller has abandoned it (a transport that can cancel does). */
  sent: AbortController;
}

const CACHE_SIZE = 256;
const HISTORY_SIZE = 1000;
/**
 * The longest an interactive result waits for the rest of its burst (see `park`): past that, the results in hand
 * are handed out, so that one slow statement does not hold back every quick one.
 */
const PARK_MS = 100;
/** How long the engine must have had no interactive statement before it sends an `idle` one. */
export const IDLE_AFTER_MS = 250;

/**
 * The one query layer of a dashboard (Mosaic's coordinator idea, scoped to one `<mkt-data>`):
 * identical queries share one run and one cached result; queries run through a transport, the browser's DuckDB
 * (one at a time) or a server (several at a time), interactive before background, in the order asked; the answers
 * of a burst of interactive queries are handed out together (see `park`); a query whose every caller has aborted
 * (superseded by a newer filter state) is dropped before it is sent instead of queuing stale work, and cancelled
 * if already sent, where the transport can (a server; the browser's DuckDB for background and idle statements).
 */
export class QueryEngine {
  private readonly cache = new Map<string, Promise<Table>>();
  private readonly queue: Pending[] = [];
  private readonly deferred: {
    pattern: { test(sql: string, name: string | null): boolean };
    load: () => Promise<void>;
    loading: Promise<void> | null;
  }[] = [];
  private inFlight = 0;
  /**
   * The statement in flight was sent as a stoppable one (see `pump`). Kept, not derived from the queue: an idle
   * statement that an interactive caller has since asked for changes priority but is still the pending query it was.
   */
  private stoppableInFlight = false;
  private closed = false;
  /** Number of statements actually sent to DuckDB or the server; tests and the benchmark read it. */
  executed = 0;
  /**
   * The most recent statements sent to DuckDB, in the order they answered, with their time in ms from sending to
   * answer and their place in the sending order (the benchmark reads them).
   */
  readonly history: { sql: string; ms: number; sent: number; query: NamedQuery | string }[] = [];
  private readonly views = new Map<QueryPriority, QueryEngine>();
  /** When an interactive statement was last asked or answered (see `idle`). */
  private lastInteractive = -Infinity;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The idle statement running now and how to stop it, if any (see `preempted`). */
  private runningIdle: { pending: Pending; stop: AbortController } | null = null;
  /** Answered interactive statements whose callers are told once the burst is over (see `park`). */
  private parked: (() => void)[] = [];
  private parkTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly transport: QueryTransport,
    private readonly parkMs = PARK_MS,
  ) {}

  /** An engine on the browser's own DuckDB-WASM database. */
  static async open(db: AsyncDuckDB, options: { parkMs?: number } = {}): Promise<QueryEngine> {
    return new QueryEngine(new DuckDBTransport(db, await db.connect()), options.parkMs);
  }

  /** The DuckDB-WASM database (local mode only: loading and tests). */
  get db(): AsyncDuckDB {
    return this.local('db').db;
  }

  /** `ok`, or whether a server went away (`lost`: retrying) and could not be reached again (`failed`). */
  get connection(): ConnectionState {
    return this.transport.connection ?? 'ok';
  }

  /** Calls `listener` on every change of `connection`; returns an unsubscribe. */
  onConnection(listener: (state: ConnectionState) => void): () => void {
    return this.transport.onConnection?.(listener) ?? (() => undefined);
  }

  /** After a `failed` connection: tries to reach the server again. */
  reconnect(): void {
    this.transport.reconnect?.();
  }

  private local(what: string): DuckDBTransport {
    if (this.transport instanceof DuckDBTransport) return this.transport;
    throw new Error(`${what} needs the in-browser database; this dashboard's queries run on a server.`);
  }

  /**
   * Tables that are declared but not loaded yet: `load` runs once, when a query first names one of `names` (see
   * src/data/deferred-tables.ts) or reads `columns.table` and names one of `columns.names` or is not one of
   * `columns.answers`, and the query waits for it. A failed load fails every query that names them.
   */
  defer(names: readonly string[], load: () => Promise<void>, columns?: DeferredColumns): void {
    this.local('defer');
    // Names where a statement reads a table, so that a column or alias of the same name (`returns`) loads nothing.
    const tables = names.length ? new RegExp(`\\b(?:FROM|JOIN)\\s+"?(?:${names.join('|')})\\b`, 'i') : null;
    // A column counts wherever its name appears in a statement that reads its table: a false match costs a wait.
    const reads = columns && new RegExp(`\\b${columns.table}\\b`, 'i');
    const named = columns && new RegExp(`\\b(?:${columns.names.join('|')})\\b`, 'i');
    const answered = (name: string | null) => !columns?.answers || (name !== null && columns.answers.has(name));
    const pattern = {
      test: (sql: string, name: string | null) =>
        !!tables?.test(sql) || (!!reads?.test(sql) && (!!named?.test(sql) || !answered(name))),
    };
    this.deferred.push({ pattern, load, loading: null });
  }

  /** The loads the statement waits for (started here), or null when it names no deferred table. */
  private loadsFor(sql: string, name: string | null): Promise<void> | null {
    const named = this.deferred.filter((d) => d.pattern.test(sql, name));
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
    const loading = this.loadsFor(sql, typeof q === 'string' ? null : q.name);
    if (loading) return orAbort(loading, signal).then(() => this.query(q, signal, priority));
    const cached = this.cache.get(sql);
    if (cached) {
      this.cache.delete(sql);
      this.cache.set(sql, cached);
      const pending = this.queue.find((p) => p.result === cached);
      if (pending && priority === 'interactive') [pending.priority, pending.held] = [priority, false];
      return pending ? this.wait(pending, signal) : cached;
    }
    const pending = this.enqueue(q, priority);
    this.cache.set(sql, pending.result);
    pending.result.catch(() => {
      if (this.cache.get(sql) === pending.result) this.cache.delete(sql);
    });
    this.trimCache();
    const result = this.wait(pending, signal);
    // Sent now when DuckDB is idle, not after the rest of this update cycle has rendered.
    void this.pump();
    return result;
  }

  /** This engine, with every `query` at `background` priority (for model elements; shares cache and queue). */
  get background(): QueryEngine {
    return this.at('background');
  }

  /** This engine, with every `query` at `idle` priority (for the data-quality checks; shares cache and queue). */
  get idle(): QueryEngine {
    return this.at('idle');
  }

  private at(priority: QueryPriority): QueryEngine {
    let view = this.views.get(priority);
    if (!view) {
      const query = (q: NamedQuery | string, signal?: AbortSignal) => this.query(q, signal, priority);
      // A proxy without a set trap: every other read and every write reaches this engine itself.
      view = new Proxy(this, { get: (target, key) => (key === 'query' ? query : Reflect.get(target, key)) });
      this.views.set(priority, view);
    }
    return view;
  }

  /** Runs a statement that changes the database (loading, derived tables); never cached, never dropped. */
  async exec(sql: string): Promise<Table> {
    this.local('exec');
    this.cache.clear();
    const pending = this.enqueue(sql);
    pending.waiting = Number.POSITIVE_INFINITY;
    void this.pump();
    return pending.result;
  }

  async insertArrowIPC(name: string, bytes: Uint8Array): Promise<void> {
    const local = this.local('insertArrowIPC');
    this.cache.clear();
    await local.insertArrowIPC(name, bytes);
  }

  /** Runs SQL straight on the connection, bypassing queue and cache, and returns its time in ms: the benchmark's baseline. */
  timeRaw(sql: string): Promise<number> {
    return this.local('timeRaw').timeRaw(sql);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.unpark();
    for (const p of this.queue.splice(0)) if (!p.started) p.reject(abortError());
    this.cache.clear();
    await this.transport.close();
  }

  private enqueue(query: NamedQuery | string, priority: QueryPriority = 'interactive'): Pending {
    const sql = typeof query === 'string' ? query : query.sql;
    let resolve!: (t: Table) => void;
    let reject!: (e: unknown) => void;
    const result = new Promise<Table>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const held = priority === 'background';
    const sent = new AbortController();
    const pending: Pending = { query, sql, priority, held, result, resolve, reject, waiting: 0, started: false, sent };
    this.queue.push(pending);
    if (priority === 'interactive') this.lastInteractive = performance.now();
    // An idle statement that an interactive caller has since asked for too (`query`) is no longer idle.
    if (priority !== 'idle' && this.runningIdle?.pending.priority === 'idle') this.runningIdle.stop.abort();
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
        if (pending.waiting <= 0) {
          if (!pending.started) this.drop(pending);
          else this.cancel(pending);
        }
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
    if (this.cache.get(pending.sql) === pending.result) this.cache.delete(pending.sql);
    pending.reject(abortError());
  }

  /** A sent statement nobody waits for any more: its request is aborted (DuckDB-WASM's runs on) and not cached. */
  private cancel(pending: Pending): void {
    if (this.cache.get(pending.sql) === pending.result) this.cache.delete(pending.sql);
    pending.sent.abort();
  }

  private async pump(): Promise<void> {
    if (this.inFlight >= this.transport.maxInFlight || this.stoppableInFlight || this.closed) return;
    const ready = (p: Pending) => !p.started && !p.held && p.waiting > 0;
    const next =
      this.queue.find((p) => ready(p) && p.priority === 'interactive') ??
      this.queue.find((p) => ready(p) && p.priority === 'background') ??
      this.idleNext(ready);
    if (!next) return;
    // A stoppable statement runs alone: the transport's other statements would interleave with its polls.
    if (this.stoppable(next) && this.inFlight > 0) return;
    this.inFlight++;
    next.started = true;
    const stop = this.stopFor(next);
    this.stoppableInFlight = stop !== null;
    void this.pump();
    let answer: () => void;
    try {
      const sent = ++this.executed;
      const started = performance.now();
      const table = stop
        ? await this.transport.runStoppable!(next.query, stop.signal)
        : await this.transport.run(next.query, next.sent.signal);
      this.history.push({ sql: next.sql, ms: performance.now() - started, sent, query: next.query });
      if (this.history.length > HISTORY_SIZE) this.history.splice(0, this.history.length - HISTORY_SIZE);
      answer = () => next.resolve(table);
    } catch (error) {
      if (this.preempted(next, stop)) return;
      const message = error instanceof Error ? error.message : String(error);
      const problem =
        error instanceof DatasetError || isAbortError(error) ? error : new DatasetError('query-failed', message);
      answer = () => next.reject(problem);
    }
    if (this.runningIdle?.stop === stop) this.runningIdle = null;
    this.queue.splice(this.queue.indexOf(next), 1);
    this.inFlight--;
    if (stop) this.stoppableInFlight = false;
    if (next.priority === 'interactive') this.lastInteractive = performance.now();
    this.park(next, answer);
    void this.pump();
  }

  /**
   * How a statement that is not interactive can be stopped part-way, when the transport can stop one: when every
   * caller has abandoned it, and for an idle one also when any other statement is asked (see `preempted`).
   */
  private stopFor(pending: Pending): AbortController | null {
    if (!this.stoppable(pending)) return null;
    const stop = new AbortController();
    pending.sent.signal.addEventListener('abort', () => stop.abort(), { once: true });
    if (pending.priority === 'idle') this.runningIdle = { pending, stop };
    return stop;
  }

  private stoppable(pending: Pending): boolean {
    return pending.priority !== 'interactive' && this.transport.runStoppable !== undefined;
  }

  /**
   * Whether `pending` was an idle statement stopped for another one, its callers still waiting: it goes back to the
   * queue, as not sent, to run again when the engine is quiet.
   */
  private preempted(pending: Pending, stop: AbortController | null): boolean {
    if (!stop?.signal.aborted || this.runningIdle?.stop !== stop || pending.sent.signal.aborted) return false;
    this.runningIdle = null;
    pending.started = false;
    pending.sent = new AbortController();
    this.executed--;
    this.inFlight--;
    this.stoppableInFlight = false;
    void this.pump();
    return true;
  }

  /** The first idle statement when the engine is quiet; otherwise a pump is set for when it will be. */
  private idleNext(ready: (p: Pending) => boolean): Pending | undefined {
    const next = this.queue.find((p) => ready(p) && p.priority === 'idle');
    if (!next || this.inFlight > 0) return undefined;
    const wait = this.lastInteractive + IDLE_AFTER_MS - performance.now();
    if (wait <= 0) return next;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.pump(), wait);
    return undefined;
  }

  /**
   * Hands out an answer, or parks it while more interactive statements of the same burst are waiting to run: the
   * widgets of one filter change then repaint together, in one task and one frame, and never show a mix of old and
   * new numbers. One page layout and paint between two answers cost as much as the queries of a page.
   */
  private park(done: Pending, answer: () => void): void {
    this.parked.push(answer);
    // Queued or still running (a server runs several at once): the burst is not over while one of them waits.
    const more = this.queue.some((p) => !p.held && p.waiting > 0 && p.priority === 'interactive');
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
