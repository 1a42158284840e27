import { SCHEMA, TABLE_NAMES, type ColumnType, type TableName } from '../schema/tables.js';
import { DatasetError } from './dataset-error.js';
import type { SqlDatabase } from './sql-database.js';
import { columnsOfTables, tableColumns, type ColumnDescription } from './table-columns.js';

/** DuckDB types accepted for each of the kit's logical types (the loader may widen, never narrow). */
const ACCEPTED: Record<ColumnType, RegExp> = {
  VARCHAR: /^VARCHAR$/,
  INTEGER: /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/,
  DOUBLE: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL.*|U.*INT)$/,
  DATE: /^DATE$/,
  TIMESTAMP: /^(TIMESTAMP.*|DATE)$/,
  BOOLEAN: /^BOOLEAN$/,
};

/** Checks that every required table is there and every table has the kit's columns with usable types. */
export async function validateSchema(engine: SqlDatabase, loaded: ReadonlySet<TableName>): Promise<void> {
  const columns = await columnsOfTables(
    engine,
    TABLE_NAMES.filter((name) => loaded.has(name)),
  );
  for (const name of TABLE_NAMES) {
    const spec = SCHEMA[name];
    if (!loaded.has(name)) {
      if (spec.optional) continue;
      throw new DatasetError(
        'table-missing',
        `The dataset has no "${name}" table (${spec.description.toLowerCase()}).`,
        {
          table: name,
        },
      );
    }
    checkColumns(name, columns.get(name)!);
  }
}

/** Checks that a loaded table has the kit's columns with usable types. */
export async function validateTable(engine: SqlDatabase, name: TableName): Promise<void> {
  checkColumns(name, await tableColumns(engine, name));
}

function checkColumns(name: TableName, described: readonly ColumnDescription[]): void {
  const spec = SCHEMA[name];
  const types = new Map(described.map((r) => [r.column_name, r.data_type]));
  for (const column of spec.columns) {
    const actual = types.get(column.name);
    if (actual === undefined) {
      throw new DatasetError(
        'column-missing',
        `Table "${name}" has no column "${column.name}" (${column.type}: ${column.description})`,
        { table: name, column: column.name },
      );
    }
    if (!ACCEPTED[column.type].test(actual)) {
      throw new DatasetError(
        'column-type',
        `Column "${name}.${column.name}" is ${actual}; marketkit needs ${column.type}.`,
        { table: name, column: column.name },
      );
    }
  }
}
