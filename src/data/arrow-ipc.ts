import { MessageHeader, MessageReader } from 'apache-arrow';

const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/**
 * Checks an Arrow IPC file or stream without decoding its columns (so a file of hundreds of MB costs the main
 * thread a walk over message headers, not a parse) and returns it in the stream format DuckDB reads.
 * Throws with a short reason when it is not Arrow, has no columns, or is cut short.
 */
export function arrowStream(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) throw new Error('the file is empty (0 bytes)');
  const stream = isFileFormat(bytes) ? fileBody(bytes) : bytes;
  const reader = new MessageReader(stream);
  const schema = reader.readSchema(true);
  if (!schema || schema.fields.length === 0) throw new Error('it has no columns');
  for (let message = reader.readMessage(); message; message = reader.readMessage()) {
    if (message.headerType === MessageHeader.Schema) throw new Error('it holds a second schema');
    reader.readMessageBody(message.bodyLength);
  }
  return stream;
}

function isFileFormat(bytes: Uint8Array): boolean {
  return bytes.length > 6 && String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1';
}

/**
 * The Arrow file format is `ARROW1` + padding, the stream format, a footer, its length and `ARROW1` again:
 * the stream is cut out of the middle (no copy unless the writer left out the end-of-stream marker).
 */
function fileBody(bytes: Uint8Array): Uint8Array {
  const n = bytes.byteLength;
  if (n < 18 || String.fromCharCode(...bytes.subarray(n - 6)) !== 'ARROW1')
    throw new Error('the Arrow file is cut short (no footer)');
  const footer = new DataView(bytes.buffer, bytes.byteOffset + n - 10, 4).getInt32(0, true);
  const end = n - 10 - footer;
  if (footer <= 0 || end < 8) throw new Error('the Arrow file footer is damaged');
  const body = bytes.subarray(8, end);
  if (body.length >= 8 && body.subarray(body.length - 8).every((b, i) => b === EOS[i])) return body;
  const withEos = new Uint8Array(body.length + EOS.length);
  withEos.set(body);
  withEos.set(EOS, body.length);
  return withEos;
}
