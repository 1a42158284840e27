import type { ColumnMapping, Manifest, ManifestTable, TableFormat } from '../schema/manifest.js';
import { SCHEMA, TABLE_NAMES, type TableName } from '../schema/tables.js';
import { DatasetError } from './dataset-error.js';

/*
 * Reading a dataset's manifest: what the browser's loader (load-dataset.ts) and the server's
 * (src/server/load-folder.ts) both check before loading a table.
 */

const FORMATS: readonly TableFormat[] = ['arrow', 'parquet', 'csv'];

/** The parsed manifest, checked for what the loaders read: a `tables` object, a `file` and a known `format` per table. */
export function checkManifest(value: unknown, where: string): Manifest {
  const m = value as Manifest;
  if (!m || typeof m !== 'object' || !m.tables || typeof m.tables !== 'object') {
    throw new DatasetError('manifest-invalid', `The manifest ${where} has no "tables" object.`);
  }
  for (const [name, entry] of Object.entries(m.tables)) {
    if (!(TABLE_NAMES as readonly string[]).includes(name)) continue;
    if (!entry || typeof entry.file !== 'string' || entry.file === '') {
      throw new DatasetError('manifest-invalid', `The manifest entry for table "${name}" has no "file".`, {
        table: name,
      });
    }
    if (entry.format !== undefined && !FORMATS.includes(entry.format)) {
      throw new DatasetError(
        'manifest-invalid',
        `The manifest entry for table "${name}" has format "${entry.format}"; use one of ${FORMATS.join(', ')}.`,
        { table: name },
      );
    }
    if (
      entry.columns !== undefined &&
      (typeof entry.columns !== 'object' || entry.columns === null || Array.isArray(entry.columns))
    ) {
      throw new DatasetError(
        'manifest-invalid',
        `The manifest entry for table "${name}" has "columns" that is not an object { kitColumn: "yourColumn" }.`,
        { table: name },
      );
    }
  }
  return m;
}

const EXTENSIONS: Record<string, TableFormat> = {
  arrow: 'arrow',
  arrows: 'arrow',
  ipc: 'arrow',
  feather: 'arrow',
  parquet: 'parquet',
  csv: 'csv',
  tsv: 'csv',
};

/** `format` when given; else the file's extension; else the bytes (`PAR1` is Parquet); else Arrow IPC. */
export function tableFormat(entry: ManifestTable, bytes?: Uint8Array): TableFormat {
  if (entry.format) return entry.format;
  const extension = /\.([a-z]+)$/i.exec(entry.file.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension];
  const magic = bytes && bytes.length >= 4 ? String.fromCharCode(...bytes.subarray(0, 4)) : '';
  return magic === 'PAR1' ? 'parquet' : 'arrow';
}

/** The manifest's `columns` for a table, overridden column by column by the `mapping` property; checked against the schema. */
export function columnMapping(
  name: TableName,
  entry: ManifestTable,
  mapping: ColumnMapping | null | undefined,
): Record<string, string> {
  const merged: Record<string, string> = { ...entry.columns, ...mapping?.[name] };
  const known = SCHEMA[name].columns.map((c) => c.name);
  for (const [kit, user] of Object.entries(merged)) {
    if (!known.includes(kit)) {
      throw new DatasetError(
        'manifest-invalid',
        `The column mapping of table "${name}" names "${kit}", which is not one of its columns (${known.join(', ')}). A mapping reads { kitColumn: "yourColumn" }.`,
        { table: name, column: kit },
      );
    }
    if (typeof user !== 'string' || user === '') {
      throw new DatasetError(
        'manifest-invalid',
        `The column mapping of "${name}.${kit}" must be a column name (a non-empty string).`,
        { table: name, column: kit },
      );
    }
  }
  return merged;
}

/** A table file that cannot be read as what it claims to be. */
export function malformed(table: TableName, file: string, kind: string, error: unknown): DatasetError {
  const reason = (error as Error)?.message ?? String(error);
  return new DatasetError('file-malformed', `Table "${table}": ${file} is not a readable ${kind} file (${reason}).`, {
    table,
  });
}
