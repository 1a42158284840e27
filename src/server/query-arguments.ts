import { z } from 'zod';
import { QUERY_BUILDERS, type QueryName } from '../queries/registry.js';

/*
 * The arguments each named query accepts, checked before its SQL is built (src/queries/registry.ts). Strict: no
 * unknown keys, bounded strings and lists, real calendar dates, finite numbers, options from their lists. The SQL
 * builders escape every value again (src/metrics/sql.ts); these schemas keep out what no element would send.
 */

/** Longest value of a filter list (categories, regions, products): the data's own values can be long. */
const MAX_TEXT = 10_000;
/** Most values in one filter list (src/data/filter-state.ts accepts as many). */
const MAX_LIST = 500;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDay = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export const text = z
  .string()
  .max(MAX_TEXT)
  .refine((value) => !value.includes('\u0000'), 'may not contain a NUL byte');
export const isoDate = z.string().refine(isCalendarDay, 'must be a YYYY-MM-DD date');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a YYYY-MM month');
export const finite = z.number().finite();
const list = z.array(text).max(MAX_LIST);

/** A dashboard's FilterState (src/data/filter-state.ts). */
export const filters = z
  .object({
    dateFrom: isoDate.nullable(),
    dateTo: isoDate.nullable(),
    categories: list,
    tiers: list,
    regions: list,
    products: list,
    segment: text.nullable(),
    cohort: month.nullable(),
  })
  .strict();

const period = z.object({ from: isoDate, to: isoDate }).strict();
/** KpiPeriods (src/metrics/kpis.ts). */
export const kpiPeriods = z.object({ current: period, prior: period }).strict();

type Arguments<N extends QueryName> = Parameters<(typeof QUERY_BUILDERS)[N]>;

/** The schema of every query's argument list, by name: a registry entry without one fails the type check. */
export const QUERY_ARGUMENTS = {
  orderKpis: z.tuple([filters, kpiPeriods]),
  sessionKpis: z.tuple([filters, kpiPeriods]),
} satisfies { readonly [N in QueryName]: z.ZodType<Arguments<N>, z.ZodTypeDef, unknown> };

/** The body of `POST query`. */
export const queryRequest = z.object({ name: z.string().max(200), args: z.array(z.unknown()).max(32) }).strict();

/**
 * What is wrong with the arguments, for people: where (argument and key) and what was expected, never the value
 * sent (clients show the message as text, and it may be hostile).
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${where(issue.path)}: ${expected(issue)}`)
    .join('; ');
}

function where(path: readonly (string | number)[]): string {
  const [first, ...rest] = path;
  const head = typeof first === 'number' ? `argument ${first + 1}` : 'arguments';
  const keys = rest.map((key) => (typeof key === 'number' ? `[${key}]` : /^\w{1,40}$/.test(key) ? `.${key}` : '.?'));
  return head + keys.join('');
}

function expected(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a key' : 'keys'} that this query does not take`;
    case 'too_big':
      return `too ${issue.type === 'string' ? 'long' : 'many'} (at most ${issue.maximum})`;
    case 'too_small':
      return `too ${issue.type === 'string' ? 'short' : 'few'} (at least ${issue.minimum})`;
    case 'invalid_enum_value':
      return `must be one of ${issue.options.join(', ')}`;
    case 'invalid_literal':
      return `must be ${JSON.stringify(issue.expected)}`;
    case 'custom':
    case 'invalid_string':
      return issue.message;
    default:
      return 'not a value this query takes';
  }
}
