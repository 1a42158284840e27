import { SCHEMA, type ColumnSpec, type ColumnType, type TableName } from '../schema/tables.js';
import { ident, strList } from '../metrics/sql.js';
import { DatasetError } from './dataset-error.js';
import { rows } from './arrow-rows.js';
import type { SqlDatabase } from './sql-database.js';
import { tableColumns, type ColumnDescription } from './table-columns.js';

/**
 * Turns a table as the user gave it (`raw`, any column names, the types its file had) into the kit's table
 * `name`: columns renamed by the mapping, types coerced where no value can change, and every value checked.
 * A coercion that would turn a non-null value into null, or a value outside a categorical column's list, is an
 * error naming the column and an example; nothing is dropped. (Nulls in required columns: see data-quality.ts.)
 * The lists of the columns in `listedLater` are not checked now: the returned check does it on the kit's table,
 * for a caller whose next statements would fail on such a value anyway (CHECKED_BY_ENUM_CAST).
 */
export async function coerceTable(
  engine: SqlDatabase,
  name: TableName,
  raw: string,
  mapping: Readonly<Record<string, string>>,
  file: string,
  listedLater: readonly string[] = [],
): Promise<() => Promise<void>> {
  const described = await tableColumns(engine, raw);
  const specs = SCHEMA[name].columns;
  // An optional column the file does not have (and the mapping does not name) is added, filled with nulls.
  const absent = specs.filter((spec) => spec.optional && !mapping[spec.name] && !findColumn(spec.name, described));
  const plans = specs
    .filter((spec) => !absent.includes(spec))
    .map((spec) => planColumn(name, spec, mapping[spec.name], described, file));
  const later = plans.filter((p) => p.spec.values && listedLater.includes(p.spec.name));
  await checkValues(
    engine,
    name,
    raw,
    plans.map((p) => (later.includes(p) ? { ...p, spec: { ...p.spec, values: undefined } } : p)),
  );
  const asIs = Object.keys(mapping).every((k) => mapping[k] === k) && plans.every((p) => p.expr === ident(p.source));
  if (asIs) {
    await engine.exec(`ALTER TABLE ${ident(raw)} RENAME TO ${ident(name)}`);
  } else {
    const select = plans.map((p) => `${p.expr} AS ${ident(p.spec.name)}`).join(', ');
    await engine.exec(`CREATE TABLE ${ident(name)} AS SELECT ${select} FROM ${ident(raw)}`);
    await engine.exec(`DROP TABLE ${ident(raw)}`);
  }
  for (const spec of absent)
    await engine.exec(`ALTER TABLE ${ident(name)} ADD COLUMN ${ident(spec.name)} ${spec.type}`);
  // On the kit's table the values are already of the kit's type, under the kit's names.
  const kept = later.map((p) => ({ ...p, source: p.spec.name, expr: ident(p.spec.name), failure: undefined }));
  return () => checkValues(engine, name, name, kept);
}

function findColumn(wanted: string, described: readonly ColumnDescription[]): ColumnDescription | undefined {
  return (
    described.find((d) => d.column_name === wanted) ??
    single(described.filter((d) => d.column_name.toLowerCase() === wanted.toLowerCase()))
  );
}

interface ColumnPlan {
  readonly spec: ColumnSpec;
  /** The user's column name as it is in the file. */
  readonly source: string;
  /** What the user calls it, for messages: `Column "t.c" (user column "x")`. */
  readonly label: string;
  /** SQL giving the kit's value from the source column. */
  readonly expr: string;
  /** SQL that is true where a non-null source value cannot be coerced; absent when every value can. */
  readonly failure?: string;
  /** What the values should be, for messages: "dates", "numbers". */
  readonly noun: string;
}

const NOUNS: Record<ColumnType, string> = {
  VARCHAR: 'text',
  INTEGER: 'whole numbers',
  DOUBLE: 'numbers',
  DATE: 'dates',
  TIMESTAMP: 'timestamps',
  BOOLEAN: 'true/false values',
};

const INT = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;
const FLOAT = /^(FLOAT|DOUBLE|DECIMAL.*)$/;
const TS = /^TIMESTAMP/;
/** Timestamps without time zone at another precision than DuckDB's microseconds (Arrow's milliseconds, say). */
const PRECISION_TS = /^TIMESTAMP_(S|MS|NS)$/;
const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];

/** The accepted coercions, for the schema page: `[kit type, source types, how]`. */
export const COERCIONS: readonly (readonly [ColumnType, string, string])[] = [
  ['VARCHAR', 'VARCHAR', 'as is'],
  ['VARCHAR', 'integer types, UUID', 'written as text (`42` → `"42"`)'],
  ['INTEGER', 'integer types', 'as is'],
  ['INTEGER', 'FLOAT, DOUBLE, DECIMAL', 'when every value is whole (`3.0` → `3`); `2.5` is an error'],
  ['INTEGER', 'VARCHAR', 'text of a whole number (`" 12 "` → `12`); `"1.5"` or `"twelve"` is an error'],
  ['DOUBLE', 'integer, FLOAT, DECIMAL types', 'as is (widened to DOUBLE)'],
  ['DOUBLE', 'VARCHAR', 'text of a number (`"19.90"`, `"1e3"`); `"$19.90"` is an error'],
  ['DATE', 'DATE', 'as is'],
  ['DATE', 'TIMESTAMP (any precision or time zone)', 'the day of the timestamp (the time of day is dropped)'],
  ['DATE', 'VARCHAR', '`"YYYY-MM-DD"` (a time after it is allowed and dropped); `"yesterday"` is an error'],
  ['TIMESTAMP', 'TIMESTAMP (any precision or time zone)', 'as is'],
  ['TIMESTAMP', 'DATE', 'midnight of that day'],
  ['TIMESTAMP', 'VARCHAR', '`"YYYY-MM-DD HH:MM:SS"` or ISO 8601; anything else is an error'],
  ['BOOLEAN', 'BOOLEAN', 'as is'],
  ['BOOLEAN', 'integer types', '`1` → true, `0` → false; any other number is an error'],
  [
    'BOOLEAN',
    'VARCHAR',
    `${TRUE_WORDS.map((w) => `\`"${w}"\``).join(', ')} → true; ${FALSE_WORDS.map((w) => `\`"${w}"\``).join(', ')} → false (any case); anything else is an error`,
  ],
];

function planColumn(
  table: TableName,
  spec: ColumnSpec,
  mapped: string | undefined,
  described: readonly ColumnDescription[],
  file: string,
): ColumnPlan {
  const found = findColumn(mapped ?? spec.name, described);
  const label = `Column "${table}.${spec.name}"${mapped && mapped !== spec.name ? ` (user column "${mapped}")` : ''}`;
  if (!found) {
    const what = `${spec.type}: ${spec.description}`;
    const message =
      mapped && mapped !== spec.name
        ? `Table "${table}" (${file}) has no column "${mapped}", which the mapping names for the kit's column "${spec.name}" (${what}).`
        : `Table "${table}" has no column "${spec.name}" (${what})`;
    throw new DatasetError('column-missing', message, { table, column: spec.name });
  }
  const source = found.column_name;
  const col = ident(source);
  const type = found.data_type;
  const plan = (expr: string, failure?: string): ColumnPlan => ({
    spec,
    source,
    label,
    expr,
    failure,
    noun: NOUNS[spec.type],
  });
  const text = type === 'VARCHAR';
  const t = `trim(${col})`;
  switch (spec.type) {
    case 'VARCHAR':
      if (text) return plan(col);
      if (INT.test(type) || type === 'UUID') return plan(`CAST(${col} AS VARCHAR)`);
      break;
    case 'INTEGER':
      if (INT.test(type)) return plan(col);
      if (FLOAT.test(type)) return plan(`CAST(${col} AS BIGINT)`, `${col} <> trunc(${col})`);
      if (text) {
        const d = `TRY_CAST(${t} AS DOUBLE)`;
        return plan(`CAST(${d} AS BIGINT)`, `NOT coalesce(${d} = trunc(${d}) AND isfinite(${d}), false)`);
      }
      break;
    case 'DOUBLE':
      if (type === 'DOUBLE') return plan(col);
      if (INT.test(type) || FLOAT.test(type)) return plan(`CAST(${col} AS DOUBLE)`);
      if (text) return plan(`TRY_CAST(${t} AS DOUBLE)`, `TRY_CAST(${t} AS DOUBLE) IS NULL`);
      break;
    case 'DATE':
      if (type === 'DATE') return plan(col);
      if (TS.test(type)) return plan(`CAST(${col} AS DATE)`);
      if (text) return plan(`TRY_CAST(${t} AS DATE)`, `TRY_CAST(${t} AS DATE) IS NULL`);
      break;
    case 'TIMESTAMP':
      // Another precision is kept: DuckDB compares and computes on it as on TIMESTAMP, and a cast copies the table
      // (134 ms for scale 1's 500,000 page events, on Home's path to its conversion rate).
      if (type === 'TIMESTAMP' || PRECISION_TS.test(type)) return plan(col);
      if (TS.test(type) || type === 'DATE') return plan(`CAST(${col} AS TIMESTAMP)`);
      if (text) return plan(`TRY_CAST(${t} AS TIMESTAMP)`, `TRY_CAST(${t} AS TIMESTAMP) IS NULL`);
      break;
    case 'BOOLEAN':
      if (type === 'BOOLEAN') return plan(col);
      if (INT.test(type)) return plan(`CASE ${col} WHEN 1 THEN true WHEN 0 THEN false END`, `${col} NOT IN (0, 1)`);
      if (text) {
        const w = `lower(${t})`;
        return plan(
          `CASE WHEN ${w} IN ${strList(TRUE_WORDS)} THEN true WHEN ${w} IN ${strList(FALSE_WORDS)} THEN false END`,
          `${w} NOT IN ${strList([...TRUE_WORDS, ...FALSE_WORDS])}`,
        );
      }
      break;
  }
  throw new DatasetError('column-type', `${label} is ${type}; marketkit needs ${spec.type} (${spec.description})`, {
    table,
    column: spec.name,
  });
}

function single<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/**
 * One scan of the raw table counts, per column, the values that cannot be coerced and unknown categories. Nulls in
 * required columns are not fatal: data-quality.ts reports them and the widgets that read the table say so.
 */
async function checkValues(
  engine: SqlDatabase,
  table: TableName,
  raw: string,
  plans: readonly ColumnPlan[],
): Promise<void> {
  const parts: string[] = [];
  plans.forEach((p, i) => {
    const col = ident(p.source);
    const count = (condition: string, key: string) =>
      parts.push(
        `count(*) FILTER (WHERE ${condition})::INTEGER AS n${key}${i}`,
        `min(CAST(${col} AS VARCHAR)) FILTER (WHERE ${condition}) AS e${key}${i}`,
      );
    if (p.failure) count(`${col} IS NOT NULL AND (${p.failure})`, 'f');
    if (p.spec.values) count(`${p.expr} NOT IN ${strList(p.spec.values)}`, 'v');
  });
  if (parts.length === 0) return;
  const [found] = rows<Record<string, number | string | null>>(
    await engine.exec(`SELECT ${parts.join(', ')} FROM ${ident(raw)}`),
  );
  plans.forEach((p, i) => {
    const where = { table, column: p.spec.name };
    const n = (key: string) => Number(found[`n${key}${i}`] ?? 0);
    const example = (key: string) => JSON.stringify(String(found[`e${key}${i}`]));
    if (n('f') > 0) {
      throw new DatasetError(
        'column-type',
        `${p.label} holds ${values(n('f'))} that ${n('f') === 1 ? 'is not a' : 'are not'} ${n('f') === 1 ? singular(p.noun) : p.noun}, e.g. ${example('f')}.`,
        where,
      );
    }
    if (n('v') > 0) {
      const allowed = p.spec.values!.map((v) => `"${v}"`).join(', ');
      throw new DatasetError(
        'data-invalid',
        `${p.label} holds ${values(n('v'))} that ${n('v') === 1 ? 'is' : 'are'} not one of ${allowed}, e.g. ${example('v')}.`,
        where,
      );
    }
  });
}

function values(n: number, word = 'value'): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function singular(noun: string): string {
  return noun.replace(/s$/, '');
}
