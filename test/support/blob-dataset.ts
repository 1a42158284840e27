import { tinyDataset } from '../fixtures/tiny-marketplace.js';

/** The tiny marketplace as a manifest URL whose table files are blob URLs; `null` leaves a table out. */
export function blobDataset(overrides: Record<string, Uint8Array | null> = {}): string {
  const tables: Record<string, { file: string }> = {};
  const files = tinyDataset().files as Record<string, Uint8Array>;
  for (const name of Object.keys(files)) {
    const bytes = name in overrides ? overrides[name] : files[name];
    if (bytes === null) continue;
    tables[name] = { file: URL.createObjectURL(new Blob([bytes as BlobPart])) };
  }
  const manifest = new Blob([JSON.stringify({ schemaVersion: 1, tables })], { type: 'application/json' });
  return `${URL.createObjectURL(manifest)}#.json`;
}
