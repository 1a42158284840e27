import type { TableName } from '../schema/tables.js';
import { column, rows } from './arrow-rows.js';
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
  const rowCounts: Partial<Record<TableName, number>> = {};
  for (const name of loaded) {
    if (name.startsWith('mkt_')) continue;
    rowCounts[name as TableName] = rows<{ n: number }>(
      await engine.exec(`SELECT count(*)::INTEGER AS n FROM "${name}"`),
    )[0].n;
  }
  const [range] = rows<{ min: string | null; max: string | null }>(
    await engine.exec(
      `SELECT strftime(min(order_date), '%Y-%m-%d') AS min, strftime(max(order_date), '%Y-%m-%d') AS max FROM transactions`,
    ),
  );
  const [ids] = rows<{ n: number }>(
    await engine.exec(
      `SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM transactions WHERE order_id IS NOT NULL LIMIT 1)`,
    ),
  );
  const distinct = async (sql: string) => column<string>(await engine.exec(sql), 'v');
  return {
    rowCounts,
    tables,
    minDate: range.min,
    maxDate: range.max,
    categories: await distinct(`SELECT DISTINCT category AS v FROM products WHERE category IS NOT NULL ORDER BY 1`),
    tiers: await distinct(`SELECT DISTINCT tier AS v FROM sellers WHERE tier IS NOT NULL ORDER BY 1`),
    regions: await distinct(`SELECT DISTINCT region AS v FROM customers WHERE region IS NOT NULL ORDER BY 1`),
    orderIds: ids.n > 0,
  };
}
