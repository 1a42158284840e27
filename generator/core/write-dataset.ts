/**
 * Encodes the generated batches as one Arrow IPC stream per table, handing each encoded chunk to a sink as
 * soon as it is produced (a file in Node, an in-memory list in the browser).
 */
import { AsyncByteQueue, RecordBatchStreamWriter } from 'apache-arrow';
import { TABLE_NAMES, type TableName } from '../../src/schema/tables.js';
import type { Manifest } from '../../src/schema/manifest.js';
import { arrowSchema } from './arrow-batch.js';
import { generateDataset, type ProgressCallback } from './generate.js';
import type { GeneratorOptions } from './params.js';

export type ChunkSink = (chunk: Uint8Array) => void;

/** The writer's byte queue, short-circuited: chunks go straight to the sink instead of being buffered. */
class ForwardingQueue extends AsyncByteQueue {
  constructor(private readonly sink: ChunkSink) {
    super();
  }

  override write(value: ArrayBufferView | ArrayBuffer | Uint8Array): void {
    const bytes =
      value instanceof Uint8Array
        ? value
        : ArrayBuffer.isView(value)
          ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
          : new Uint8Array(value);
    if (bytes.byteLength > 0) this.sink(bytes);
  }
}

export interface WriteHooks {
  /** Where the bytes of a table go. */
  readonly open: (table: TableName) => ChunkSink;
  readonly onProgress?: ProgressCallback;
  /** Called between batches; return a promise to give the event loop a turn. */
  readonly pause?: () => Promise<void> | void;
}

export async function writeDataset(options: GeneratorOptions, hooks: WriteHooks): Promise<Manifest> {
  const writers = new Map<TableName, RecordBatchStreamWriter>();
  const sizes = new Map<TableName, number>();
  for (const table of TABLE_NAMES) {
    const writer = new RecordBatchStreamWriter();
    const sink = hooks.open(table);
    sizes.set(table, 0);
    const counted: ChunkSink = (chunk) => {
      sizes.set(table, sizes.get(table)! + chunk.byteLength);
      sink(chunk);
    };
    writer.reset(new ForwardingQueue(counted), arrowSchema(table));
    writers.set(table, writer);
  }
  const batches = generateDataset(options, hooks.onProgress);
  for (let next = batches.next(); ; next = batches.next()) {
    if (next.done) {
      for (const table of TABLE_NAMES) writers.get(table)!.finish();
      const tables = Object.entries(next.value.tables).map(([t, entry]) => [
        t,
        { ...entry, bytes: sizes.get(t as TableName) },
      ]);
      return { ...next.value, tables: Object.fromEntries(tables) };
    }
    writers.get(next.value.table)!.write(next.value.batch);
    await hooks.pause?.();
  }
}

export interface DatasetIPC {
  readonly manifest: Manifest;
  /** One Arrow IPC stream per table. */
  readonly tables: Record<TableName, Uint8Array>;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The whole dataset in memory, for tests and stories (use small scales). */
export async function generateDatasetIPC(options: GeneratorOptions): Promise<DatasetIPC> {
  const chunks = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Uint8Array[]])) as Record<TableName, Uint8Array[]>;
  const manifest = await writeDataset(options, {
    open: (table) => (chunk) => chunks[table].push(chunk),
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, concat(chunks[t])])) as Record<TableName, Uint8Array>;
  return { manifest, tables };
}
