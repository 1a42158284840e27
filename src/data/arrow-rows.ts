import { DataType, type Data, type Table, type Vector } from 'apache-arrow';

type Plain<T> = { [K in keyof T]: T[K] };

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

const utf8 = new TextDecoder();

/**
 * A text column's reader. Turning results into rows was mostly UTF-8 decoding, and a TextDecoder call costs far
 * more than the few bytes of a label or a date: short ASCII text is built from its bytes, and a value equal to the
 * row before's (results come sorted, so labels repeat) is the same string.
 */
function textReader(data: Data): (i: number) => string | null {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  let [lastStart, lastLength, last] = [0, -1, ''];
  const same = (start: number, length: number) => {
    if (length !== lastLength) return false;
    for (let k = 0; k < length; k++) if (bytes[start + k] !== bytes[lastStart + k]) return false;
    return true;
  };
  const decode = (start: number, end: number) => {
    if (end - start > 32) return utf8.decode(bytes.subarray(start, end));
    let text = '';
    for (let k = start; k < end; k++) {
      if (bytes[k] > 0x7f) return utf8.decode(bytes.subarray(start, end));
      text += String.fromCharCode(bytes[k]);
    }
    return text;
  };
  return (i) => {
    if (!data.getValid(i)) return null;
    const start = offsets[i];
    const length = offsets[i + 1] - start;
    if (!same(start, length)) [lastStart, lastLength, last] = [start, length, decode(start, start + length)];
    return last;
  };
}

/**
 * Reads the rows of one chunk of a column. An ENUM column arrives as an Arrow dictionary: its words are decoded
 * once per dictionary, not once per row.
 */
function chunkReader(data: Data, vector: Vector, decoded: Map<unknown, unknown[]>): (i: number) => unknown {
  const dictionary = (data as Data & { dictionary?: Vector }).dictionary;
  if (DataType.isUtf8(data.type)) return textReader(data);
  if (!DataType.isDictionary(data.type) || !dictionary) return (i) => plain(vector.get(i));
  let words = decoded.get(dictionary);
  if (!words) decoded.set(dictionary, (words = Array.from(dictionary, plain)));
  const keys = data.values as ArrayLike<number>;
  return (i) => (data.getValid(i) ? words[keys[i]] : null);
}

/** Small results as plain objects (BigInt counts become numbers). Large results: read columns with `column()`. */
export function rows<T extends Record<string, unknown>>(table: Table): Plain<T>[] {
  const names = table.schema.fields.map((f) => f.name);
  const out: T[] = new Array(table.numRows);
  const decoded = new Map<unknown, unknown[]>();
  let at = 0;
  for (const batch of table.batches) {
    const readers = names.map((_, c) => {
      const vector = batch.getChildAt(c)!;
      return chunkReader(vector.data[0], vector, decoded);
    });
    for (let i = 0; i < batch.numRows; i++) {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) row[names[c]] = readers[c](i);
      out[at++] = row as T;
    }
  }
  return out;
}

const shared = new WeakMap<Table, readonly object[]>();

/**
 * `rows(table)` for a result that several widgets read (the query cache hands them one Table): converted once,
 * and frozen, since every reader gets the same objects.
 */
export function sharedRows<T extends Record<string, unknown>>(table: Table): readonly Readonly<Plain<T>>[] {
  let found = shared.get(table);
  if (!found) shared.set(table, (found = Object.freeze(rows<T>(table).map((r) => Object.freeze(r)))));
  return found as readonly Readonly<Plain<T>>[];
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
