import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServerError } from './errors.js';

/** `Authorization: Bearer <token>` matches, compared in constant time (hashes of equal length). */
export function authorized(req: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const header = req.headers.authorization ?? '';
  const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * CORS for the origins allowed (`--origin`, repeatable; `*` allows any). A request without an `Origin` header
 * (curl, a server) needs none; a request from a page of another origin is refused with `origin-not-allowed`.
 */
export function allowOrigin(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin === undefined) return;
  if (!origins.includes('*') && !origins.includes(origin))
    throw new ServerError('origin-not-allowed', 'This server does not answer pages of that origin.');
  res.setHeader('Access-Control-Allow-Origin', origins.includes('*') ? '*' : origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  res.setHeader('Access-Control-Max-Age', '600');
}

/**
 * The request body as text, refused with `request-too-large` past `maxBytes` (by its Content-Length before
 * reading, or as it arrives), and with `invalid-request` unless it is JSON: a page of another origin can post
 * text/plain without a preflight, never application/json.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json')
    throw new ServerError('invalid-request', 'The request body must be JSON (Content-Type: application/json).');
  const tooLarge = () =>
    new ServerError('request-too-large', `The request is larger than ${maxBytes} bytes, the most this server reads.`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ServerError('invalid-request', 'The request body is not valid JSON.');
  }
}
