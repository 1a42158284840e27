import { rename, rm } from 'node:fs/promises';
import type { TableName } from '../schema/tables.js';
import { str } from '../metrics/sql.js';
import { validateSchema } from '../data/validate-schema.js';
import { checkDataQuality } from '../data/data-quality.js';
import { buildDerivedTables } from '../data/derived-tables.js';
import { loadFolder } from './load-folder.js';
import { NodeDatabase } from './node-database.js';

/** The table where `prepare` records what `serve` needs besides the tables: the manifest, the data issues. */
export const META_TABLE = 'mkt_server_meta';

/**
 * `marketkit prepare <folder> --out file.duckdb`: loads the dataset folder, validates it, checks its data and
 * builds the derived tables once, into a DuckDB file that `serve` opens read-only and starts from in seconds. The
 * file is written beside `out` and renamed into place at the end: a failed run leaves no half-built database.
 */
export async function prepareDatabase(
  folder: string,
  out: string,
  log: (line: string) => void = () => undefined,
  memoryLimit?: string,
): Promise<void> {
  const partial = `${out}.partial`;
  const spillTo = `${out}.spill`;
  await rm(partial, { force: true });
  await rm(`${partial}.wal`, { force: true });
  const memory = memoryLimit ? { limit: memoryLimit, spillTo } : undefined;
  const db = await NodeDatabase.open(partial, { readOnly: false, memory });
  try {
    const started = Date.now();
    const loaded = await loadFolder(db, folder, (name: TableName) => log(`loading ${name}`));
    log('validating, checking the data, building the derived tables');
    await validateSchema(db, loaded.tables);
    const issues = await checkDataQuality(db, loaded.tables, loaded.manifest);
    const derived = await buildDerivedTables(db, loaded.tables);
    const tables = [...loaded.tables, ...derived];
    await db.exec(`CREATE TABLE ${META_TABLE} AS SELECT 1 AS protocol, ${str(JSON.stringify(loaded.manifest))} AS manifest,
      ${str(JSON.stringify(issues))} AS issues, ${str(JSON.stringify(tables))} AS tables`);
    await db.exec('CHECKPOINT');
    log(`prepared ${tables.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    db.close();
    await rm(partial, { force: true });
    await rm(spillTo, { recursive: true, force: true });
    throw error;
  }
  db.close();
  await rm(spillTo, { recursive: true, force: true });
  await rename(partial, out);
}
