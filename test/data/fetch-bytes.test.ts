import { expect } from '@open-wc/testing';
import { fetchBytes } from '../../src/data/fetch-bytes.js';

/** 300,000 bytes, each its index mod 251 (a prime, so no chunk boundary lines up with the pattern). */
const SOURCE = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
const CHUNK = 64 * 1024;

/**
 * A response streaming SOURCE in 64 KiB chunks, with no Content-Length (as a server compressing on the fly, or the
 * benchmark's file server, sends it). `bytes`: a byte stream, which a BYOB reader can read; else a default stream.
 */
function streamed(kind: 'bytes' | 'default', contentLength?: number): Response {
  let at = 0;
  const next = () => {
    const chunk = SOURCE.slice(at, at + CHUNK);
    at += chunk.byteLength;
    return chunk;
  };
  const body =
    kind === 'bytes'
      ? new ReadableStream({
          type: 'bytes',
          pull(controller) {
            if (at < SOURCE.byteLength) return controller.enqueue(next());
            // A byte stream answers a reader's pending buffer when it closes, as the browser's fetch bodies do.
            controller.close();
            controller.byobRequest?.respond(0);
          },
        })
      : new ReadableStream<Uint8Array>({
          pull(controller) {
            if (at >= SOURCE.byteLength) return controller.close();
            controller.enqueue(next());
          },
        });
  const headers: Record<string, string> =
    contentLength === undefined ? {} : { 'content-length': String(contentLength) };
  return new Response(body, { headers });
}

describe('fetchBytes', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  const load = async (response: Response, sizeHint?: number) => {
    window.fetch = async () => response;
    const progress: number[] = [];
    const bytes = await fetchBytes(
      '/data/t.arrow',
      new AbortController().signal,
      (n) => progress.push(n),
      't',
      sizeHint,
    );
    return { bytes, progress };
  };

  for (const kind of ['bytes', 'default'] as const) {
    // Hints: none, exact, too small (grows), too large (trimmed), and ones not believed (not a size, absurd).
    for (const hint of [undefined, 300_000, 1_000, 5_000_000, NaN, -5, 1e15]) {
      it(`returns every byte, in order, from a ${kind} stream with size hint ${hint}`, async () => {
        const { bytes, progress } = await load(streamed(kind), hint);
        expect(bytes.byteLength).to.equal(300_000);
        expect(bytes.buffer.byteLength).to.equal(300_000, 'no spare room kept');
        expect(bytes.every((b, i) => b === i % 251)).to.equal(true);
        expect(progress.at(-1)).to.equal(300_000);
        expect(progress.every((n, i) => i === 0 || n > progress[i - 1])).to.equal(true, 'progress only grows');
      });
    }
  }

  it('reads a fetched body straight into its buffer when the browser streams it as bytes', async () => {
    // A real fetch (of a blob URL): Chromium gives its body as a byte stream.
    const url = URL.createObjectURL(new Blob([SOURCE]));
    try {
      const body = (await fetch(url)).body!;
      expect(() => body.getReader({ mode: 'byob' }).releaseLock()).not.to.throw();
      const bytes = await fetchBytes(url, new AbortController().signal, () => undefined, 'blob', 300_000);
      expect(bytes.byteLength).to.equal(300_000);
      expect(bytes[299_999]).to.equal(299_999 % 251);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('believes a Content-Length smaller than the body (a compressed one) only as a start', async () => {
    const { bytes } = await load(streamed('bytes', 10_000));
    expect(bytes.byteLength).to.equal(300_000);
    expect(bytes[123_456]).to.equal(123_456 % 251);
  });

  it('returns an empty body as no bytes', async () => {
    const empty = new ReadableStream({
      type: 'bytes',
      pull(controller) {
        controller.close();
        controller.byobRequest?.respond(0);
      },
    });
    window.fetch = async () => new Response(empty);
    const bytes = await fetchBytes('/e', new AbortController().signal, () => undefined, 'e', 4096);
    expect(bytes.byteLength).to.equal(0);
  });
});
