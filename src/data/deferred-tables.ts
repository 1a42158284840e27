import type { TableName } from '../schema/tables.js';
import type { Manifest } from '../schema/manifest.js';
import type { QueryEngine } from './query-engine.js';
import type { DataIssue } from './data-quality.js';
import { checkAddedTableWhenIdle } from './data-quality.js';
import { buildDerivedTablesOf, derivedTableNames } from './derived-tables.js';
import { validateTable } from './validate-schema.js';

/**
 * Optional tables that no table built at load reads. They are loaded when a query first names them or a table
 * built from them, not before the first paint: page events are most of a dataset's bytes, and only the funnel,
 * journeys, conversion figures and campaign sessions read them.
 */
export const DEFERRED_TABLES: ReadonlySet<TableName> = new Set([
  'page_events',
  'payments',
  'support_tickets',
  'campaigns',
  'returns',
]);

export interface DeferOptions {
  /** Tables loaded at start; the deferred ones join it as they load. */
  readonly loaded: Set<TableName>;
  readonly manifest: Manifest | null;
  readonly signal: AbortSignal;
  /** Awaited before a deferred table's derived tables are built: those they read that may not be built yet. */
  readonly before?: () => Promise<void>;
  /** A deferred table's data problems (see data-quality.ts), empty when none: checked at idle priority once loaded. */
  readonly onLoaded: (issues: readonly DataIssue[]) => void;
}

/**
 * Registers each table of `later` with the engine (see QueryEngine.defer): the first query that names it, or a
 * table built from it, loads and validates it and builds those tables; its data-quality checks follow at idle
 * priority. Returns the names it declares.
 */
export function deferTables(
  engine: QueryEngine,
  later: ReadonlyMap<TableName, (signal: AbortSignal) => Promise<void>>,
  { loaded, manifest, signal, before, onLoaded }: DeferOptions,
): Set<string> {
  const declared = new Set<string>();
  const all = new Set<TableName>([...loaded, ...later.keys()]);
  const core = new Set(derivedTableNames(loaded));
  for (const [table, insert] of later) {
    const derived = derivedTableNames(all).filter((name) => !core.has(name) && builtFrom(name, table, loaded));
    engine.defer([table, ...derived], async () => {
      // The tables it waits for are built while the file downloads.
      const ready = before?.();
      ready?.catch(() => undefined);
      await insert(signal);
      await validateTable(engine, table);
      await ready;
      await buildDerivedTablesOf(engine, table, new Set([...loaded, table]));
      performance.mark('mkt:table-loaded', { detail: { table } });
      // The query that asked for the table does not wait for its checks (on Home, about 190 ms at scale 1).
      checkAddedTableWhenIdle(engine, new Set(loaded), table, manifest, signal, onLoaded);
      loaded.add(table);
    });
    declared.add(table);
    for (const name of derived) declared.add(name);
  }
  return declared;
}

/** `name` is built from `table` and tables loaded at start. */
function builtFrom(name: string, table: TableName, loaded: ReadonlySet<TableName>): boolean {
  return derivedTableNames(new Set([...loaded, table])).includes(name);
}
