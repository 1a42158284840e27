import { geoPath } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import defaultAtlasUrl from 'us-atlas/states-albers-10m.json?url';

/** One US state as an SVG path in the atlas's own 975 × 610 Albers USA frame. */
export interface StateShape {
  readonly name: string;
  readonly d: string;
}

/** The frame us-atlas's pre-projected files are drawn in. */
export const US_ATLAS_SIZE = { width: 975, height: 610 } as const;
export { defaultAtlasUrl };

const cache = new Map<string, Promise<StateShape[]>>();

/**
 * The US states of a us-atlas `states-albers-10m.json` (TopoJSON, already projected to Albers USA with Alaska and
 * Hawaii inset) as SVG paths, fetched once per URL.
 */
export function loadUsStates(url: string = defaultAtlasUrl): Promise<StateShape[]> {
  let hit = cache.get(url);
  if (!hit) {
    hit = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`The US map could not be loaded from ${url} (HTTP ${r.status}).`);
        return r.json() as Promise<Topology<{ states: GeometryCollection<{ name: string }> }>>;
      })
      .then((topology) => {
        const path = geoPath();
        const states = feature(topology, topology.objects.states);
        return states.features.map((f) => ({ name: String(f.properties?.name ?? ''), d: path(f) ?? '' }));
      });
    hit.catch(() => cache.delete(url));
    cache.set(url, hit);
  }
  return hit;
}
