/**
 * npm run generate -- --scale 1 --seed 42 --out data/demo [--years 2] [--plant-anomalies] [--progress] [--batch-rows N]
 * Writes <table>.arrow (Arrow IPC streams) and manifest.json into --out.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TableName } from '../src/schema/tables.js';
import { writeDataset } from './core/write-dataset.js';

const USAGE =
  'usage: npm run generate -- --out <dir> [--scale 1] [--seed 42] [--years 2] [--plant-anomalies] [--progress] [--batch-rows 200000]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string', default: '1' },
        seed: { type: 'string', default: '42' },
        years: { type: 'string', default: '2' },
        out: { type: 'string' },
        'plant-anomalies': { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
        'batch-rows': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) fail('');
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 1 || years > 20)
    fail(`--years must be a whole number from 1 to 20, got ${values.years}`);
  const batchRows = values['batch-rows'] === undefined ? undefined : Number(values['batch-rows']);
  if (!values.out) fail('--out is required');
  if (!(scale > 0)) fail(`--scale must be a positive number, got ${values.scale}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail(`--seed must be an integer in [0, 2^32), got ${values.seed}`);
  if (batchRows !== undefined && !(Number.isInteger(batchRows) && batchRows > 0))
    fail('--batch-rows must be a positive integer');
  return {
    out: values.out,
    options: { seed, scale, years, plantAnomalies: values['plant-anomalies'], batchRows },
    progress: values.progress || process.stderr.isTTY === true,
  };
}

async function main() {
  const { out, options, progress } = parseOptions();
  mkdirSync(out, { recursive: true });
  const files = new Map<TableName, number>();
  const started = performance.now();
  const manifest = await writeDataset(options, {
    open: (table) => {
      const fd = openSync(join(out, `${table}.arrow`), 'w');
      files.set(table, fd);
      return (chunk) => {
        for (let written = 0; written < chunk.byteLength;) written += writeSync(fd, chunk, written);
      };
    },
    onProgress: progress
      ? (done, total) => {
          if (done % 7 === 0 || done === total) process.stderr.write(`\rgenerating day ${done}/${total}`);
          if (done === total) process.stderr.write('\n');
        }
      : undefined,
  });
  for (const fd of files.values()) closeSync(fd);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = Object.entries(manifest.tables)
    .map(([t, spec]) => `${t} ${spec?.rows}`)
    .join(', ');
  console.error(`wrote ${out} in ${seconds} s: ${counts}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
