/**
 * The demo's optional datasets (demo/data/<folder>/): a folder counts as present only when its manifest is JSON
 * with tables. A dev server answers a missing file with its index page, which is why a bare `fetch().ok` is not
 * enough: without this check the Olist switch led to one JSON parse error per dashboard.
 */
export const OPTIONAL_DATASETS = [{ folder: 'olist', label: 'Olist (real)', make: 'npm run convert:olist' }] as const;

const checks = new Map<string, Promise<boolean>>();

export function datasetExists(folder: string): Promise<boolean> {
  let check = checks.get(folder);
  if (!check) {
    check = fetch(`./data/${folder}/manifest.json`)
      .then(async (response) => {
        if (!response.ok) return false;
        const manifest = JSON.parse(await response.text()) as { tables?: unknown };
        return typeof manifest.tables === 'object' && manifest.tables !== null;
      })
      .catch(() => false);
    checks.set(folder, check);
  }
  return check;
}
