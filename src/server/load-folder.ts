import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ManifestTable } from '../schema/manifest.js';
import { TABLE_NAMES, type TableName } from '../schema/tables.js';
import { ident, str } from '../metrics/sql.js';
import { DatasetError } from '../data/dataset-error.js';
import { checkManifest, columnMapping, malformed, tableFormat } from '../data/dataset-manifest.js';
import { coerceTable } from '../data/coerce-table.js';
import { insertArrowFile } from './arrow-file.js';
import type { NodeDatabase } from './node-database.js';

export interface LoadedFolder {
  readonly manifest: Manifest;
  readonly tables: ReadonlySet<TableName>;
}

/**
 * Loads a dataset folder (its `manifest.json` and the files it lists: Arrow IPC, Parquet or CSV, with the
 * manifest's column mapping) into `db` as the kit's tables, typed and checked by the same code as in the browser
 * (coerce-table.ts). Every table loads now: the server has no first paint to hurry.
 */
export async function loadFolder(
  db: NodeDatabase,
  folder: string,
  onTable: (name: TableName) => void = () => undefined,
): Promise<LoadedFolder> {
  const where = path.join(folder, 'manifest.json');
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch {
    throw new DatasetError('manifest-invalid', `There is no readable manifest.json in ${folder}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DatasetError('manifest-invalid', `The manifest ${where} is not valid JSON: ${(error as Error).message}`);
  }
  const manifest = checkManifest(parsed, where);
  const tables = new Set<TableName>();
  for (const name of TABLE_NAMES) {
    const entry = manifest.tables[name];
    if (!entry) continue;
    onTable(name);
    await loadTable(db, name, entry, folder);
    tables.add(name);
  }
  return { manifest, tables };
}

async function loadTable(db: NodeDatabase, name: TableName, entry: ManifestTable, folder: string): Promise<void> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.file))
    throw new DatasetError(
      'manifest-invalid',
      `Table "${name}": the server reads files of the dataset folder, not URLs (${entry.file}).`,
      { table: name },
    );
  const file = path.resolve(folder, entry.file);
  const format = tableFormat(entry, await firstBytes(file, name, entry.file));
  const raw = `mkt_raw_${name}`;
  const kind = { arrow: 'Arrow IPC', parquet: 'Parquet', csv: 'CSV' }[format];
  try {
    if (format === 'arrow') await insertArrowFile(db, raw, file);
    else if (format === 'parquet')
      await db.exec(`CREATE TABLE ${ident(raw)} AS SELECT * FROM read_parquet(${str(file)})`);
    else {
      // As in the browser: read as text and typed by the kit's schema (DuckDB's guesses could turn an id "007" into 7).
      const tsv = /\.tsv$/i.test(file) ? `, delim = '\t'` : '';
      await db.exec(
        `CREATE TABLE ${ident(raw)} AS SELECT * FROM read_csv(${str(file)}, header = true, all_varchar = true${tsv})`,
      );
    }
  } catch (error) {
    throw malformed(name, entry.file, kind, error);
  }
  await coerceTable(db, name, raw, columnMapping(name, entry, null), entry.file);
}

async function firstBytes(file: string, table: TableName, given: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file);
  } catch {
    throw new DatasetError('fetch-failed', `Table "${table}": the file ${given} is not in the dataset folder.`, {
      table,
    });
  }
  try {
    const bytes = new Uint8Array(4);
    const { bytesRead } = await handle.read(bytes, 0, 4, 0);
    if (bytesRead === 0) throw malformed(table, given, 'data', new Error('the file is empty (0 bytes)'));
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
