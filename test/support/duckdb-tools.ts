import { tableToIPC, type Table } from 'apache-arrow';
import initParquet, { Table as WasmTable, writeParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { startDuckDB } from '../../src/data/duckdb.js';

/**
 * An Arrow table written as Parquet (parquet-wasm's writer: DuckDB-WASM cannot write Parquet without downloading
 * its parquet extension, which tests and offline pages cannot do).
 */
export async function parquetOf(table: Table): Promise<Uint8Array> {
  await initParquet({ module_or_path: parquetWasmUrl });
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')));
}

/** Runs work against a throwaway DuckDB-WASM (to convert or to compute expected figures independently). */
export async function withDuckDB<T>(
  work: (db: Awaited<ReturnType<typeof startDuckDB>>['db'], run: (sql: string) => Promise<Table>) => Promise<T>,
): Promise<T> {
  const { db, worker } = await startDuckDB();
  const connection = await db.connect();
  try {
    return await work(db, (sql) => connection.query(sql));
  } finally {
    await connection.close();
    await db.terminate();
    worker.terminate();
  }
}
