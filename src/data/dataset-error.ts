import type { MktErrorCode } from '../events/error.js';

/** A problem with the dataset or a query, with a code a program can switch on and a message a person can act on. */
export class DatasetError extends Error {
  constructor(
    readonly code: MktErrorCode,
    message: string,
    readonly where: { readonly table?: string; readonly column?: string } = {},
  ) {
    super(message);
    this.name = 'DatasetError';
  }
}

export function toDatasetError(error: unknown, fallback: MktErrorCode): DatasetError {
  if (error instanceof DatasetError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DatasetError(fallback, message);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : (error as Error)?.name === 'AbortError';
}
