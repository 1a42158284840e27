// Converts the real Olist data (../shared/data, or $MARKETKIT_SHARED_DATA, or --from) into a marketkit dataset:
// `npm run convert:olist -- --out demo/data/olist`. DuckDB (@duckdb/node-api) runs the same SQL the tests run
// in the browser with DuckDB-WASM (generator/olist/convert-sql.ts). The shared data is only read; nothing of it is copied into the repo.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
// @ts-expect-error: plain ES module of the demo, shared with npm start and the end-to-end run (no types).
import { writeDatasetIndex } from '../demo/data-index.mjs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  OLIST_OUTPUT,
  OLIST_SOURCES,
  olistConversionSql,
  olistCopySql,
  olistManifest,
  type OlistSource,
} from './olist/convert-sql.js';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'demo/data/olist' }, from: { type: 'string' } },
});
const from = path.resolve(values.from ?? process.env.MARKETKIT_SHARED_DATA ?? '../shared/data');
const out = path.resolve(values.out!);
const missing = Object.values(OLIST_SOURCES).filter((f) => !existsSync(path.join(from, f)));
if (missing.length > 0) {
  console.error(
    `The Olist files are not in ${from} (missing ${missing.join(', ')}). Pass --from or set MARKETKIT_SHARED_DATA.`,
  );
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

for (const sql of olistConversionSql((source: OlistSource) => literal(path.join(from, OLIST_SOURCES[source]))))
  await connection.run(sql);
mkdirSync(out, { recursive: true });
const rows: Record<string, number> = {};
const bytes: Record<string, number> = {};
for (const table of Object.keys(OLIST_OUTPUT) as (keyof typeof OLIST_OUTPUT)[]) {
  await connection.run(olistCopySql(table, literal(path.join(out, OLIST_OUTPUT[table].file))));
  const [[n]] = (await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM olist_${table}`)).getRows();
  rows[table] = Number(n);
  bytes[table] = statSync(path.join(out, OLIST_OUTPUT[table].file)).size;
}
writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(olistManifest(rows, bytes), null, 2) + '\n');
// Into the demo's data folder: the demo now offers it (demo/data-index.mjs).
if (path.dirname(out) === path.resolve('demo/data')) writeDatasetIndex();
connection.closeSync();
instance.closeSync();
console.log(
  `Wrote the Olist dataset to ${path.relative(process.cwd(), out) || out}: ${Object.entries(rows)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')}`,
);
