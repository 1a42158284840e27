import { findPlace, placeIndex, type PlaceIndex } from './places.js';
import { US_STATES } from './us-states.js';
import { BRAZIL_STATES } from './brazil-states.js';
import { WORLD_COUNTRIES } from './world-countries.js';

/** The maps the kit ships (README, "Maps"). */
export const BUILT_IN_MAPS = ['world', 'us-states', 'brazil-states'] as const;
export type BuiltInMap = (typeof BUILT_IN_MAPS)[number];

export function isBuiltInMap(value: string): value is BuiltInMap {
  return (BUILT_IN_MAPS as readonly string[]).includes(value);
}

/** The names and codes of each built-in map's regions, known without loading the map. */
export const BUILT_IN_PLACES: Readonly<Record<BuiltInMap, PlaceIndex>> = {
  world: placeIndex(WORLD_COUNTRIES),
  'us-states': placeIndex(US_STATES),
  'brazil-states': placeIndex(BRAZIL_STATES),
};

/** How well a map's names fit a dataset's regions. */
export interface MapFit {
  readonly map: BuiltInMap;
  /** Distinct regions of the data that name one of the map's regions. */
  readonly matched: number;
  /** Their weight (customers). */
  readonly weight: number;
}

/** Ties go to the map listed first: the kit's generated data is American. */
const PREFERENCE: readonly BuiltInMap[] = ['us-states', 'world', 'brazil-states'];

/**
 * The built-in map whose names and codes match the most of the data's regions ("SP", "RJ": Brazil; "United
 * Kingdom", "EIRE": world); on a tie, the one whose matches weigh more, then US states, world, Brazil. Null when
 * no map knows any of them.
 */
export function detectMap(regions: readonly { readonly region: string; readonly weight: number }[]): MapFit | null {
  let best: MapFit | null = null;
  for (const map of PREFERENCE) {
    let matched = 0;
    let weight = 0;
    for (const r of regions) {
      if (findPlace(BUILT_IN_PLACES[map], r.region) === undefined) continue;
      matched++;
      weight += r.weight;
    }
    if (matched > 0 && (!best || matched > best.matched || (matched === best.matched && weight > best.weight)))
      best = { map, matched, weight };
  }
  return best;
}
