/** A region a map can draw, and every way data may name it (names, codes, variants). */
export interface Place {
  /** The code the kit keys it by: ISO 3166-1 alpha-2 for countries, the postal code for US and Brazilian states. */
  readonly id: string;
  /** Its usual English (or, for Brazilian states, Portuguese) name. */
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Places by every key their names and codes reduce to; `null` marks a key that names two places. */
export interface PlaceIndex {
  readonly byKey: ReadonlyMap<string, string | null>;
  readonly byId: ReadonlyMap<string, Place>;
}

/**
 * A region name reduced to what tells regions apart: case, accents, dots, apostrophes, other punctuation and
 * extra spaces do not ("U.S.A." is "usa", "São Paulo" is "sao paulo", "Côte d’Ivoire" is "cote divoire").
 */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function placeIndex(places: Iterable<Place>): PlaceIndex {
  const byKey = new Map<string, string | null>();
  const byId = new Map<string, Place>();
  for (const place of places) {
    byId.set(place.id, place);
    for (const alias of [place.id, place.name, ...place.aliases]) {
      const key = placeKey(alias);
      if (!key) continue;
      const seen = byKey.get(key);
      byKey.set(key, seen === undefined || seen === place.id ? place.id : null);
    }
  }
  return { byKey, byId };
}

/** The id of the place a region names, or undefined when it names none, or several ("Congo"). */
export function findPlace(index: PlaceIndex, region: string): string | undefined {
  return index.byKey.get(placeKey(region)) ?? undefined;
}
