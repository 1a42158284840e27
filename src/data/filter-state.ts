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
  /**
   * Product ids; empty means all. Order lines of those products; a session by its first product (as the category
   * filter); a support ticket by the product of its order's line (see src/data/derived-tables.ts).
   */
  readonly products: readonly string[];
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
  products: Object.freeze([]) as readonly string[],
  segment: null,
  cohort: null,
});

/** The filters that hold a list of values. */
export const LIST_KEYS = ['categories', 'tiers', 'regions', 'products'] as const;
const DATE_KEYS = ['dateFrom', 'dateTo'] as const;
const TEXT_KEYS = ['segment', 'cohort'] as const;
export const FILTER_KEYS: readonly FilterKey[] = [...DATE_KEYS, ...LIST_KEYS, ...TEXT_KEYS];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const MAX_LIST = 500;
/**
 * Longest filter value that the data does not hold (a typo, a hostile link): a value the data holds is always
 * accepted, whatever its length (categories of 10,000 characters exist).
 */
const MAX_TEXT = 4000;
/** Longest value accepted before the data is known; checked again against the data once it is. */
const MAX_TEXT_UNKNOWN = 1_000_000;

/**
 * What the loaded data can answer: the days it covers and the values of its list filters. `DatasetInfo` is one.
 * Without it (before the data is loaded) only the form of a change is checked.
 */
export interface FilterDomain {
  readonly minDate: string | null;
  readonly maxDate: string | null;
  readonly categories: readonly string[];
  readonly tiers: readonly string[];
  readonly regions: readonly string[];
  /** Product ids, when known (a dataset may list tens of thousands; none are listed by `DatasetInfo`). */
  readonly products?: readonly string[];
}

/** A checked change: the new state, and what was adjusted to fit the data (a date clamped to its range). */
export interface FilterOutcome {
  readonly filters: FilterState;
  readonly adjustments: readonly string[];
}

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
 * Applies a patch from an event to a state. Unknown keys, wrong types, impossible dates, NUL bytes (no query can
 * hold one) and reversed ranges are rejected as a whole (the state stays valid and unchanged) with a
 * `FilterValidationError` listing every problem. With the data's `domain`, see {@link checkFilterPatch}.
 */
export function applyFilterPatch(state: FilterState, patch: unknown, domain: FilterDomain | null = null): FilterState {
  return checkFilterPatch(state, patch, domain).filters;
}

/**
 * {@link applyFilterPatch}, checked against what the data holds: a date outside the data's first and last day is
 * clamped to it (and said so in `adjustments`), a range that lies wholly outside the data is rejected, and a
 * value longer than MAX_TEXT is accepted only when the data holds it.
 */
export function checkFilterPatch(
  state: FilterState,
  patch: unknown,
  domain: FilterDomain | null = null,
): FilterOutcome {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new FilterValidationError(['the detail must be an object of filter values']);
  }
  const problems: string[] = [];
  const next: Record<string, unknown> = { ...state };
  const text = (key: string, value: unknown, known?: readonly string[]): string | null => {
    if (typeof value !== 'string') return null;
    if (value.includes('\u0000')) {
      problems.push(`${key} may not contain a NUL byte, got ${describe(value)}`);
      return '';
    }
    const limit = domain ? MAX_TEXT : MAX_TEXT_UNKNOWN;
    if (value.length > limit && !known?.includes(value)) {
      problems.push(
        `${key} has a value of ${value.length.toLocaleString('en-US')} characters that the data does not hold`,
      );
      return '';
    }
    return value;
  };
  for (const [key, value] of Object.entries(patch)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      problems.push(`unknown filter "${key}" (known: ${FILTER_KEYS.join(', ')})`);
    } else if ((DATE_KEYS as readonly string[]).includes(key)) {
      if (value === null || value === undefined || value === '') next[key] = null;
      else if (typeof value === 'string' && isValidDate(value)) next[key] = value;
      else problems.push(`${key} must be a YYYY-MM-DD date or null, got ${describe(value)}`);
    } else if ((LIST_KEYS as readonly string[]).includes(key)) {
      const known = domain?.[key as (typeof LIST_KEYS)[number]];
      if (value === null || value === undefined) next[key] = EMPTY_FILTERS.categories;
      else if (!Array.isArray(value) || value.some((v) => text(key, v, known) === null)) {
        problems.push(`${key} must be an array of strings, got ${describe(value)}`);
      } else if (value.length > Math.max(MAX_LIST, known?.length ?? 0))
        problems.push(`${key} has ${value.length} values; at most ${Math.max(MAX_LIST, known?.length ?? 0)}`);
      else next[key] = Object.freeze([...new Set(value as string[])].sort());
    } else if (value === null || value === undefined || value === '') next[key] = null;
    else if (text(key, value) === null) problems.push(`${key} must be a string or null, got ${describe(value)}`);
    else if (key === 'cohort' && !MONTH.test(value as string))
      problems.push(`cohort must be a YYYY-MM month, got ${describe(value)}`);
    else next[key] = value;
  }
  const from = next.dateFrom as string | null;
  const to = next.dateTo as string | null;
  if (problems.length === 0 && from && to && from > to) problems.push(`dateFrom ${from} is after dateTo ${to}`);
  const adjustments = problems.length === 0 && domain ? fitDates(next, domain, problems) : [];
  if (problems.length > 0) throw new FilterValidationError(problems);
  const filters = sameFilters(state, next as unknown as FilterState)
    ? state
    : Object.freeze(next as unknown as FilterState);
  return { filters, adjustments };
}

/**
 * Clamps the dates of `next` into the data's range (no query needs a day the data does not have, and days far
 * outside it, such as year 0001, break date arithmetic); a range wholly outside the data is a problem.
 */
function fitDates(next: Record<string, unknown>, domain: FilterDomain, problems: string[]): string[] {
  const { minDate, maxDate } = domain;
  if (!minDate || !maxDate) return [];
  const from = next.dateFrom as string | null;
  const to = next.dateTo as string | null;
  const span = `the data covers ${minDate} to ${maxDate}`;
  if ((from && from > maxDate) || (to && to < minDate)) {
    problems.push(`the range ${from ?? '…'} to ${to ?? '…'} holds no day of the data (${span})`);
    return [];
  }
  const adjustments: string[] = [];
  if (from && from < minDate) {
    next.dateFrom = minDate;
    adjustments.push(`dateFrom ${from} is before the data; ${minDate} is used (${span})`);
  }
  if (to && to > maxDate) {
    next.dateTo = maxDate;
    adjustments.push(`dateTo ${to} is after the data; ${maxDate} is used (${span})`);
  }
  return adjustments;
}

/**
 * A state set before the data was known (a link, an early event), fitted to the data once it is: each filter is
 * checked on its own, and one that cannot apply to this data is cleared, so that the others still hold.
 */
export function fitFiltersToData(state: FilterState, domain: FilterDomain): FilterOutcome {
  let filters = EMPTY_FILTERS;
  const adjustments: string[] = [];
  const dates = { dateFrom: state.dateFrom, dateTo: state.dateTo };
  const parts: FilterPatch[] = [
    dates,
    ...FILTER_KEYS.filter((k) => !k.startsWith('date')).map((k) => ({ [k]: state[k] })),
  ];
  for (const part of parts) {
    try {
      const outcome = checkFilterPatch(filters, part, domain);
      filters = outcome.filters;
      adjustments.push(...outcome.adjustments);
    } catch (error) {
      if (!(error instanceof FilterValidationError)) throw error;
      adjustments.push(`${error.problems.join('; ')}; ${Object.keys(part).join(' and ')} cleared`);
    }
  }
  return { filters: sameFilters(filters, state) ? state : filters, adjustments };
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
