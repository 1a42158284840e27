// The server's results read as DuckDB-WASM's: the tiny marketplace loaded into DuckDB-WASM (its Node build) by the
// browser's own code, and every named query's rows() compared with the server's answer to the same request.
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Table } from 'apache-arrow';
import { rows } from '../../src/data/arrow-rows.js';
import { arrowStream } from '../../src/data/arrow-ipc.js';
import { coerceTable } from '../../src/data/coerce-table.js';
import { buildDerivedTables } from '../../src/data/derived-tables.js';
import { applyFilterPatch, EMPTY_FILTERS, type FilterState } from '../../src/data/filter-state.js';
import type { SqlDatabase } from '../../src/data/sql-database.js';
import { validateSchema } from '../../src/data/validate-schema.js';
import { buildQuery, type NamedQuery, type QueryName } from '../../src/queries/registry.js';
import type { TableName } from '../../src/schema/tables.js';
import type { RunningServer } from '../../src/server/server.js';
import { SAMPLES } from '../fixtures/query-samples.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { arrowOf, postQuery, testServer } from './support.js';

interface BlockingConnection {
  query(sql: string): Table;
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create: boolean }): void;
}

/** DuckDB-WASM's blocking Node build with the tiny marketplace, loaded and prepared as the browser does. */
async function wasmTiny(): Promise<SqlDatabase> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb = require(entry);
  const dist = path.dirname(entry);
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const connection = db.connect() as BlockingConnection;
  const database: SqlDatabase = { exec: async (sql) => connection.query(sql) };
  const tables = new Set<TableName>();
  for (const [name, bytes] of Object.entries(tinyDataset().files) as [TableName, Uint8Array][]) {
    connection.insertArrowFromIPCStream(arrowStream(bytes), { name: `mkt_raw_${name}`, create: true });
    await coerceTable(database, name, `mkt_raw_${name}`, {}, `${name}.arrow`);
    tables.add(name);
  }
  await validateSchema(database, tables);
  await buildDerivedTables(database, tables);
  return database;
}

/** rows() with list cells as arrays, so that two results compare by value. */
function plainRows(table: Table): Record<string, unknown>[] {
  return rows(table).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v && typeof v === 'object' && Symbol.iterator in v ? [...(v as Iterable<unknown>)] : v,
      ]),
    ),
  );
}

function assertSameValues(server: unknown, wasm: unknown, where: string): void {
  if (typeof server === 'number' && typeof wasm === 'number') {
    assert.ok(Math.abs(server - wasm) <= 1e-9 * Math.max(1, Math.abs(wasm)), `${where}: ${server} ≠ ${wasm}`);
    return;
  }
  if (Array.isArray(server) && Array.isArray(wasm)) {
    assert.equal(server.length, wasm.length, `${where}: length`);
    server.forEach((v, i) => assertSameValues(v, wasm[i], `${where}[${i}]`));
    return;
  }
  if (server && wasm && typeof server === 'object' && typeof wasm === 'object') {
    assert.deepEqual(Object.keys(server), Object.keys(wasm), `${where}: columns`);
    for (const key of Object.keys(wasm))
      assertSameValues((server as never)[key], (wasm as never)[key], `${where}.${key}`);
    return;
  }
  assert.equal(server, wasm, where);
}

const isFilters = (value: unknown): value is FilterState =>
  !!value && typeof value === 'object' && 'dateFrom' in value && 'categories' in value;
// The samples' filters name values the tiny marketplace lacks; these select real rows.
const FILTERS = [
  EMPTY_FILTERS,
  applyFilterPatch(EMPTY_FILTERS, { categories: ['Electronics', 'Books'], tiers: ['gold', 'silver'] }),
];

describe('the server reads as DuckDB-WASM', () => {
  let server: RunningServer;
  let wasm: SqlDatabase;
  before(async () => {
    [server, wasm] = await Promise.all([testServer(), wasmTiny()]);
  });
  after(() => server.close());

  it('every named query gives the same rows() on the server as in DuckDB-WASM', async () => {
    let compared = 0;
    let rowsCompared = 0;
    const failingInBoth: string[] = [];
    for (const [name, queries] of Object.entries(SAMPLES) as [QueryName, readonly NamedQuery[]][]) {
      for (const q of queries) {
        const variants = isFilters(q.args[0]) ? FILTERS.map((f) => [f, ...q.args.slice(1)]) : [[...q.args]];
        for (const args of variants) {
          const sent = JSON.parse(JSON.stringify(args)) as NamedQuery['args'];
          let expected: Table;
          try {
            expected = await wasm.exec(buildQuery(name, sent));
          } catch {
            const response = await postQuery(server, { name, args: sent });
            assert.equal(response.status, 500, `${name} fails in DuckDB-WASM but not on the server`);
            failingInBoth.push(name);
            continue;
          }
          const actual = await arrowOf(await postQuery(server, { name, args: sent }));
          const [a, e] = [plainRows(actual), plainRows(expected)];
          assertSameValues(a, e, name);
          assert.deepEqual(
            actual.schema.fields.map((f) => f.name),
            expected.schema.fields.map((f) => f.name),
          );
          compared++;
          rowsCompared += e.length;
        }
      }
    }
    // The tiny marketplace has no payments, campaigns or support tickets: those queries fail in both.
    assert.ok(compared >= 60, `only ${compared} results compared; failing in both: ${failingInBoth.join(', ')}`);
    assert.ok(rowsCompared >= 200, `only ${rowsCompared} rows compared`);
  });

  it('types read the same: integers, doubles, BIGINT, text, booleans, NULL, dates, timestamps, lists, enums', async () => {
    const sql = `SELECT 1::INTEGER AS i, 10000000000::BIGINT AS b, 1.5::DOUBLE AS d, 'x' AS s, true AS t,
      NULL::VARCHAR AS n, DATE '2025-01-02' AS day, DATE '1960-03-01' AS old_day,
      TIMESTAMP '2025-01-02 03:04:05.678' AS ts, [1, 2]::INTEGER[] AS ints, ['a', NULL] AS texts,
      'gold'::mkt_tier AS tier, 3::UTINYINT AS small, 2.5::FLOAT AS f`;
    const expected = plainRows(await wasm.exec(sql));
    const actual = plainRows(await server.runner()!.run(sql, new AbortController().signal));
    assertSameValues(actual, expected, 'types');
    assert.deepEqual(actual[0].day, Date.UTC(2025, 0, 2));
  });
});
