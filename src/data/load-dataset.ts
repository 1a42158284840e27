import type { ColumnMapping, Manifest, ManifestTable } from '../schema/manifest.js';
import { TABLE_NAMES, type TableName } from '../schema/tables.js';
import { DatasetError } from './dataset-error.js';
import { fetchBytes, type ByteProgress } from './fetch-bytes.js';
import type { QueryEngine } from './query-engine.js';
import { ident, str } from '../metrics/sql.js';
import { arrowStream } from './arrow-ipc.js';
import { parquetToArrowStream } from './parquet.js';
import { coerceTable } from './coerce-table.js';
import { buildDerivedTables, CHECKED_BY_ENUM_CAST, type BuildOptions } from './derived-tables.js';
import { checkManifest, columnMapping, malformed, tableFormat } from './dataset-manifest.js';

/**
 * A dataset given in memory instead of by URL: for tests, stories and pages that build their data. Each file is
 * Arrow IPC unless `manifest.tables[name]` says otherwise (`format`, or a `file` name with an extension; Parquet is
 * also recognised by its bytes); `manifest.tables[name].columns` maps column names as in a manifest file.
 */
export interface InMemoryDataset {
  readonly manifest?: Partial<Omit<Manifest, 'tables'>> & {
    readonly tables?: Partial<Record<TableName, Partial<ManifestTable>>>;
  };
  readonly files: Partial<Record<TableName, Uint8Array | ArrayBuffer>>;
}

export interface LoadProgress {
  readonly phase: 'engine' | 'connect' | 'manifest' | 'download' | 'load' | 'prepare';
  readonly table?: TableName;
  /** Bytes received so far over all files, and their expected total (0 when unknown). */
  readonly loaded: number;
  readonly total: number;
}

export interface LoadedDataset {
  readonly manifest: Manifest;
  /** Tables present in the database (optional ones may be missing). */
  readonly tables: ReadonlySet<TableName>;
  /** Tables of the dataset left for later (`defer`), each with what loads it into the database when called. */
  readonly later: ReadonlyMap<TableName, (signal: AbortSignal) => Promise<void>>;
  /**
   * The value lists that loading left to the derived tables' ENUM casts (CHECKED_BY_ENUM_CAST): run them when
   * building those fails, to say which column holds which value.
   */
  readonly listedChecks: readonly (() => Promise<void>)[];
}

/**
 * The derived tables of a loaded dataset (buildDerivedTables). When building fails, the value lists loading left to
 * their ENUM casts are checked first: a value outside a list is the likely cause, and its error names the column.
 */
export async function buildLoadedTables(
  engine: QueryEngine,
  loaded: LoadedDataset,
  present: ReadonlySet<TableName> = loaded.tables,
  options: BuildOptions = {},
): Promise<Set<string>> {
  try {
    return await buildDerivedTables(engine, present, options);
  } catch (error) {
    for (const check of loaded.listedChecks) await check();
    throw error;
  }
}

const PROGRESS_INTERVAL_MS = 100;

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
    throw new DatasetError(
      'manifest-invalid',
      `The manifest ${url.href} is not valid JSON: ${(error as Error).message}`,
    );
  }
  return { manifest: checkManifest(parsed, url.href), base: url };
}

/**
 * Loads every table the manifest lists into the engine's database, as tables named after the kit's schema. The
 * files start downloading at once; `opening` (DuckDB still starting, typically) is awaited before the first insert.
 */
export async function loadFromManifest(
  opening: QueryEngine | Promise<QueryEngine>,
  manifest: Manifest,
  base: URL,
  signal: AbortSignal,
  onProgress: (p: LoadProgress) => void,
  mapping: ColumnMapping | null = null,
  defer: ReadonlySet<TableName> = new Set(),
): Promise<LoadedDataset> {
  const listed = presentTables(manifest.tables);
  const entries = listed.filter(([name]) => !defer.has(name));
  const later = new Map(
    listed
      .filter(([name]) => defer.has(name))
      .map(([name, entry]) => [
        name,
        async (signal: AbortSignal) => {
          const bytes = await fetchBytes(
            new URL(entry.file, base).href,
            signal,
            () => undefined,
            `table "${name}" (${entry.file})`,
            declaredSize(entry),
          );
          const check = await insertTable(await opening, name, entry, bytes, columnMapping(name, entry, mapping));
          await check();
        },
      ]),
  );
  const mappings = new Map(entries.map(([name, entry]) => [name, columnMapping(name, entry, mapping)]));
  const sizes = entries.map(([, e]) => declaredSize(e));
  let total = sizes.reduce((a, b) => a + b, 0);
  const received = new Map<TableName, number>();
  let reported = -Infinity;
  const report = (phase: LoadProgress['phase'], table?: TableName) =>
    onProgress({ phase, table, loaded: [...received.values()].reduce((a, b) => a + b, 0), total });

  // Every file downloads at once and is loaded in order as it arrives. When one fails, the others are stopped, and
  // their failures (awaited by nobody now) are caught here rather than left as unhandled rejections.
  const downloading = new AbortController();
  const stop = () => downloading.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  const downloads = entries.map(async ([name, entry]) => {
    const url = new URL(entry.file, base).href;
    const progress: ByteProgress = (loaded, expected) => {
      if (!received.has(name) && expected > 0 && !declaredSize(entry)) total += expected;
      received.set(name, loaded);
      // A report re-renders every element's progress bar: a few per second, not one per 64 KiB chunk (hundreds),
      // which would take the main thread from DuckDB starting meanwhile.
      const now = performance.now();
      if (now - reported < PROGRESS_INTERVAL_MS) return;
      reported = now;
      report('download', name);
    };
    return [
      name,
      entry,
      await fetchBytes(url, downloading.signal, progress, `table "${name}" (${entry.file})`, declaredSize(entry)),
    ] as const;
  });
  for (const download of downloads) download.catch(() => undefined);
  const loaded = new Set<TableName>();
  const listedChecks: (() => Promise<void>)[] = [];
  try {
    const engine = await opening;
    for (const download of downloads) {
      const [name, entry, bytes] = await download;
      signal.throwIfAborted();
      report('load', name);
      listedChecks.push(await insertTable(engine, name, entry, bytes, mappings.get(name)!));
      loaded.add(name);
    }
  } finally {
    signal.removeEventListener('abort', stop);
    downloading.abort();
  }
  return { manifest, tables: loaded, later, listedChecks };
}

export async function loadInMemory(
  engine: QueryEngine,
  dataset: InMemoryDataset,
  mapping: ColumnMapping | null = null,
  defer: ReadonlySet<TableName> = new Set(),
): Promise<LoadedDataset> {
  const loaded = new Set<TableName>();
  const given = dataset.manifest?.tables ?? {};
  const tables: Partial<Record<TableName, ManifestTable>> = {};
  for (const name of TABLE_NAMES) {
    if (given[name] || dataset.files[name])
      tables[name] = { ...given[name], file: given[name]?.file ?? `${name} (in memory)` };
  }
  const manifest = checkManifest({ schemaVersion: 1, ...dataset.manifest, tables }, 'of the in-memory dataset');
  const entries = TABLE_NAMES.filter((name) => dataset.files[name]).map((name) => {
    const entry = manifest.tables[name]!;
    return [name, entry, columnMapping(name, entry, mapping)] as const;
  });
  const later = new Map<TableName, (signal: AbortSignal) => Promise<void>>();
  const listedChecks: (() => Promise<void>)[] = [];
  for (const [name, entry, columns] of entries) {
    const file = dataset.files[name]!;
    // DuckDB-WASM transfers the buffer to its worker, detaching it: copy, so the caller's data stays intact.
    const insert = () =>
      insertTable(
        engine,
        name,
        entry,
        file instanceof Uint8Array ? file.slice() : new Uint8Array(file.slice(0)),
        columns,
      );
    if (defer.has(name)) {
      later.set(name, () => insert().then((check) => check()));
      continue;
    }
    listedChecks.push(await insert());
    loaded.add(name);
  }
  return { manifest, tables: loaded, later, listedChecks };
}

/** The manifest's `bytes` of a table, 0 when absent or not a size. */
const declaredSize = (entry: ManifestTable) =>
  typeof entry.bytes === 'number' && Number.isFinite(entry.bytes) ? Math.max(0, entry.bytes) : 0;

function presentTables(tables: Manifest['tables']): [TableName, ManifestTable][] {
  return TABLE_NAMES.filter((n) => tables[n]).map((n) => [n, tables[n]!]);
}

/** Inserts and coerces a table; returns the check of the value lists left to the derived tables (coerceTable). */
async function insertTable(
  engine: QueryEngine,
  name: TableName,
  entry: ManifestTable,
  bytes: Uint8Array,
  mapping: Record<string, string>,
): Promise<() => Promise<void>> {
  const format = tableFormat(entry, bytes);
  const raw = `mkt_raw_${name}`;
  if (format === 'arrow' || format === 'parquet') {
    const kind = format === 'arrow' ? 'Arrow IPC' : 'Parquet';
    let stream: Uint8Array;
    try {
      stream = format === 'arrow' ? arrowStream(bytes) : await parquetToArrowStream(bytes);
    } catch (error) {
      throw malformed(name, entry.file, kind, error);
    }
    try {
      await engine.insertArrowIPC(raw, stream);
    } catch (error) {
      throw malformed(name, entry.file, kind, error);
    }
  } else {
    if (bytes.byteLength === 0) throw malformed(name, entry.file, 'CSV', new Error('the file is empty (0 bytes)'));
    const file = `mkt_${name}.csv`;
    await engine.db.registerFileBuffer(file, bytes);
    // CSV is read as text and typed by the kit's schema (coerceTable): DuckDB's guesses could turn an id "007" into 7.
    const tsv = /\.tsv([?#].*)?$/i.test(entry.file) ? `, delim = '\t'` : '';
    try {
      await engine.exec(
        `CREATE TABLE ${ident(raw)} AS SELECT * FROM read_csv(${str(file)}, header = true, all_varchar = true${tsv})`,
      );
    } catch (error) {
      throw malformed(name, entry.file, 'CSV', error);
    } finally {
      await engine.db.dropFile(file).catch(() => undefined);
    }
  }
  return coerceTable(engine, name, raw, mapping, entry.file, CHECKED_BY_ENUM_CAST[name]);
}
