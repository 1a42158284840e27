import type { Table } from 'apache-arrow';

/**
 * What loading, validation, data checks and derived tables need of a database: run one statement, get its result
 * as an Arrow table. The browser's `QueryEngine` (DuckDB-WASM) and the server's native DuckDB adapter
 * (src/server/node-database.ts) both satisfy it, so that both build the same tables with the same code.
 */
export interface SqlDatabase {
  exec(sql: string): Promise<Table>;
}
