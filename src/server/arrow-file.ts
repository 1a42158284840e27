import { createRequire } from 'node:module';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecordBatchReader, RecordBatchStreamWriter, type RecordBatch, type Schema } from 'apache-arrow';
import { ident, str } from '../metrics/sql.js';
import type { NodeDatabase } from './node-database.js';

type ParquetWasm = typeof import('parquet-wasm/node');
const parquet = createRequire(import.meta.url)('parquet-wasm/node') as ParquetWasm;

/** Rows converted at a time: memory stays bounded by one part, whatever the size of the file. */
const PART_ROWS = 500_000;

/**
 * Loads an Arrow IPC file or stream into table `name`. Native DuckDB reads Arrow only through an extension it
 * downloads, so the file is read here, a few record batches at a time (apache-arrow's streaming reader), each part
 * turned into a Parquet file by parquet-wasm (the kit's own Parquet reader and writer) that DuckDB then appends.
 * Rows keep their order: `rowid` is the file's order, as in the browser.
 */
export async function insertArrowFile(db: NodeDatabase, name: string, file: string): Promise<void> {
  const handle = await open(file);
  const parts = await mkdtemp(path.join(os.tmpdir(), 'marketkit-arrow-'));
  try {
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    // Read now: the reader forgets its schema once the last batch is read.
    const schema = reader.schema;
    if (!schema || schema.fields.length === 0) throw new Error('it has no columns');
    let batches: RecordBatch[] = [];
    let rows = 0;
    let part = 0;
    const flush = async () => {
      const target = path.join(parts, `part-${part}.parquet`);
      await writeFile(target, toParquet(schema, batches));
      await db.exec(
        part === 0
          ? `CREATE TABLE ${ident(name)} AS SELECT * FROM read_parquet(${str(target)})`
          : `INSERT INTO ${ident(name)} SELECT * FROM read_parquet(${str(target)})`,
      );
      await rm(target);
      [batches, rows, part] = [[], 0, part + 1];
    };
    for await (const batch of reader) {
      batches.push(batch);
      rows += batch.numRows;
      if (rows >= PART_ROWS) await flush();
    }
    if (rows > 0 || part === 0) await flush();
  } finally {
    await handle.close();
    await rm(parts, { recursive: true, force: true });
  }
}

function toParquet(schema: Schema, batches: readonly RecordBatch[]): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  for (const batch of batches) writer.write(batch);
  writer.finish();
  const properties = new parquet.WriterPropertiesBuilder().setCompression(parquet.Compression.UNCOMPRESSED).build();
  return parquet.writeParquet(parquet.Table.fromIPCStream(writer.toUint8Array(true)), properties);
}
