import { rows } from './arrow-rows.js';
import { str } from '../metrics/sql.js';
import type { SqlDatabase } from './sql-database.js';

export type ColumnDescription = {
  readonly column_name: string;
  readonly data_type: string;
};

/**
 * A table's columns and their types, in order. `pragma_table_info` gives the same type names as
 * information_schema.columns, without the 150–400 ms DuckDB-WASM spends building that view on its first use.
 */
export async function tableColumns(engine: SqlDatabase, table: string): Promise<ColumnDescription[]> {
  return (await columnsOfTables(engine, [table])).get(table)!;
}

/** The columns of several tables in one statement (one round trip to DuckDB's worker, not one per table). */
export async function columnsOfTables(
  engine: SqlDatabase,
  tables: readonly string[],
): Promise<Map<string, ColumnDescription[]>> {
  const out = new Map<string, ColumnDescription[]>(tables.map((t) => [t, []]));
  if (tables.length === 0) return out;
  const found = rows<ColumnDescription & { table_name: string }>(
    await engine.exec(
      tables
        .map(
          (t, i) => `SELECT ${str(t)} AS table_name, ${i} AS t, cid, name AS column_name, type AS data_type
            FROM pragma_table_info(${str(t)})`,
        )
        .join(' UNION ALL ') + ' ORDER BY t, cid',
    ),
  );
  for (const { table_name, column_name, data_type } of found) out.get(table_name)!.push({ column_name, data_type });
  return out;
}
