import {
  Bool,
  DateDay,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Struct,
  Table,
  TimeUnit,
  Timestamp,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

const MS_PER_DAY = 86_400_000;

/**
 * The Arrow type a column of this DuckDB type gets, chosen so that `rows()` (src/data/arrow-rows.ts) reads the same
 * JS values as from DuckDB-WASM's own Arrow results: integers and floats as the same widths, BIGINT as Int64,
 * VARCHAR and ENUM as text, DATE as days, TIMESTAMP as microseconds, lists and structs of those. HUGEINT and DECIMAL,
 * which the kit's SQL casts away (`::INTEGER`, `::DOUBLE`), come as doubles. Anything else is refused.
 */
export function arrowType(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
      return new Int8();
    case DuckDBTypeId.SMALLINT:
      return new Int16();
    case DuckDBTypeId.INTEGER:
      return new Int32();
    case DuckDBTypeId.BIGINT:
      return new Int64();
    case DuckDBTypeId.UTINYINT:
      return new Uint8();
    case DuckDBTypeId.USMALLINT:
      return new Uint16();
    case DuckDBTypeId.UINTEGER:
      return new Uint32();
    case DuckDBTypeId.UBIGINT:
      return new Uint64();
    case DuckDBTypeId.FLOAT:
      return new Float32();
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.DECIMAL:
      return new Float64();
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.SQLNULL:
      return new Utf8();
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return new Timestamp(TimeUnit.MICROSECOND);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new Timestamp(TimeUnit.MICROSECOND, 'UTC');
    case DuckDBTypeId.LIST:
      return new List(new Field('item', arrowType(type.valueType), true));
    case DuckDBTypeId.STRUCT:
      return new Struct(type.entryNames.map((name, i) => new Field(name, arrowType(type.entryTypes[i]), true)));
    default:
      throw new Error(`a result column of type ${type.toString()} cannot be sent as Arrow`);
  }
}

/** A DuckDB value as the arrow builders take it: dates and timestamps as epoch milliseconds, decimals as numbers. */
function plain(type: DuckDBType, value: DuckDBValue): unknown {
  if (value === null) return null;
  if (value instanceof DuckDBDateValue) return value.days * MS_PER_DAY;
  const micros = timestampMicros(value);
  if (micros !== null) return Number(micros / 1000n);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (type.typeId === DuckDBTypeId.HUGEINT || type.typeId === DuckDBTypeId.UHUGEINT) return Number(value);
  if (value instanceof DuckDBListValue && type.typeId === DuckDBTypeId.LIST)
    return value.items.map((item) => plain(type.valueType, item));
  if (value instanceof DuckDBStructValue && type.typeId === DuckDBTypeId.STRUCT)
    return Object.fromEntries(type.entryNames.map((name, i) => [name, plain(type.entryTypes[i], value.entries[name])]));
  if (typeof value === 'object') return String(value);
  return value;
}

function timestampMicros(value: DuckDBValue): bigint | null {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) return value.micros;
  if (value instanceof DuckDBTimestampMillisecondsValue) return value.millis * 1000n;
  if (value instanceof DuckDBTimestampSecondsValue) return value.seconds * 1_000_000n;
  if (value instanceof DuckDBTimestampNanosecondsValue) return value.nanos / 1000n;
  return null;
}

/** Timestamps are written as microseconds as they are: the arrow builders take milliseconds and would round. */
function timestampColumn(type: Timestamp, values: readonly DuckDBValue[]): Vector {
  const micros = new BigInt64Array(values.length);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((value, i) => {
    const v = timestampMicros(value);
    if (v === null) nulls++;
    else [micros[i], valid[i >> 3]] = [v, valid[i >> 3] | (1 << (i & 7))];
  });
  return makeVector(makeData({ type, length: values.length, nullCount: nulls, nullBitmap: valid, data: micros }));
}

/** One result column as an Arrow vector. */
export function arrowColumn(type: DuckDBType, values: readonly DuckDBValue[]): Vector {
  const target = arrowType(type);
  if (target instanceof Timestamp) return timestampColumn(target, values);
  return vectorFromArray(
    values.map((v) => plain(type, v)),
    target,
  );
}

/** A result (names, types, columns of values) as an Arrow table; duplicate names get a suffix, as DuckDB's do. */
export function arrowTable(
  names: readonly string[],
  types: readonly DuckDBType[],
  columns: readonly (readonly DuckDBValue[])[],
): Table {
  return new Table(Object.fromEntries(names.map((name, i) => [name, arrowColumn(types[i], columns[i])])));
}
