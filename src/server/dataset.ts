import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Manifest } from '../schema/manifest.js';
import { TABLE_NAMES, type TableName } from '../schema/tables.js';
import { column, rows } from '../data/arrow-rows.js';
import { DatasetError } from '../data/dataset-error.js';
import { checkDataQuality, type DataIssue } from '../data/data-quality.js';
import { readDatasetInfo, type DatasetInfo } from '../data/dataset-info.js';
import { validateSchema } from '../data/validate-schema.js';
import { NodeDatabase } from './node-database.js';
import { META_TABLE, prepareDatabase } from './prepare.js';

/** The database a server answers from, opened read-only, and what `GET dataset` tells about it. */
export interface ServedDataset {
  readonly db: NodeDatabase;
  readonly info: DatasetInfo;
  readonly manifest: Manifest | null;
  readonly issues: readonly DataIssue[];
  /** Closes the database and removes the temporary file a folder was prepared into. */
  close(): Promise<void>;
}

/**
 * Opens what `serve` was given. A `.duckdb` file (from `prepare`) opens read-only as it is. A dataset folder is
 * prepared first into a temporary DuckDB file (removed on close), then opened read-only the same way: the data is
 * never changed in place, and queries run on a database that refuses writes. Past `memoryLimit`, DuckDB spills
 * to a temporary folder, removed on close too.
 */
export async function openDataset(
  source: string,
  log: (line: string) => void = () => undefined,
  memoryLimit?: string,
): Promise<ServedDataset> {
  const temporary = await mkdtemp(path.join(os.tmpdir(), 'marketkit-serve-'));
  let file = source;
  let db: NodeDatabase;
  try {
    if ((await stat(source)).isDirectory()) {
      file = path.join(temporary, 'dataset.duckdb');
      await prepareDatabase(source, file, log, memoryLimit);
    }
    const memory = memoryLimit ? { limit: memoryLimit, spillTo: path.join(temporary, 'spill') } : undefined;
    db = await NodeDatabase.open(file, { readOnly: true, memory });
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    db.close();
    await rm(temporary, { recursive: true, force: true });
  };
  try {
    const { manifest, issues, tables } = await describe(db);
    const info = await readDatasetInfo(db, new Set(tables));
    return { db, info, manifest, issues, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What `prepare` recorded; for a DuckDB file made otherwise, its kit tables checked now. */
async function describe(
  db: NodeDatabase,
): Promise<{ manifest: Manifest | null; issues: readonly DataIssue[]; tables: readonly string[] }> {
  const present = column<string>(
    await db.exec(`SELECT table_name AS v FROM information_schema.tables WHERE table_schema = 'main'`),
    'v',
  );
  if (present.includes(META_TABLE)) {
    const [meta] = rows<{ manifest: string; issues: string; tables: string }>(
      await db.exec(`SELECT manifest, issues, tables FROM ${META_TABLE}`),
    );
    return { manifest: JSON.parse(meta.manifest), issues: JSON.parse(meta.issues), tables: JSON.parse(meta.tables) };
  }
  const kit = new Set(TABLE_NAMES.filter((name) => present.includes(name)));
  await validateSchema(db, kit);
  if (!present.includes('mkt_orders'))
    throw new DatasetError(
      'table-missing',
      'The DuckDB file has the kit\'s tables but not the derived ones (mkt_orders, ...): make it with "marketkit prepare".',
    );
  const issues = await checkDataQuality(db, kit as ReadonlySet<TableName>, null);
  return {
    manifest: null,
    issues,
    tables: present.filter((name) => kit.has(name as TableName) || name.startsWith('mkt_')),
  };
}
