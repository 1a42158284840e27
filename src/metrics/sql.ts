/**
 * The only ways a value reaches SQL text: as an escaped literal. Identifiers are never taken from data.
 */

/** A string literal: single quotes doubled, NUL bytes refused. */
export function str(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`Expected a string for SQL, got ${typeof value}`);
  if (value.includes('\u0000')) throw new TypeError('A SQL string may not contain a NUL byte.');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A finite number literal. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`Expected a finite number for SQL, got ${value}`);
  return String(value);
}

/** A DATE literal from `YYYY-MM-DD`. */
export function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new TypeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  return `DATE ${str(value)}`;
}

/** `(a, b, c)` of string literals, for `IN`. */
export function strList(values: readonly string[]): string {
  return `(${values.map(str).join(', ')})`;
}

/** A quoted identifier, for names that come from our own schema or a user's column mapping. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A dimension table (sellers, products, customers) with one row per id, the first in file order: joined to orders,
 * a duplicated id cannot multiply them. The data-quality check reports such duplicates.
 */
export function firstOfEachId(table: 'sellers' | 'products' | 'customers' | 'orders' | 'campaigns'): string {
  // The same rows as QUALIFY row_number() OVER (PARTITION BY id ORDER BY rowid) = 1, a NULL id included, in about
  // two thirds of the time: DuckDB-WASM's window operator is slow the first time a page uses it.
  return `(SELECT * FROM ${table} WHERE rowid IN (SELECT min(rowid) FROM ${table} GROUP BY id))`;
}
