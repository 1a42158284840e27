// demo/data/datasets.json lists the dataset folders of demo/data that hold a manifest, so that the demo offers
// only those (demo/demo-datasets.ts) without probing for missing files (a 404 per page). Written by `npm start`,
// the end-to-end run and `npm run convert:olist` whenever they add a dataset.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeDatasetIndex(root = 'demo/data') {
  if (!existsSync(root)) return;
  const datasets = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'manifest.json')))
    .map((d) => d.name)
    .sort();
  writeFileSync(path.join(root, 'datasets.json'), JSON.stringify({ datasets }, null, 2) + '\n');
}
