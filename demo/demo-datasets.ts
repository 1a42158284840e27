/**
 * The demo's optional datasets (demo/data/<folder>/), offered only when demo/data/datasets.json lists them
 * (demo/data-index.mjs writes it). Without the list, the Olist switch used to load a dataset that was not
 * there: one JSON parse error per dashboard.
 */
export const OPTIONAL_DATASETS = [{ folder: 'olist', label: 'Olist (real)', make: 'npm run convert:olist' }] as const;

let present: Promise<ReadonlySet<string>> | null = null;

export function datasetExists(folder: string): Promise<boolean> {
  present ??= fetch('./data/datasets.json')
    .then(async (response) => {
      if (!response.ok) return new Set<string>();
      const index = JSON.parse(await response.text()) as { datasets?: unknown };
      return new Set(Array.isArray(index.datasets) ? index.datasets.map(String) : []);
    })
    .catch(() => new Set<string>());
  return present.then((folders) => folders.has(folder));
}
