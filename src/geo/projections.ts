import {
  geoBounds,
  geoConicEqualArea,
  geoEqualEarth,
  geoIdentity,
  type GeoIdentityTransform,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3';

/** What a map is drawn with: a projection, or the identity for coordinates already projected. */
export type MapProjection = GeoProjection | GeoIdentityTransform;

/**
 * An equal-area conic for a country or a region, centred on the features, with its standard parallels at 1/6 and
 * 5/6 of their latitudes (Deetz and Adams' rule; for Brazil it gives about IBGE's −2° and −22°). Equal area, so
 * that a large region does not look more important than it is. The chart fits it to its size.
 */
export function fittedConic(object: GeoPermissibleObjects): GeoProjection {
  const [[west, south], [east, north]] = geoBounds(object);
  const span = north - south;
  const centre = east >= west ? (west + east) / 2 : (west + east + 360) / 2;
  return geoConicEqualArea()
    .rotate([-centre, 0])
    .parallels([south + span / 6, north - span / 6]);
}

/** Equal Earth (Šavrič, Patterson and Jenny 2018): an equal-area world projection for world choropleths. */
export const worldProjection = (): GeoProjection => geoEqualEarth();

/**
 * Coordinates already projected (us-atlas's `*-albers-*.json`, or a GeoJSON in metres) are drawn as they are,
 * y pointing down as on screen; the chart scales them to its size.
 */
export const planarProjection = (): MapProjection => geoIdentity();

/** True when some coordinate is outside longitude/latitude ranges: the file is already projected. */
export function isPlanar(object: unknown): boolean {
  let planar = false;
  const visit = (c: unknown): void => {
    if (planar || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      if (Math.abs(c[0]) > 180 || Math.abs(c[1] as number) > 90) planar = true;
      return;
    }
    for (const inner of c) visit(inner);
  };
  const walk = (o: unknown): void => {
    if (planar || !o || typeof o !== 'object') return;
    const g = o as {
      type?: string;
      coordinates?: unknown;
      geometry?: unknown;
      features?: unknown[];
      geometries?: unknown[];
    };
    if (g.coordinates) visit(g.coordinates);
    if (g.geometry) walk(g.geometry);
    for (const f of g.features ?? []) walk(f);
    for (const f of g.geometries ?? []) walk(f);
  };
  walk(object);
  return planar;
}
