/** Column access for the report: plain arrays out of Arrow tables, nulls kept explicit. */
import type { Table } from 'apache-arrow';
import type { TableName } from '../../src/schema/tables.js';

export type Tables = Record<TableName, Table>;

/** Stands for a null DATE in the Int32Arrays of days below. */
export const NULL_DAY = -2147483648;

function vector(table: Table, name: string) {
  const v = table.getChild(name);
  if (!v) throw new Error(`missing column ${name}`);
  return v;
}

/** DATE (and INTEGER) values as days since the epoch; NULL_DAY for nulls. */
export function days(table: Table, name: string): Int32Array {
  const out = new Int32Array(table.numRows);
  let offset = 0;
  for (const data of vector(table, name).data) {
    const values = data.values as Int32Array;
    for (let i = 0; i < data.length; i++) out[offset + i] = data.getValid(i) ? values[i] : NULL_DAY;
    offset += data.length;
  }
  return out;
}

/** Numeric values (INTEGER, DOUBLE, TIMESTAMP ms); NaN for nulls. */
export function numbers(table: Table, name: string): Float64Array {
  const out = new Float64Array(table.numRows);
  let offset = 0;
  for (const data of vector(table, name).data) {
    const values = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++) out[offset + i] = data.getValid(i) ? Number(values[i]) : NaN;
    offset += data.length;
  }
  return out;
}

export function strings(table: Table, name: string): (string | null)[] {
  return Array.from(vector(table, name) as Iterable<string | null>);
}

export function booleans(table: Table, name: string): (boolean | null)[] {
  return Array.from(vector(table, name) as Iterable<boolean | null>);
}

export function indexById(ids: readonly (string | null)[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, i) => id !== null && map.set(id, i));
  return map;
}

export const MS_PER_DAY = 86_400_000;
export const isoDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
export const dayOfIso = (iso: string) => Date.parse(iso) / MS_PER_DAY;
