import type { TableName } from '../schema/tables.js';
import { rows } from './arrow-rows.js';
import type { SqlDatabase } from './sql-database.js';
import { ident, str } from '../metrics/sql.js';

/** What the filters and widgets need to know about a loaded dataset. */
export interface DatasetInfo {
  /** Row counts of the tables loaded at start (the deferred ones, see deferred-tables.ts, are not counted). */
  readonly rowCounts: Readonly<Partial<Record<TableName, number>>>;
  readonly tables: ReadonlySet<string>;
  /** First and last order day, `YYYY-MM-DD`; null when there are no orders. */
  readonly minDate: string | null;
  readonly maxDate: string | null;
  readonly categories: readonly string[];
  readonly tiers: readonly string[];
  readonly regions: readonly string[];
  /**
   * The order lines carry order ids (`transactions.order_id`): "orders" count orders. When false each line is its
   * own order, and the elements that count orders say "per line".
   */
  readonly orderIds: boolean;
}

/** `tables`: every table a query may name; `loaded`: those in the database now (the others load on first use). */
export async function readDatasetInfo(
  engine: SqlDatabase,
  tables: ReadonlySet<string>,
  loaded: ReadonlySet<string> = tables,
): Promise<DatasetInfo> {
  // One statement, not one per figure: each costs a round trip to DuckDB's worker before the first paint.
  const counted = [...loaded].filter((name) => !name.startsWith('mkt_')) as TableName[];
  const found = rows<{ kind: string; v: string | null; w: string | null; n: number | null }>(
    await engine.exec(
      `SELECT kind, v, NULL AS w, NULL::INTEGER AS n FROM (
        SELECT DISTINCT 'category' AS kind, category AS v FROM products WHERE category IS NOT NULL
        UNION ALL SELECT DISTINCT 'tier', tier FROM sellers WHERE tier IS NOT NULL
        UNION ALL SELECT DISTINCT 'region', region FROM customers WHERE region IS NOT NULL)
      UNION ALL SELECT 'range', strftime(min(order_date), '%Y-%m-%d'), strftime(max(order_date), '%Y-%m-%d'),
        bool_or(order_id IS NOT NULL)::INTEGER FROM transactions
      ${counted.map((name) => `UNION ALL SELECT 'rows', ${str(name)}, NULL, count(*)::INTEGER FROM ${ident(name)}`).join(' ')}
      ORDER BY kind, v`,
    ),
  );
  const rowCounts: Partial<Record<TableName, number>> = {};
  for (const r of found) if (r.kind === 'rows') rowCounts[r.v as TableName] = r.n ?? 0;
  const range = found.find((r) => r.kind === 'range')!;
  const distinct = (kind: string) => found.filter((r) => r.kind === kind).map((r) => r.v as string);
  return {
    rowCounts,
    tables,
    minDate: range.v,
    maxDate: range.w,
    categories: distinct('category'),
    tiers: distinct('tier'),
    regions: distinct('region'),
    orderIds: range.n === 1,
  };
}
