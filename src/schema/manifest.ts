import type { TableName } from './tables.js';

export type TableFormat = 'arrow' | 'parquet' | 'csv';

export interface ManifestTable {
  /** File path, relative to the manifest's URL (or absolute). */
  readonly file: string;
  /** Defaults to `arrow` (Arrow IPC stream or file). */
  readonly format?: TableFormat;
  readonly rows?: number;
  /** Maps the kit's column names to the names used in the file: `{ order_date: 'purchased_at' }`. */
  readonly columns?: Readonly<Record<string, string>>;
}

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
