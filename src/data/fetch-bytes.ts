import { DatasetError } from './dataset-error.js';

export type ByteProgress = (loaded: number, expected: number) => void;

/** Fetches a file as bytes, reporting progress as it streams in; HTTP and network failures name the file. */
export async function fetchBytes(url: string, signal: AbortSignal, onProgress: ByteProgress, what: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetError('fetch-failed', `Could not download ${what} from ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    throw new DatasetError('fetch-failed', `Could not download ${what}: ${url} answered ${response.status} ${response.statusText}`.trim());
  }
  const expected = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, expected);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
