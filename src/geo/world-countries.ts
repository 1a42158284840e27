import codes from 'i18n-iso-countries/codes.json';
import english from 'i18n-iso-countries/langs/en.json';
import { placeIndex, type Place } from './places.js';

/** Names data often uses that i18n-iso-countries' English list does not have. */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  BN: ['Brunei'],
  CV: ['Cabo Verde'],
  FK: ['Falkland Islands'],
  FM: ['Micronesia'],
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  IE: ['EIRE', 'Republic of Ireland'],
  KR: ['Korea'],
  LA: ['Laos'],
  MD: ['Moldova'],
  MM: ['Burma'],
  MO: ['Macau'],
  NL: ['Holland'],
  SY: ['Syria'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  VA: ['Vatican', 'Vatican City'],
  VN: ['Viet Nam'],
  ZA: ['RSA'],
};

const names = english.countries as Readonly<Record<string, string | readonly string[]>>;

/**
 * The countries of ISO 3166-1 (from the i18n-iso-countries package) by English name and its variants,
 * alpha-2 ("GB"), alpha-3 ("GBR") and numeric code ("826", as world-atlas keys its features).
 */
export const WORLD_COUNTRIES: readonly Place[] = (codes as readonly (readonly string[])[]).map(
  ([alpha2, alpha3, numeric]) => {
    const own = names[alpha2] ?? alpha2;
    const [name, ...others] = typeof own === 'string' ? [own] : own;
    return { id: alpha2, name, aliases: [alpha3, numeric, ...others, ...(VARIANTS[alpha2] ?? [])] };
  },
);
export const WORLD_COUNTRY_INDEX = placeIndex(WORLD_COUNTRIES);
