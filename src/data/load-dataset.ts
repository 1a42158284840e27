import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { Manifest, ManifestTable, TableFormat } from '../schema/manifest.js';
import { SCHEMA, TABLE_NAMES, type TableName } from '../schema/tables.js';
import { DatasetError } from './dataset-error.js';
import { fetchBytes, type ByteProgress } from './fetch-bytes.js';
import type { QueryEngine } from './query-engine.js';
import { ident, str } from '../metrics/sql.js';

/** A dataset given in memory instead of by URL: for tests, stories and pages that build their data. */
export interface InMemoryDataset {
  readonly manifest?: Partial<Manifest>;
  readonly files: Partial<Record<TableName, Uint8Array | ArrayBuffer>>;
}

export interface LoadProgress {
  readonly phase: 'engine' | 'manifest' | 'download' | 'load' | 'prepare';
  readonly table?: TableName;
  /** Bytes received so far over all files, and their expected total (0 when unknown). */
  readonly loaded: number;
  readonly total: number;
}

export interface LoadedDataset {
  readonly manifest: Manifest;
  /** Tables present in the database (optional ones may be missing). */
  readonly tables: ReadonlySet<TableName>;
}

/** `src` may name a folder (`/data/shop/` → its `manifest.json`) or the manifest file itself. */
export function manifestUrl(src: string): URL {
  const url = new URL(src, document.baseURI);
  if (!url.pathname.endsWith('.json')) url.pathname = url.pathname.replace(/\/?$/, '/manifest.json');
  return url;
}

export async function fetchManifest(src: string, signal: AbortSignal): Promise<{ manifest: Manifest; base: URL }> {
  const url = manifestUrl(src);
  const bytes = await fetchBytes(url.href, signal, () => undefined, 'manifest.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new DatasetError('manifest-invalid', `The manifest ${url.href} is not valid JSON: ${(error as Error).message}`);
  }
  return { manifest: checkManifest(parsed, url.href), base: url };
}

function checkManifest(value: unknown, where: string): Manifest {
  const m = value as Manifest;
  if (!m || typeof m !== 'object' || !m.tables || typeof m.tables !== 'object') {
    throw new DatasetError('manifest-invalid', `The manifest ${where} has no "tables" object.`);
  }
  for (const [name, entry] of Object.entries(m.tables)) {
    if (!(TABLE_NAMES as readonly string[]).includes(name)) continue;
    if (!entry || typeof entry.file !== 'string' || entry.file === '') {
      throw new DatasetError('manifest-invalid', `The manifest entry for table "${name}" has no "file".`, { table: name });
    }
  }
  return m;
}

/** Loads every table the manifest lists into the engine's database, as tables named after the kit's schema. */
export async function loadFromManifest(
  engine: QueryEngine,
  manifest: Manifest,
  base: URL,
  signal: AbortSignal,
  onProgress: (p: LoadProgress) => void,
): Promise<LoadedDataset> {
  const entries = presentTables(manifest.tables);
  const sizes = entries.map(([, e]) => Math.max(0, e.bytes ?? 0));
  let total = sizes.reduce((a, b) => a + b, 0);
  const received = new Map<TableName, number>();
  const report = (phase: LoadProgress['phase'], table?: TableName) =>
    onProgress({ phase, table, loaded: [...received.values()].reduce((a, b) => a + b, 0), total });

  const downloads = entries.map(async ([name, entry]) => {
    const url = new URL(entry.file, base).href;
    const progress: ByteProgress = (loaded, expected) => {
      if (!received.has(name) && expected > 0 && !entry.bytes) total += expected;
      received.set(name, loaded);
      report('download', name);
    };
    return [name, entry, await fetchBytes(url, signal, progress, `table "${name}" (${entry.file})`)] as const;
  });
  const loaded = new Set<TableName>();
  for (const download of downloads) {
    const [name, entry, bytes] = await download;
    signal.throwIfAborted();
    report('load', name);
    await insertTable(engine, name, entry, bytes);
    loaded.add(name);
  }
  return { manifest, tables: loaded };
}

export async function loadInMemory(engine: QueryEngine, dataset: InMemoryDataset): Promise<LoadedDataset> {
  const loaded = new Set<TableName>();
  for (const name of TABLE_NAMES) {
    const file = dataset.files[name];
    if (!file) continue;
    // DuckDB-WASM transfers the buffer to its worker, detaching it: copy, so the caller's data stays intact.
    const bytes = file instanceof Uint8Array ? file.slice() : new Uint8Array(file.slice(0));
    await insertTable(engine, name, { file: `${name}.arrow`, format: 'arrow' }, bytes);
    loaded.add(name);
  }
  const manifest: Manifest = { schemaVersion: 1, ...dataset.manifest, tables: dataset.manifest?.tables ?? {} };
  return { manifest, tables: loaded };
}

function presentTables(tables: Manifest['tables']): [TableName, ManifestTable & { bytes?: number }][] {
  return TABLE_NAMES.filter((n) => tables[n]).map((n) => [n, tables[n]!]);
}

async function insertTable(engine: QueryEngine, name: TableName, entry: ManifestTable, bytes: Uint8Array): Promise<void> {
  const format: TableFormat = entry.format ?? 'arrow';
  const mapped = entry.columns && Object.keys(entry.columns).length > 0;
  const target = mapped ? `mkt_raw_${name}` : name;
  if (format === 'arrow') {
    await engine.insertArrowIPC(target, checkedArrowStream(name, entry.file, bytes));
  } else {
    const file = `mkt_${name}.${format}`;
    await engine.db.registerFileBuffer(file, bytes);
    const reader = format === 'parquet' ? `read_parquet(${str(file)})` : `read_csv(${str(file)}, header = true)`;
    await run(engine, `CREATE TABLE ${ident(target)} AS SELECT * FROM ${reader}`, name, entry.file);
  }
  if (mapped) {
    const select = SCHEMA[name].columns
      .map((c) => `${ident(entry.columns?.[c.name] ?? c.name)} AS ${ident(c.name)}`)
      .join(', ');
    await run(engine, `CREATE TABLE ${ident(name)} AS SELECT ${select} FROM ${ident(target)}`, name, entry.file);
    await engine.exec(`DROP TABLE ${ident(target)}`);
  }
}

async function run(engine: QueryEngine, sql: string, table: TableName, file: string): Promise<void> {
  try {
    await engine.exec(sql);
  } catch (error) {
    const message = (error as Error).message;
    const missing = /column.*"([^"]+)".*not found|Referenced column "?([^"\s]+)"? not found/i.exec(message);
    if (missing) {
      const column = missing[1] ?? missing[2];
      throw new DatasetError('column-missing', `Table "${table}" (${file}) has no column "${column}".`, { table, column });
    }
    throw new DatasetError('file-malformed', `Table "${table}" could not be read from ${file}: ${message}`, { table });
  }
}

/**
 * Parses the file with Arrow JS first: a truncated or malformed file is caught here with a clear message,
 * and the Arrow file format (`ARROW1` magic) is rewritten as the stream format DuckDB reads.
 */
function checkedArrowStream(name: TableName, file: string, bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) {
    throw new DatasetError('file-malformed', `Table "${name}": the file ${file} is empty (0 bytes).`, { table: name });
  }
  try {
    const table = tableFromIPC(bytes);
    if (table.schema.fields.length === 0) throw new Error('it has no columns');
    const isFileFormat = bytes.length > 6 && new TextDecoder().decode(bytes.subarray(0, 6)) === 'ARROW1';
    return isFileFormat ? tableToIPC(table, 'stream') : bytes;
  } catch (error) {
    throw new DatasetError(
      'file-malformed',
      `Table "${name}": ${file} is not a readable Arrow IPC file (${(error as Error).message}).`,
      { table: name },
    );
  }
}

