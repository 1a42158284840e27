import type { Table } from 'apache-arrow';

type Plain<T> = { [K in keyof T]: T[K] };

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** Small results as plain objects (BigInt counts become numbers). Large results: read columns with `column()`. */
export function rows<T extends Record<string, unknown>>(table: Table): Plain<T>[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  const out: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = plain(columns[c].get(i));
    out[i] = row as T;
  }
  return out;
}

/** One column as a plain array, read column-wise without building row objects. */
export function column<T = unknown>(table: Table, name: string): T[] {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The result has no column "${name}".`);
  const out = new Array<T>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = plain(vector.get(i)) as T;
  return out;
}

/** One column as a Float64Array (nulls become NaN), for numeric work. */
export function numbers(table: Table, name: string): Float64Array {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`The result has no column "${name}".`);
  const out = new Float64Array(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const v = vector.get(i);
    out[i] = v === null || v === undefined ? Number.NaN : Number(v);
  }
  return out;
}
