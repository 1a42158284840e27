import { DatasetError } from './dataset-error.js';

/** URL schemes a dataset file may come from; a `javascript:` or `file:` link is refused before any request. */
const FETCHABLE = ['http', 'https', 'blob', 'data'];

export type ByteProgress = (loaded: number, expected: number) => void;

/** Fetches a file as bytes, reporting progress as it streams in; HTTP and network failures name the file. */
export async function fetchBytes(
  url: string,
  signal: AbortSignal,
  onProgress: ByteProgress,
  what: string,
): Promise<Uint8Array> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && !FETCHABLE.includes(scheme)) {
    throw new DatasetError(
      'fetch-failed',
      `Could not download ${what}: a ${scheme}: URL is not a file (use http:, https:, blob: or data:).`,
    );
  }
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetError('fetch-failed', `Could not download ${what} from ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    throw new DatasetError(
      'fetch-failed',
      `Could not download ${what}: ${url} answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const expected = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // Copy each chunk into one buffer as it arrives: joining hundreds of MB at the end would be one long main-thread task.
  let bytes = new Uint8Array(expected > 0 ? expected : 1 << 20);
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.byteLength > bytes.byteLength) {
      // No or a wrong Content-Length (a compressed response): grow by doubling.
      const grown = new Uint8Array(Math.max(bytes.byteLength * 2, loaded + value.byteLength));
      grown.set(bytes.subarray(0, loaded));
      bytes = grown;
    }
    bytes.set(value, loaded);
    loaded += value.byteLength;
    onProgress(loaded, expected);
  }
  return loaded === bytes.byteLength ? bytes : bytes.slice(0, loaded);
}
