import { MessageHeader, MessageReader, RecordBatchReader, RecordBatchStreamWriter, type Schema } from 'apache-arrow';

const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/**
 * An Arrow IPC file or stream, from any writer, checked and returned in the stream format DuckDB reads
 * (`insertArrowFromIPCStream`). The arrow library reads the framing (a stream's message headers, a file's footer);
 * no column is decoded, so a file of hundreds of MB costs the main thread a walk over headers and at most one copy.
 * Throws with a short reason when it is not Arrow, has no columns, or is cut short.
 */
export function arrowStream(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) throw new Error('the file is empty (0 bytes)');
  return isFileFormat(bytes) ? fileToStream(bytes) : checkStream(bytes);
}

/** The file format starts and ends with the magic `ARROW1`; anything else is read as a stream. */
function isFileFormat(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1';
}

function checkStream(bytes: Uint8Array): Uint8Array {
  const reader = new MessageReader(bytes);
  hasColumns(reader.readSchema(true));
  for (let message = reader.readMessage(); message; message = reader.readMessage()) {
    if (message.headerType === MessageHeader.Schema) throw new Error('it holds a second schema');
    reader.readMessageBody(message.bodyLength);
  }
  // DuckDB silently inserts nothing from a stream without the end-of-stream marker, which some writers leave out
  // (DuckDB's own streamed results among them).
  if (endsWithEos(bytes)) return bytes;
  const out = new Uint8Array(bytes.length + EOS.length);
  out.set(bytes);
  out.set(EOS, bytes.length);
  return out;
}

function endsWithEos(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(bytes.length - EOS.length);
  return tail.length === EOS.length && tail.every((b, i) => b === EOS[i]);
}

function hasColumns(schema: Schema | null | undefined): Schema {
  if (!schema || schema.fields.length === 0) throw new Error('it has no columns');
  return schema;
}

/**
 * A file's schema (from its footer: writers such as apache-arrow's `tableToIPC(table, 'file')` put it only
 * there), then its dictionary and record batch messages in file order, copied as they are, then end-of-stream.
 */
function fileToStream(bytes: Uint8Array): Uint8Array {
  let reader;
  try {
    reader = RecordBatchReader.from(bytes).open();
  } catch (error) {
    throw new Error(`the Arrow file is cut short or its footer is damaged (${(error as Error).message})`);
  }
  const footer = reader.isFile() ? reader.footer : null;
  if (!footer) throw new Error('the Arrow file is cut short (no footer)');
  const schema = hasColumns(footer.schema);
  const blocks = [
    ...Array.from({ length: reader.numDictionaries }, (_, i) => footer.getDictionaryBatch(i)),
    ...Array.from({ length: reader.numRecordBatches }, (_, i) => footer.getRecordBatch(i)),
  ]
    .map((b) => b && { start: b.offset, end: b.offset + b.metaDataLength + Number(b.bodyLength) })
    .sort((a, b) => (a?.start ?? 0) - (b?.start ?? 0));
  for (const block of blocks)
    if (!block || block.start < 8 || block.end > bytes.length) throw new Error('the Arrow file is cut short');
  const head = schemaMessage(schema);
  const size = head.length + blocks.reduce((n, b) => n + b!.end - b!.start, 0) + EOS.length;
  const out = new Uint8Array(size);
  out.set(head);
  let at = head.length;
  for (const block of blocks) {
    out.set(bytes.subarray(block!.start, block!.end), at);
    at += block!.end - block!.start;
  }
  out.set(EOS, at);
  return out;
}

/** The schema as an encapsulated IPC message, written by the arrow library's stream writer. */
function schemaMessage(schema: Schema): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  writer.finish();
  const stream = writer.toUint8Array(true);
  // The writer ends the (empty) stream with end-of-stream; the batches go before it.
  return stream.subarray(0, stream.length - EOS.length);
}
