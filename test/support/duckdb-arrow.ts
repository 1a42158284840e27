import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';

/**
 * The Arrow IPC bytes DuckDB itself writes for a query's result (duckdb-wasm's C++ Arrow writer, not the JS
 * library): `file` is what `runQuery` returns (the IPC file format), `stream` the header and chunks of a streamed
 * result, as `send()` receives them.
 */
export async function duckdbArrowBytes(db: AsyncDuckDB, sql: string, format: 'file' | 'stream'): Promise<Uint8Array> {
  const connection = await db.connect();
  try {
    return await connection.useUnsafe(async (bindings, id) => {
      if (format === 'file') return bindings.runQuery(id, sql);
      let header = await bindings.startPendingQuery(id, sql);
      while (header === null) header = await bindings.pollPendingQuery(id);
      const chunks = [header];
      for (;;) {
        const chunk = await bindings.fetchQueryResults(id);
        if (chunk === null) continue;
        if (chunk.length === 0) break;
        chunks.push(chunk);
      }
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    });
  } finally {
    await connection.close();
  }
}
