import type { TableName } from './tables.js';

export type TableFormat = 'arrow' | 'parquet' | 'csv';

export interface ManifestTable {
  /** File path, relative to the manifest's URL (or absolute). */
  readonly file: string;
  /**
   * `arrow` (Arrow IPC stream or file), `parquet` or `csv` (with a header line; `.tsv` files are tab separated).
   * When absent: by the file's extension (.arrow/.arrows/.ipc/.feather, .parquet, .csv/.tsv), else Arrow IPC.
   */
  readonly format?: TableFormat;
  readonly rows?: number;
  /**
   * The file's size in bytes: the total of the progress bar, and the size of the buffer the file downloads into,
   * when the server sends no Content-Length. Optional; a wrong size costs time, never data.
   */
  readonly bytes?: number;
  /** Maps the kit's column names to the names used in the file: `{ order_date: 'purchased_at' }`. */
  readonly columns?: Readonly<Record<string, string>>;
}

/**
 * Column names per table, `{ [table]: { [kitColumn]: userColumn } }`: the `mapping` property of `<mkt-data>`.
 * Its entries override the manifest's `columns` of the same table, column by column.
 */
export type ColumnMapping = Readonly<Partial<Record<TableName, Readonly<Record<string, string>>>>>;

/** `manifest.json`: what a dataset folder holds. Written by the generator, read by `<mkt-data>`. */
export interface Manifest {
  readonly schemaVersion: number;
  readonly name?: string;
  readonly seed?: number;
  readonly scale?: number;
  readonly dateRange?: { readonly start: string; readonly end: string };
  readonly tables: Partial<Record<TableName, ManifestTable>>;
  /** Anything else a generator wants to record (planted anomalies, parameters). */
  readonly [extra: string]: unknown;
}
