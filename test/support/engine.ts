import { startDuckDB } from '../../src/data/duckdb.js';
import { QueryEngine } from '../../src/data/query-engine.js';
import { buildLoadedTables, loadInMemory, type InMemoryDataset } from '../../src/data/load-dataset.js';
import { validateSchema } from '../../src/data/validate-schema.js';
import { rows } from '../../src/data/arrow-rows.js';

/**
 * A real DuckDB-WASM database with a dataset loaded and prepared exactly as `<mkt-data>` does it (`lean`: as it
 * does for a page of lean elements, before a query needs the rest; see src/components/data/lean-start.ts).
 */
export async function openEngine(
  dataset: InMemoryDataset,
  { lean = false } = {},
): Promise<{ engine: QueryEngine; close(): Promise<void> }> {
  const handle = await startDuckDB();
  const { db } = handle;
  const engine = await QueryEngine.open(db);
  const loaded = await loadInMemory(engine, dataset);
  await validateSchema(engine, loaded.tables);
  await buildLoadedTables(engine, loaded, loaded.tables, { lean });
  return {
    engine,
    async close() {
      await engine.close();
      await handle.close();
    },
  };
}

/** Runs SQL and returns plain row objects. */
export async function sql<T extends Record<string, unknown>>(engine: QueryEngine, text: string): Promise<T[]> {
  return rows<T>(await engine.query(text));
}
