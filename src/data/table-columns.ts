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
  return rows<ColumnDescription>(
    await engine.exec(
      `SELECT name AS column_name, type AS data_type FROM pragma_table_info(${str(table)}) ORDER BY cid`,
    ),
  );
}
