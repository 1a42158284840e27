import type { FilterKey, FilterState } from '../data/filter-state.js';
import { date, str, strList } from './sql.js';

export interface WhereOptions {
  /** The fact table's date column (`order_date` in mkt_orders, `session_date` in mkt_sessions). */
  readonly dateColumn?: string;
  /** Filters this query deliberately ignores (a widget that draws the dimension it filters, say). */
  readonly ignore?: readonly FilterKey[];
  /** Overrides the filter state's date range (a prior period, for instance). */
  readonly range?: { readonly from: string | null; readonly to: string | null };
}

/**
 * The WHERE clause of a query over a derived fact table (mkt_orders, mkt_sessions, mkt_tickets), which all carry
 * `category`, `tier`, `region` (of the ENUM types mkt_category, mkt_tier, mkt_region: derived-tables.ts), `cohort`,
 * `segment`, `product_id` and `customer_id`. Every value is an escaped literal.
 */
export function whereClause(filters: FilterState, options: WhereOptions = {}): string {
  const parts = predicates(filters, options);
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

export function predicates(filters: FilterState, options: WhereOptions = {}): string[] {
  const ignore = new Set(options.ignore ?? []);
  const col = options.dateColumn ?? 'order_date';
  const from = options.range ? options.range.from : filters.dateFrom;
  const to = options.range ? options.range.to : filters.dateTo;
  const parts: string[] = [];
  if (!ignore.has('dateFrom') && from) parts.push(`${col} >= ${date(from)}`);
  if (!ignore.has('dateTo') && to) parts.push(`${col} <= ${date(to)}`);
  if (!ignore.has('categories') && filters.categories.length > 0)
    parts.push(enumIn('category', 'mkt_category', filters.categories));
  if (!ignore.has('tiers') && filters.tiers.length > 0) parts.push(enumIn('tier', 'mkt_tier', filters.tiers));
  if (!ignore.has('regions') && filters.regions.length > 0) parts.push(enumIn('region', 'mkt_region', filters.regions));
  if (!ignore.has('products') && filters.products.length > 0) parts.push(`product_id IN ${strList(filters.products)}`);
  if (!ignore.has('cohort') && filters.cohort) parts.push(`cohort = ${str(filters.cohort)}`);
  // Each customer's segment over all the data (mkt_customer_segments), copied into the fact tables at load.
  if (!ignore.has('segment') && filters.segment) parts.push(`segment = ${str(filters.segment)}`);
  return parts;
}

/**
 * An ENUM column among string values. Written plainly (`tier IN ('gold')`), DuckDB-WASM casts every row's value to
 * VARCHAR before comparing; against values of the column's own type, one value is compared as the ENUM's code, and
 * several as codes (`enum_code`), in a half to a third of the time. A value the type does not hold (no row has it)
 * becomes NULL through TRY_CAST and matches nothing, as it would as a string.
 */
function enumIn(column: string, type: string, values: readonly string[]): string {
  const typed = (v: string) => `TRY_CAST(${str(v)} AS ${type})`;
  if (values.length === 1) return `${column} = ${typed(values[0])}`;
  return `enum_code(${column}) IN (${values.map((v) => `enum_code(${typed(v)})`).join(', ')})`;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days between two `YYYY-MM-DD` dates, inclusive of both. */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

export function addDays(day: string, days: number): string {
  return isoDay(dayNumber(day) + days);
}

/** The period of equal length just before [from, to]: what KPIs compare against. */
export function priorPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysInclusive(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
