import { DuckDBInstance, type DuckDBConnection, type DuckDBResult, type DuckDBValue } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import type { SqlDatabase } from '../data/sql-database.js';
import { arrowTable } from './arrow-encode.js';

/** How much memory DuckDB may hold (its size syntax: `2GB`), and the folder it spills the rest to. */
export interface MemoryBound {
  readonly limit: string;
  readonly spillTo: string;
}

/**
 * A DuckDB database file (or `:memory:`) opened by native DuckDB, as the data layer's `SqlDatabase`. Opened
 * `readOnly` for serving: DuckDB then refuses every statement that writes, file access (read_csv, COPY, ATTACH,
 * INSTALL) is off, and the configuration is locked, so that not even a statement the server built could change it.
 */
export class NodeDatabase implements SqlDatabase {
  private readonly connections: DuckDBConnection[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly main: DuckDBConnection,
  ) {
    this.connections.push(main);
  }

  static async open(
    path: string,
    { readOnly, memory }: { readOnly: boolean; memory?: MemoryBound },
  ): Promise<NodeDatabase> {
    // In this order: DuckDB refuses a temp_directory set after external access is off.
    const options: Record<string, string> = {
      ...(memory ? { memory_limit: memory.limit, temp_directory: memory.spillTo } : {}),
      ...(readOnly ? { access_mode: 'READ_ONLY', enable_external_access: 'false', lock_configuration: 'true' } : {}),
    };
    const instance = await DuckDBInstance.create(path, options);
    return new NodeDatabase(instance, await instance.connect());
  }

  /** Runs one statement on the main connection and returns all of its result. */
  async exec(sql: string): Promise<Table> {
    return readResult(await this.main.run(sql));
  }

  /** A connection of its own (one per query running at once: `interrupt()` stops what its connection runs). */
  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    this.connections.push(connection);
    return connection;
  }

  close(): void {
    for (const connection of this.connections.splice(0)) connection.closeSync();
    this.instance.closeSync();
  }
}

/** Thrown by `readResult` past `maxRows`; the query runner answers `result-too-large`. */
export class TooManyRows extends Error {
  constructor(readonly maxRows: number) {
    super(`more than ${maxRows} rows`);
    this.name = 'TooManyRows';
  }
}

/** A result as an Arrow table, read chunk by chunk: a result past `maxRows` stops at the first chunk beyond it. */
export async function readResult(result: DuckDBResult, maxRows = Number.POSITIVE_INFINITY): Promise<Table> {
  const types = result.columnTypes();
  const columns: DuckDBValue[][] = types.map(() => []);
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    rows += chunk.rowCount;
    if (rows > maxRows) throw new TooManyRows(maxRows);
    chunk.getColumns().forEach((values, i) => {
      for (const value of values) columns[i].push(value);
    });
  }
  return arrowTable(result.deduplicatedColumnNames(), types, columns);
}
