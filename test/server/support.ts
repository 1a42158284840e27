// Helpers of the server's Node tests: the tiny marketplace as a dataset folder and as a prepared DuckDB file, a
// server on loopback, and requests to it.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { prepareDatabase } from '../../src/server/prepare.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/server.js';
import { DEFAULTS } from '../../src/server/cli-options.js';
import { NodeDatabase } from '../../src/server/node-database.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';

export const TOKEN = 'test-token-0123456789';

const made: string[] = [];
process.on('exit', () => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder, removed when the test process ends. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `marketkit-${prefix}-`));
  made.push(folder);
  return folder;
}

/** The tiny marketplace (test/fixtures/tiny-marketplace.ts) written as a dataset folder: Arrow files and a manifest. */
export function tinyFolder(): string {
  const folder = temporaryFolder('tiny');
  const dataset = tinyDataset();
  const tables: Record<string, { file: string }> = {};
  for (const [name, bytes] of Object.entries(dataset.files)) {
    writeFileSync(path.join(folder, `${name}.arrow`), bytes as Uint8Array);
    tables[name] = { file: `${name}.arrow` };
  }
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ schemaVersion: 1, ...dataset.manifest, tables }));
  return folder;
}

let prepared: Promise<string> | null = null;

/** The tiny marketplace prepared once per test file into a DuckDB file (what `marketkit prepare` writes). */
export function tinyDatabase(): Promise<string> {
  prepared ??= (async () => {
    const out = path.join(temporaryFolder('db'), 'tiny.duckdb');
    await prepareDatabase(tinyFolder(), out);
    return out;
  })();
  return prepared;
}

/** A server on loopback (any free port unless given) with the CLI's defaults, the test token and no log. */
export async function testServer(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    ...DEFAULTS,
    source: options.source ?? (await tinyDatabase()),
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    origins: ['https://shop.example'],
    log: () => undefined,
    ...options,
  });
  await server.ready;
  return server;
}

export const url = (server: RunningServer, route: string) => `http://127.0.0.1:${server.port}/${route}`;

export const auth = { Authorization: `Bearer ${TOKEN}` };

/** POSTs a query request (any body: an object is sent as JSON) with the token. */
export function postQuery(
  server: RunningServer,
  body: unknown,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(url(server, 'query'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth, ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal,
  });
}

/** A 200 answer's Arrow table; anything else fails with the error body. */
export async function arrowOf(response: Response): Promise<Table> {
  if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
  if (response.headers.get('content-type') !== 'application/vnd.apache.arrow.stream')
    throw new Error(`content type ${response.headers.get('content-type')}`);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

/** An error answer's `{ code, message }`. */
export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

/**
 * The tiny marketplace plus 20,000 order lines of one customer, each of another product: co-purchase pairs by
 * customer then join 4·10⁸ pairs, a named query that runs for minutes unless it is interrupted.
 */
export async function slowDatabase(): Promise<string> {
  const out = path.join(temporaryFolder('slow'), 'slow.duckdb');
  copyFileSync(await tinyDatabase(), out);
  const db = await NodeDatabase.open(out, { readOnly: false });
  await db.exec(`INSERT INTO mkt_orders BY NAME SELECT 'x' || i AS id, 1 AS customer_key, 1000 + i AS order_key,
    'px' || i AS product_id, DATE '2025-02-01' AS order_date, 'completed'::mkt_status AS status FROM range(20000) t(i)`);
  await db.exec('CHECKPOINT');
  db.close();
  return out;
}

/** The slow named query of `slowDatabase()`. */
export const SLOW_QUERY = {
  name: 'coPurchase',
  args: [EMPTY_FILTERS, null, { level: 'product', basket: 'customer', minCount: 1, limit: 5 }],
};

/** Resolves when `condition()` holds, checking every 20 ms; fails after `ms` (a bound on a hang, not a speed test). */
export async function until(condition: () => boolean, ms = 20000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
