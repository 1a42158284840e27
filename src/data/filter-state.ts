/**
 * The dashboard's filter state: one immutable object, replaced (never mutated) on every change so that
 * `@lit/context` consumers and `@lit/task` arguments notice it.
 */
export interface FilterState {
  /** First day included, `YYYY-MM-DD`, or null for the start of the data. */
  readonly dateFrom: string | null;
  /** Last day included, `YYYY-MM-DD`, or null for the end of the data. */
  readonly dateTo: string | null;
  /** Product categories; empty means all. */
  readonly categories: readonly string[];
  /** Seller tiers; empty means all. */
  readonly tiers: readonly string[];
  /** Customer regions; empty means all. */
  readonly regions: readonly string[];
  /** RFM segment of the customers (rules-based, computed over the other filters); null means all. */
  readonly segment: string | null;
  /** Customer cohort, the month of the first completed purchase as `YYYY-MM`; null means all. */
  readonly cohort: string | null;
}

export type FilterKey = keyof FilterState;
export type FilterPatch = Partial<{ -readonly [K in FilterKey]: FilterState[K] }>;

export const EMPTY_FILTERS: FilterState = Object.freeze({
  dateFrom: null,
  dateTo: null,
  categories: Object.freeze([]) as readonly string[],
  tiers: Object.freeze([]) as readonly string[],
  regions: Object.freeze([]) as readonly string[],
  segment: null,
  cohort: null,
});

const LIST_KEYS = ['categories', 'tiers', 'regions'] as const;
const DATE_KEYS = ['dateFrom', 'dateTo'] as const;
const TEXT_KEYS = ['segment', 'cohort'] as const;
export const FILTER_KEYS: readonly FilterKey[] = [...DATE_KEYS, ...LIST_KEYS, ...TEXT_KEYS];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const MAX_LIST = 500;
/** Longest filter value: a category or region of the data must fit (names of a few thousand characters exist). */
const MAX_TEXT = 4000;

export class FilterValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid filter change: ${problems.join('; ')}`);
    this.name = 'FilterValidationError';
  }
}

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Applies a patch from an event to a state. Unknown keys, wrong types, impossible dates and reversed ranges are
 * rejected as a whole (the state stays valid and unchanged) with a `FilterValidationError` listing every problem.
 */
export function applyFilterPatch(state: FilterState, patch: unknown): FilterState {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new FilterValidationError(['the detail must be an object of filter values']);
  }
  const problems: string[] = [];
  const next: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(patch)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      problems.push(`unknown filter "${key}" (known: ${FILTER_KEYS.join(', ')})`);
    } else if ((DATE_KEYS as readonly string[]).includes(key)) {
      if (value === null || value === undefined || value === '') next[key] = null;
      else if (typeof value === 'string' && isValidDate(value)) next[key] = value;
      else problems.push(`${key} must be a YYYY-MM-DD date or null, got ${describe(value)}`);
    } else if ((LIST_KEYS as readonly string[]).includes(key)) {
      if (value === null || value === undefined) next[key] = EMPTY_FILTERS.categories;
      else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length > MAX_TEXT)) {
        problems.push(`${key} must be an array of strings, got ${describe(value)}`);
      } else if (value.length > MAX_LIST) problems.push(`${key} has ${value.length} values; at most ${MAX_LIST}`);
      else next[key] = Object.freeze([...new Set(value as string[])].sort());
    } else if (value === null || value === undefined || value === '') next[key] = null;
    else if (typeof value !== 'string' || value.length > MAX_TEXT) {
      problems.push(`${key} must be a string or null, got ${describe(value)}`);
    } else if (key === 'cohort' && !MONTH.test(value))
      problems.push(`cohort must be a YYYY-MM month, got ${describe(value)}`);
    else next[key] = value;
  }
  const from = next.dateFrom as string | null;
  const to = next.dateTo as string | null;
  if (problems.length === 0 && from && to && from > to) problems.push(`dateFrom ${from} is after dateTo ${to}`);
  if (problems.length > 0) throw new FilterValidationError(problems);
  return sameFilters(state, next as unknown as FilterState) ? state : Object.freeze(next as unknown as FilterState);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function sameFilters(a: FilterState, b: FilterState): boolean {
  return FILTER_KEYS.every((key) => {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return x === y;
  });
}

/** True when no filter narrows the data. */
export function isUnfiltered(state: FilterState): boolean {
  return sameFilters(state, EMPTY_FILTERS);
}
