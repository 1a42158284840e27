import { SCHEMA, type TableName } from '../schema/tables.js';
import type { Manifest } from '../schema/manifest.js';
import { ident, str } from '../metrics/sql.js';
import { rows } from './arrow-rows.js';
import type { Table } from 'apache-arrow';
import type { SqlDatabase } from './sql-database.js';
import type { QueryEngine } from './query-engine.js';
import { isAbortError } from './dataset-error.js';

export type DataIssueCode =
  'duplicate-ids' | 'orphan-keys' | 'null-values' | 'date-out-of-range' | 'negative-revenue' | 'table-empty';

/**
 * A problem in the data that does not stop the dashboard: the rows stay (nothing is dropped), the widgets that
 * read the table say what is wrong, and `<mkt-data>` sends it as an `mkt-error` with `code`.
 */
export interface DataIssue {
  readonly code: DataIssueCode;
  readonly table: TableName;
  readonly column: string;
  readonly count: number;
  readonly examples: readonly string[];
  readonly message: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const quoteList = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

interface Check {
  readonly code: DataIssueCode;
  readonly table: TableName;
  readonly column: string;
  /** Returns the offending values (up to 3 examples) and their count. */
  readonly sql: string;
  readonly message: (count: number, examples: readonly string[]) => string;
}

/** The event date of each fact table: it must fall in the dataset's date range. */
const DATED_FACTS: Partial<Record<TableName, string>> = { transactions: 'order_date', page_events: 'event_time' };
/** Without a declared range, dates before 1990 or after 2100 are taken for mistakes (0001-01-01, 9999-12-31). */
const SANE_RANGE = { start: '1990-01-01', end: '2100-12-31' };
const isoDay = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
function validRange(range: Manifest['dateRange']): { start: string; end: string } | null {
  return range && isoDay(range.start) && isoDay(range.end) ? range : null;
}

/**
 * A completed line with a negative revenue is suspicious data: GMV adds it as it is. A returned or cancelled line
 * with a negative amount is a return or refund, which GMV leaves out anyway: not flagged.
 */
const NEGATIVE_REVENUE: Check = {
  code: 'negative-revenue',
  table: 'transactions',
  column: 'revenue',
  sql: `SELECT id::VARCHAR || ' (' || revenue::VARCHAR || ')' AS v, count(*) OVER () AS n FROM transactions
    WHERE status = 'completed' AND revenue < 0 LIMIT 3`,
  message: (n, ex) =>
    `${plural(n, 'completed order line')} ${n === 1 ? 'has' : 'have'} a negative revenue (e.g. ${ex.join(', ')}); GMV and every sum of revenue count ${n === 1 ? 'it' : 'them'} as given. A return or refund should have the status "returned" or "cancelled" (those are left out of GMV, whatever their sign).`,
};

function checksFor(tables: ReadonlySet<TableName>, manifest: Manifest | null): Check[] {
  const checks: Check[] = [];
  for (const table of tables) {
    const t = ident(table);
    checks.push({
      code: 'table-empty',
      table,
      column: '*',
      sql: `SELECT NULL AS v, 0 AS n WHERE NOT EXISTS (SELECT 1 FROM ${t})`,
      message: () => `The ${table} table has no rows: everything that reads it is empty.`,
    });
    if (table === 'transactions') checks.push(NEGATIVE_REVENUE);
    checks.push({
      code: 'duplicate-ids',
      table,
      column: 'id',
      sql: `SELECT id::VARCHAR AS v, count(*) OVER () AS n FROM ${t} WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1 LIMIT 3`,
      message: (n, ex) =>
        `${plural(n, `${table} id`)} appear more than once (e.g. ${quoteList(ex)}); the first row of each is used for joins.`,
    });
    const required = SCHEMA[table].columns.filter((c) => !c.nullable);
    checks.push({
      code: 'null-values',
      table,
      column: '*',
      // One scan for every required column: `v` names the columns with nulls, `n` the most nulls in one of them.
      sql: `SELECT * FROM (SELECT ${required.map((c) => `count(*) FILTER (WHERE ${ident(c.name)} IS NULL) AS ${ident(c.name)}`).join(', ')} FROM ${t})`,
      message: () => '',
    });
    for (const column of SCHEMA[table].columns) {
      const c = ident(column.name);
      const [target, key] = column.references?.split('.') ?? [];
      if (target && tables.has(target as TableName)) {
        checks.push({
          code: 'orphan-keys',
          table,
          column: column.name,
          sql: `SELECT x.${c}::VARCHAR AS v, count(*) OVER () AS n FROM (SELECT DISTINCT ${c} FROM ${t}) x
            WHERE x.${c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ident(target)} y WHERE y.${ident(key)} = x.${c}) LIMIT 3`,
          message: (n, ex) =>
            `${plural(n, `${column.name} value`)} in ${table} match no ${target} row (e.g. ${quoteList(ex)}); those rows count under "(unknown)".`,
        });
      }
      const range = DATED_FACTS[table] === column.name ? (validRange(manifest?.dateRange) ?? SANE_RANGE) : null;
      if (range) {
        checks.push({
          code: 'date-out-of-range',
          table,
          column: column.name,
          sql: `SELECT strftime(${c}, '%Y-%m-%d') AS v, count(*) OVER () AS n FROM ${t}
            WHERE ${c}::DATE < ${str(range.start)}::DATE OR ${c}::DATE > ${str(range.end)}::DATE LIMIT 3`,
          message: (n, ex) =>
            `${plural(n, 'row')} of ${table} have their ${column.name} outside the dataset's range ${range.start} – ${range.end} (e.g. ${ex.join(', ')}).`,
        });
      }
    }
  }
  return checks;
}

/** Runs one check's read-only statement. */
export type RunCheck = (sql: string) => Promise<Table>;

/**
 * Checks ids, keys, required values and dates of every loaded table: a few aggregate scans per table, run by `run`
 * (the loader runs them at background priority, after the first paint: see DashboardLoader).
 */
export async function checkDataQuality(
  engine: SqlDatabase,
  tables: ReadonlySet<TableName>,
  manifest: Manifest | null,
  run: RunCheck = (sql) => engine.exec(sql),
): Promise<DataIssue[]> {
  return runChecks(run, checksFor(tables, manifest));
}

/**
 * The checks that a table loaded after the others (see deferred-tables.ts) adds: its own and its keys'. `run`:
 * engine.exec by default, which a load in progress can use (a query naming the table would wait for that load).
 */
export async function checkAddedTable(
  engine: SqlDatabase,
  before: ReadonlySet<TableName>,
  table: TableName,
  manifest: Manifest | null,
  run: RunCheck = (sql) => engine.exec(sql),
): Promise<DataIssue[]> {
  const done = new Set(checksFor(before, manifest).map((c) => c.sql));
  const after = checksFor(new Set([...before, table]), manifest);
  return runChecks(
    run,
    after.filter((c) => !done.has(c.sql)),
  );
}

/**
 * checkAddedTable once the table is loaded, at idle priority (see QueryEngine.idle): off the path of the query that
 * asked for the table. `found` gets the problems; a check that cannot run is reported on the console.
 */
export function checkAddedTableWhenIdle(
  engine: QueryEngine,
  before: ReadonlySet<TableName>,
  table: TableName,
  manifest: Manifest | null,
  signal: AbortSignal,
  found: (issues: readonly DataIssue[]) => void,
): void {
  checkAddedTable(engine, before, table, manifest, (sql) => engine.idle.query(sql, signal)).then(found, (error) => {
    if (signal.aborted || isAbortError(error)) return;
    console.warn(
      `[marketkit] The data-quality checks of ${table} could not run: ${(error as Error)?.message ?? error}`,
    );
  });
}

async function runChecks(run: RunCheck, checks: readonly Check[]): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  for (const check of checks) {
    if (check.code === 'null-values') {
      const [counts] = rows<Record<string, number>>(await run(check.sql));
      for (const [column, n] of Object.entries(counts ?? {})) {
        if (n > 0) {
          const message = `${plural(n, 'row')} of ${check.table} have no ${column}; they are left out of what needs it.`;
          issues.push({ code: 'null-values', table: check.table, column, count: n, examples: [], message });
        }
      }
      continue;
    }
    const found = rows<{ v: string | null; n: number }>(await run(check.sql));
    if (found.length === 0) continue;
    if (check.code === 'table-empty') {
      const message = check.message(0, []);
      issues.push({ code: check.code, table: check.table, column: check.column, count: 0, examples: [], message });
      continue;
    }
    const count = Number(found[0].n);
    const examples = found.map((r) => r.v).filter((v): v is string => v !== null);
    issues.push({
      code: check.code,
      table: check.table,
      column: check.column,
      count,
      examples,
      message: check.message(count, examples),
    });
  }
  return issues;
}
