import { EMPTY_FILTERS, FILTER_KEYS, LIST_KEYS, type FilterPatch, type FilterState } from './filter-state.js';

/**
 * Filters in the query string, one parameter per filter, prefixed by the data element's id so that two
 * dashboards on one page keep separate links: `?shop.categories=Books,Toys&shop.dateFrom=2025-01-01`.
 */
const LISTS: ReadonlySet<string> = new Set(LIST_KEYS);

export function readUrlFilters(id: string, search = location.search): FilterPatch | null {
  const params = new URLSearchParams(search);
  const patch: Record<string, unknown> = {};
  let any = false;
  for (const key of FILTER_KEYS) {
    const values = params.getAll(`${id}.${key}`);
    if (values.length === 0) continue;
    any = true;
    patch[key] = LISTS.has(key) ? values.filter((v) => v !== '') : values[0];
  }
  return any ? (patch as FilterPatch) : null;
}

export function writeUrlFilters(id: string, filters: FilterState): void {
  const url = new URL(location.href);
  for (const key of FILTER_KEYS) url.searchParams.delete(`${id}.${key}`);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === EMPTY_FILTERS[key] || value === null) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(`${id}.${key}`, v);
    else url.searchParams.set(`${id}.${key}`, value as string);
  }
  if (url.href !== location.href) history.pushState(null, '', url);
}
