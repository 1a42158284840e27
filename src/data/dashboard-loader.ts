import type { DashboardState } from './dashboard-state.js';
import { DatasetError, isAbortError, toDatasetError } from './dataset-error.js';
import { readDatasetInfo, type DatasetInfo } from './dataset-info.js';
import {
  canStartLean,
  completeDerivedTables,
  derivedTableNames,
  FULL_ORDER_COLUMNS,
  LEAN_LATER,
  LEAN_QUERIES,
} from './derived-tables.js';
import { startDuckDB, type DuckDBHandle } from './duckdb.js';
import {
  buildLoadedTables,
  fetchManifest,
  loadFromManifest,
  loadInMemory,
  type InMemoryDataset,
  type LoadedDataset,
} from './load-dataset.js';
import { QueryEngine } from './query-engine.js';
import { CustomerModels } from './customer-models.js';
import type { ColumnMapping, Manifest } from '../schema/manifest.js';
import type { TableName } from '../schema/tables.js';
import { validateSchema, validateTable } from './validate-schema.js';
import { checkAddedTableWhenIdle, checkDataQuality, type DataIssue } from './data-quality.js';
import { DEFERRED_TABLES, deferTables } from './deferred-tables.js';
import type { ServerOptions } from './http-transport.js';
import { openServerDataset } from './server-dataset.js';

export interface LoadRequest {
  readonly src: string;
  readonly dataset: InMemoryDataset | null;
  readonly wasmBase?: string;
  /** Column names per table, overriding the manifest's `columns`. */
  readonly mapping?: ColumnMapping | null;
  /** A marketkit server that runs the queries (then nothing but results is downloaded: no DuckDB, no files). */
  readonly server?: ServerOptions | null;
  /**
   * Asked once the tables are in: true when the page's elements read only the lean columns of mkt_orders, so that
   * the rest of the derived tables can wait until a query needs them (see buildDerivedTables in derived-tables.ts).
   */
  readonly leanStart?: () => boolean;
}

export type LoadOutcome =
  | {
      readonly error: DatasetError | null;
      readonly info: DatasetInfo | null;
      readonly issues?: readonly DataIssue[];
      readonly ms: number;
    }
  | 'superseded';

/**
 * Owns one dashboard's database: starts DuckDB, loads, validates and prepares a dataset, and replaces all of
 * it when the source changes. Only the newest load may publish; an older one is aborted and its worker ended.
 */
export class DashboardLoader {
  private handle: DuckDBHandle | null = null;
  private engine: QueryEngine | null = null;
  private models: CustomerModels | null = null;
  private controller: AbortController | null = null;
  /** The controller of the load in progress; null once it has finished (its signal still guards what it started). */
  private loading: AbortController | null = null;

  /** The data problems published so far (a deferred table adds its own when it loads). */
  private issues: readonly DataIssue[] = [];

  /**
   * `onLateIssues`: the data problems of a table loaded after the dashboard was ready (see deferred-tables.ts),
   * already published in the state.
   */
  constructor(
    private readonly publish: (patch: Partial<DashboardState>) => void,
    private readonly onLateIssues: (issues: readonly DataIssue[]) => void = () => undefined,
  ) {}

  async load(request: LoadRequest): Promise<LoadOutcome> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = controller;
    try {
      return await this.loadWith(request, controller);
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  private async loadWith(request: LoadRequest, controller: AbortController): Promise<LoadOutcome> {
    const { signal } = controller;
    const started = performance.now();
    // Published with the loading state, so that the model elements can start its worker while the data loads.
    this.models?.dispose();
    this.models = new CustomerModels();
    this.publish({
      status: 'loading',
      error: null,
      engine: null,
      models: this.models,
      info: null,
      issues: [],
      checked: false,
      progress: { phase: 'engine', loaded: 0, total: 0 },
    });
    await this.release();
    // One task later: a page script that sets another src (or any input) right after the kit defines the elements
    // supersedes this load before it has requested a file or started DuckDB.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) return 'superseded';
    try {
      if (request.server && (request.src || request.dataset))
        throw new DatasetError(
          'attribute-invalid',
          '<mkt-data> has both a server and a dataset (src or source): give one. With server, the server holds the data.',
        );
      if (request.server) {
        this.publish({ progress: { phase: 'connect', loaded: 0, total: 0 } });
        const { engine, info, manifest, issues } = await openServerDataset(request.server, signal);
        if (signal.aborted) await engine.close();
        signal.throwIfAborted();
        this.engine = engine;
        this.issues = issues;
        // The server checked its data when it loaded it: its problems come with the dataset.
        this.publish({ status: 'ready', progress: null, engine, info, manifest, issues, checked: true });
        return { error: null, info, issues, ms: performance.now() - started };
      }
      // DuckDB starts while the manifest and the files download: neither waits for the other.
      const opening = this.openEngine(request.wasmBase, controller);
      opening.catch(() => undefined);
      // A page of lean elements leaves LEAN_LATER for later too (asked again once the tables are in).
      const defer = request.leanStart?.() === true ? new Set([...DEFERRED_TABLES, ...LEAN_LATER]) : DEFERRED_TABLES;
      let loaded: LoadedDataset;
      if (request.dataset) {
        const engine = await opening;
        this.publish({ progress: { phase: 'load', loaded: 0, total: 0 } });
        loaded = await loadInMemory(engine, request.dataset, request.mapping, defer);
      } else {
        this.publish({ progress: { phase: 'manifest', loaded: 0, total: 0 } });
        const { manifest, base } = await fetchManifest(request.src, signal);
        loaded = await loadFromManifest(
          opening,
          manifest,
          base,
          signal,
          (progress) => {
            if (!signal.aborted) this.publish({ progress });
          },
          request.mapping,
          defer,
        );
      }
      const engine = await opening;
      signal.throwIfAborted();
      performance.mark('mkt:data-loaded');
      this.publish({ progress: { phase: 'prepare', loaded: 0, total: 0 } });
      const present = new Set(loaded.tables);
      const lean = canStartLean(present) && request.leanStart?.() === true;
      const leanLater = new Map([...loaded.later].filter(([name]) => LEAN_LATER.has(name)));
      // The page is no longer lean (an element was added meanwhile): the tables left for the lean start load now.
      if (!lean)
        for (const [name, insert] of leanLater) {
          await insert(signal);
          present.add(name);
        }
      await validateSchema(engine, present);
      const derived = await buildLoadedTables(engine, loaded, present, { lean });
      const rest = lean
        ? this.deferRest(engine, present, derived, leanLater, loaded.manifest, signal)
        : { names: [], complete: async () => undefined };
      const later = deferTables(engine, new Map([...loaded.later].filter(([name]) => !LEAN_LATER.has(name))), {
        loaded: present,
        manifest: loaded.manifest,
        signal,
        before: rest.complete,
        onLoaded: (found) => this.addLateIssues(found, signal),
      });
      const info = await readDatasetInfo(
        engine,
        new Set<string>([...present, ...derived, ...later, ...rest.names]),
        new Set<string>([...present, ...derived]),
      );
      this.issues = [];
      signal.throwIfAborted();
      performance.mark('mkt:data-ready');
      this.publish({ status: 'ready', progress: null, engine, info, manifest: loaded.manifest, issues: [] });
      this.checkAfterFirstPaint(engine, new Set(present), loaded.manifest, signal);
      return { error: null, info, issues: [], ms: performance.now() - started };
    } catch (error) {
      if (signal.aborted || isAbortError(error)) {
        return 'superseded';
      }
      const problem = toDatasetError(error, 'engine-failed');
      this.publish({ status: 'error', progress: null, error: problem, engine: null });
      return { error: problem, info: null, ms: performance.now() - started };
    }
  }

  /**
   * After a lean start: the tables it left for later (`leanLater`), the derived tables it left out and the full
   * mkt_orders are loaded and built when a query first needs them (see QueryEngine.defer), or a deferred table
   * needs them (`complete`).
   */
  private deferRest(
    engine: QueryEngine,
    present: Set<TableName>,
    built: ReadonlySet<string>,
    leanLater: ReadonlyMap<TableName, (signal: AbortSignal) => Promise<void>>,
    manifest: Manifest,
    signal: AbortSignal,
  ): { names: string[]; complete: () => Promise<void> } {
    const all = new Set([...present, ...leanLater.keys()]);
    const names = [...leanLater.keys(), ...derivedTableNames(all).filter((name) => !built.has(name))];
    // The tables of the start: `present` grows as deferred tables load, and they build their own derived tables.
    const start = new Set(present);
    const completeNow = async () => {
      const checks: [ReadonlySet<TableName>, TableName][] = [];
      for (const [table, insert] of leanLater) {
        await insert(signal);
        await validateTable(engine, table);
        checks.push([new Set(start), table]);
        start.add(table);
        present.add(table);
      }
      await completeDerivedTables(engine, start, { keysBuilt: !leanLater.has('orders') });
      performance.mark('mkt:table-loaded', { detail: { table: 'mkt_orders' } });
      for (const [before, table] of checks)
        checkAddedTableWhenIdle(engine, before, table, manifest, signal, (issues) =>
          this.addLateIssues(issues, signal),
        );
    };
    let completing: Promise<void> | null = null;
    const complete = () => (completing ??= completeNow());
    engine.defer(names, complete, { table: 'mkt_orders', names: FULL_ORDER_COLUMNS, answers: LEAN_QUERIES });
    return { names, complete };
  }

  /** Publishes the data problems of a table loaded after the dashboard was ready. */
  private addLateIssues(found: readonly DataIssue[], signal: AbortSignal): void {
    if (signal.aborted || found.length === 0) return;
    this.issues = [...this.issues, ...found];
    this.publish({ issues: this.issues });
    this.onLateIssues(found);
  }

  /**
   * Starts DuckDB for the load of `controller`. A load that was superseded or failed meanwhile gets the
   * database closed instead of kept.
   */
  private async openEngine(wasmBase: string | undefined, controller: AbortController): Promise<QueryEngine> {
    const handle = await startDuckDB(wasmBase);
    if (controller.signal.aborted || this.controller !== controller) {
      await handle.close();
      throw new DOMException('superseded', 'AbortError');
    }
    this.handle = handle;
    performance.mark('mkt:engine-ready');
    const engine = await QueryEngine.open(handle.db);
    this.engine = engine;
    return engine;
  }

  /**
   * The data-quality checks of the tables loaded at start, off the path to the first paint: at idle priority, once
   * the widgets' queries have quieted down; their problems are published late, as a deferred table's are.
   */
  private checkAfterFirstPaint(
    engine: QueryEngine,
    tables: ReadonlySet<TableName>,
    manifest: Manifest,
    signal: AbortSignal,
  ): void {
    checkDataQuality(engine, tables, manifest, (sql) => engine.idle.query(sql, signal)).then(
      (found) => {
        if (signal.aborted) return;
        this.issues = [...found, ...this.issues];
        this.publish({ issues: this.issues, checked: true });
        this.onLateIssues(found);
      },
      (error: unknown) => {
        if (signal.aborted || isAbortError(error)) return;
        // A check that cannot run leaves the data as it is; say so rather than let the dashboard wait for it.
        console.warn(`[marketkit] The data-quality checks could not run: ${(error as Error)?.message ?? error}`);
        this.publish({ checked: true });
      },
    );
  }

  /** Stops a load in progress (it resolves as superseded); true when there was one. */
  cancel(): boolean {
    const loading = this.loading;
    this.loading = null;
    loading?.abort();
    return !!loading;
  }

  /** Ends the workers (DuckDB's and the customer models') and frees the database. */
  dispose(): void {
    this.controller?.abort();
    this.models?.dispose();
    this.models = null;
    void this.release();
  }

  private async release(): Promise<void> {
    const engine = this.engine;
    const handle = this.handle;
    this.engine = null;
    this.handle = null;
    if (engine) await engine.close();
    if (handle) await handle.close();
  }
}
