import type { TableName } from '../schema/tables.js';
import { rows } from './arrow-rows.js';
import type { SqlDatabase } from './sql-database.js';

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
  // A few statements, not one per figure: each costs a round trip to DuckDB's worker before the first paint.
  const counted = [...loaded].filter((name) => !name.startsWith('mkt_')) as TableName[];
  const rowCounts: Partial<Record<TableName, number>> = {};
  if (counted.length) {
    const [counts] = rows<Record<string, number>>(
      await engine.exec(
        `SELECT ${counted.map((name, i) => `(SELECT count(*)::INTEGER FROM "${name}") AS n${i}`).join(', ')}`,
      ),
    );
    counted.forEach((name, i) => (rowCounts[name] = counts[`n${i}`]));
  }
  const [range] = rows<{ min: string | null; max: string | null; ids: boolean }>(
    await engine.exec(
      `SELECT strftime(min(order_date), '%Y-%m-%d') AS min, strftime(max(order_date), '%Y-%m-%d') AS max,
        bool_or(order_id IS NOT NULL) AS ids FROM transactions`,
    ),
  );
  const lists = rows<{ kind: string; v: string }>(
    await engine.exec(
      `SELECT DISTINCT 'category' AS kind, category AS v FROM products WHERE category IS NOT NULL
      UNION ALL SELECT DISTINCT 'tier', tier FROM sellers WHERE tier IS NOT NULL
      UNION ALL SELECT DISTINCT 'region', region FROM customers WHERE region IS NOT NULL
      ORDER BY kind, v`,
    ),
  );
  const distinct = (kind: string) => lists.filter((r) => r.kind === kind).map((r) => r.v);
  return {
    rowCounts,
    tables,
    minDate: range.min,
    maxDate: range.max,
    categories: distinct('category'),
    tiers: distinct('tier'),
    regions: distinct('region'),
    orderIds: range.ids === true,
  };
}
