import { findPlace, type PlaceIndex } from './places.js';

/** The data's regions sorted onto a map. */
export interface RegionMatch<R> {
  /** The rows of each drawn region (two rows when the data names one region two ways: "USA", "United States"). */
  readonly byFeature: ReadonlyMap<string, readonly R[]>;
  /** Rows that name no region the map draws, in their order: shown in a list, never dropped. */
  readonly unmatched: readonly R[];
}

/** Sorts rows onto the regions of a map, by every name and code the map knows for them (`places`). */
export function matchRegions<R extends { readonly region: string }>(
  rows: readonly R[],
  places: PlaceIndex,
  drawn: ReadonlySet<string>,
): RegionMatch<R> {
  const byFeature = new Map<string, R[]>();
  const unmatched: R[] = [];
  for (const row of rows) {
    const id = findPlace(places, row.region);
    if (id === undefined || !drawn.has(id)) {
      unmatched.push(row);
      continue;
    }
    const list = byFeature.get(id);
    if (list) list.push(row);
    else byFeature.set(id, [row]);
  }
  return { byFeature, unmatched };
}
