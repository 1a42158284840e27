/**
 * Column buffers that turn rows into Arrow record batches with the types the schema declares:
 * VARCHAR → Utf8, INTEGER → Int32, DOUBLE → Float64, DATE → DateDay, TIMESTAMP → TimestampMillisecond,
 * BOOLEAN → Bool. Buffers are built directly (no per-value Arrow builders) so that millions of rows stay fast.
 */
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  TimestampMillisecond,
  Utf8,
  makeData,
} from 'apache-arrow';
import type { Data } from 'apache-arrow';
import { SCHEMA, type ColumnType, type TableName } from '../../src/schema/tables.js';
import { arrowSchema as kitArrowSchema } from '../../src/schema/arrow.js';

const schemaCache = new Map<TableName, Schema>();

/** The Arrow schema of a table (from `src/schema/arrow.ts`), one instance per table, shared by all batches. */
export function arrowSchema(table: TableName): Schema {
  let schema = schemaCache.get(table);
  if (!schema) {
    schema = kitArrowSchema(table);
    schemaCache.set(table, schema);
  }
  return schema;
}

export type Cell = string | number | boolean | null;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const encoder = new TextEncoder();

function packBits(flags: Uint8Array, length: number): Uint8Array {
  const bits = new Uint8Array(((length + 63) >> 6) << 3);
  for (let i = 0; i < length; i++) if (flags[i]) bits[i >> 3] |= 1 << (i & 7);
  return bits;
}

/** Accumulates rows of one table; `push` returns a full batch every `capacity` rows. */
export class BatchBuilder {
  readonly schema: Schema;
  private readonly types: ColumnType[];
  private readonly nullable: boolean[];
  private cells: Cell[][];
  private length = 0;

  constructor(
    readonly table: TableName,
    private readonly capacity: number,
  ) {
    this.schema = arrowSchema(table);
    this.types = SCHEMA[table].columns.map((c) => c.type);
    this.nullable = SCHEMA[table].columns.map((c) => c.nullable ?? false);
    this.cells = this.types.map(() => []);
  }

  get pending(): number {
    return this.length;
  }

  /** Appends one row, values in schema column order. Returns a batch when the buffer is full. */
  push(...row: Cell[]): RecordBatch | null {
    for (let c = 0; c < row.length; c++) this.cells[c].push(row[c]);
    this.length++;
    return this.length >= this.capacity ? this.flush() : null;
  }

  flush(): RecordBatch | null {
    if (this.length === 0) return null;
    const length = this.length;
    const children = this.cells.map((values, c) => this.column(c, values, length));
    this.cells = this.types.map(() => []);
    this.length = 0;
    const data = makeData({ type: new Struct(this.schema.fields), length, nullCount: 0, children });
    return new RecordBatch(this.schema, data);
  }

  private column(c: number, values: Cell[], length: number): Data {
    const type = this.schema.fields[c].type;
    let nullCount = 0;
    const valid = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      if (values[i] === null || values[i] === undefined) nullCount++;
      else valid[i] = 1;
    }
    if (nullCount > 0 && !this.nullable[c]) {
      throw new Error(`${this.table}.${this.schema.fields[c].name}: null in a non-nullable column`);
    }
    const nullBitmap = nullCount > 0 ? packBits(valid, length) : undefined;
    const common = { type, length, nullCount, nullBitmap };
    switch (this.types[c]) {
      case 'VARCHAR': {
        const offsets = new Int32Array(length + 1);
        let parts = '';
        for (let i = 0; i < length; i++) {
          const s = valid[i] ? (values[i] as string) : '';
          parts += s;
          offsets[i + 1] = offsets[i] + utf8Length(s);
        }
        return makeData({ ...common, type: type as Utf8, valueOffsets: offsets, data: encoder.encode(parts) });
      }
      case 'BOOLEAN': {
        const flags = new Uint8Array(length);
        for (let i = 0; i < length; i++) flags[i] = values[i] ? 1 : 0;
        return makeData({ ...common, type: type as Bool, data: packBits(flags, length) });
      }
      case 'TIMESTAMP': {
        const data = new BigInt64Array(length);
        for (let i = 0; i < length; i++) data[i] = valid[i] ? BigInt(values[i] as number) : 0n;
        return makeData({ ...common, type: type as TimestampMillisecond, data });
      }
      case 'DOUBLE': {
        const data = Float64Array.from(values, (v) => (v === null ? 0 : (v as number)));
        return makeData({ ...common, type: type as Float64, data });
      }
      case 'DATE': {
        const data = Int32Array.from(values, (v) => (v === null ? 0 : (v as number)));
        return makeData({ ...common, type: type as DateDay, data });
      }
      case 'INTEGER': {
        const data = Int32Array.from(values, (v) => (v === null ? 0 : (v as number)));
        return makeData({ ...common, type: type as Int32, data });
      }
    }
  }
}
