import {
  Bool,
  DateDay,
  Float64,
  Int32,
  Field,
  Schema,
  TimestampMillisecond,
  Utf8,
  makeVector,
  vectorFromArray,
  Table,
  tableToIPC,
  type DataType,
} from 'apache-arrow';
import { SCHEMA, type ColumnType, type TableName } from './tables.js';

/** The Arrow type each logical column type is written as (and read back by DuckDB as that type). */
export function arrowType(type: ColumnType): DataType {
  switch (type) {
    case 'VARCHAR':
      return new Utf8();
    case 'INTEGER':
      return new Int32();
    case 'DOUBLE':
      return new Float64();
    case 'DATE':
      return new DateDay();
    case 'TIMESTAMP':
      return new TimestampMillisecond();
    case 'BOOLEAN':
      return new Bool();
  }
}

export function arrowSchema(table: TableName): Schema {
  return new Schema(SCHEMA[table].columns.map((c) => new Field(c.name, arrowType(c.type), c.nullable ?? false)));
}

type Cell = string | number | boolean | Date | null;

/** Dates may be given as `YYYY-MM-DD` strings, timestamps as ISO strings; Arrow wants Date objects. */
function toArrowValue(type: ColumnType, value: Cell): unknown {
  if (value === null || value === undefined) return null;
  if ((type === 'DATE' || type === 'TIMESTAMP') && typeof value === 'string') {
    return new Date(type === 'DATE' ? `${value}T00:00:00Z` : value.endsWith('Z') ? value : `${value}Z`);
  }
  return value;
}

/**
 * Builds an Arrow IPC stream of one of the kit's tables from row objects: for small hand-made datasets in tests,
 * stories and examples. Columns left out of the rows are filled with nulls, so tests can build broken tables too.
 */
export function tableIPCFromRows(
  table: TableName,
  rows: readonly Record<string, Cell>[],
  options: { omit?: readonly string[] } = {},
): Uint8Array {
  const spec = SCHEMA[table].columns.filter((c) => !options.omit?.includes(c.name));
  const vectors: Record<string, ReturnType<typeof makeVector>> = {};
  for (const c of spec) {
    vectors[c.name] = vectorFromArray(
      rows.map((r) => toArrowValue(c.type, r[c.name] ?? null)),
      arrowType(c.type),
    ) as ReturnType<typeof makeVector>;
  }
  return tableToIPC(new Table(vectors), 'stream');
}
