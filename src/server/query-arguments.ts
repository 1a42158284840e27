import { z } from 'zod';
import { QUERY_BUILDERS, type QueryName } from '../queries/registry.js';
import { FILTER_KEYS, type FilterKey } from '../data/filter-state.js';
import { GRANULARITIES } from '../metrics/revenue-trend.js';
import { TIER_GRANULARITIES } from '../metrics/tier-contribution.js';
import { RETURN_GROUPS } from '../metrics/returns.js';
import { SUPPORT_GROUPS } from '../metrics/support.js';

/*
 * The arguments each named query accepts, checked before its SQL is built (src/queries/registry.ts). Strict: no
 * unknown keys, bounded strings and lists, real calendar dates, finite numbers, options from their lists. The SQL
 * builders escape every value again (src/metrics/sql.ts); these schemas keep out what no element would send.
 */

/**
 * Longest text value: a filter may name any value the data holds, and those can be long (the tests use a category
 * of 10,011 characters); the request size limit (--max-request-bytes) bounds them first.
 */
const MAX_TEXT = 100_000;
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
/** Most ids in one query (product names of a table page, customers to recommend to). */
const MAX_IDS = 5000;
const campaignBy = z.enum(['campaign', 'channel']);

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
/** A base and a recent window (seller churn). */
const churnWindows = z.object({ base: period, recent: period }).strict();

const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const granularity = z.enum(GRANULARITIES);
const coPurchase = {
  level: z.enum(['product', 'category']).optional(),
  basket: z.enum(['order', 'customer']).optional(),
  minCount: whole(1, 1_000_000).optional(),
};

/**
 * An argument list: `items` in order, the optional ones last. `named()` leaves out trailing undefined arguments,
 * so a shorter list is padded with undefined (the builder's default) before the check.
 */
function argumentList<T extends [z.ZodTypeAny, ...z.ZodTypeAny[]] | []>(...items: T) {
  return z.preprocess(
    (value) =>
      Array.isArray(value) && value.length < items.length
        ? [...value, ...new Array<undefined>(items.length - value.length).fill(undefined)]
        : value,
    z.tuple(items),
  );
}

type Arguments<N extends QueryName> = Parameters<(typeof QUERY_BUILDERS)[N]>;

/** The schema of every query's argument list, by name: a registry entry without one fails the type check. */
export const QUERY_ARGUMENTS = {
  orderKpis: argumentList(filters, kpiPeriods),
  sessionKpis: argumentList(filters, kpiPeriods),
  revenueTrend: argumentList(
    filters,
    period,
    granularity,
    z.object({ compare: z.boolean().optional(), dataStart: isoDate.optional() }).strict().optional(),
  ),
  categoryPerformance: argumentList(
    filters,
    z.object({ withSessions: z.boolean(), categories: z.number().int().nonnegative().optional() }).strict(),
  ),
  tierContribution: argumentList(filters, period, z.enum(TIER_GRANULARITIES)),
  cohortActivity: argumentList(
    filters,
    z.object({ entity: z.enum(['customers', 'sellers']), periods: whole(1, 240) }).strict(),
  ),
  sessionDepths: argumentList(filters),
  repeatPaths: argumentList(filters),
  ordersPlaced: argumentList(filters),
  region: argumentList(filters),
  regionNames: argumentList(),
  sellerHealth: argumentList(
    filters,
    z.object({ withReviews: z.boolean(), withTickets: z.boolean().optional() }).strict(),
  ),
  sellerMonthly: argumentList(
    filters,
    text,
    z.object({ withReviews: z.boolean(), withTickets: z.boolean().optional() }).strict(),
  ),
  sellerChurn: argumentList(filters, churnWindows),
  churn: argumentList(
    filters,
    z
      .object({
        days: whole(1, 3650),
        refDates: z.array(isoDate).max(MAX_LIST),
        by: z.enum(['segment', 'cohort']).optional(),
      })
      .strict(),
  ),
  interPurchaseGaps: argumentList(filters),
  customerSummary: argumentList(
    filters,
    z
      .object({
        end: isoDate,
        ignore: z
          .array(z.enum(FILTER_KEYS as [FilterKey, ...FilterKey[]]))
          .max(16)
          .optional(),
      })
      .strict(),
  ),
  rfm: argumentList(filters, rfmOptions().optional()),
  rfmSegmentSummary: argumentList(filters, rfmOptions().optional()),
  dailyOrderSeries: argumentList(filters, period),
  dailySessionSeries: argumentList(filters, period),
  weeklySellerChurn: argumentList(filters, period, isoDate, whole(1, 3650).optional()),
  whatIfOrders: argumentList(
    filters,
    z.object({ slices: z.number().int().nonnegative().optional() }).strict().optional(),
  ),
  whatIfSessions: argumentList(filters),
  entityValues: argumentList(filters, z.enum(['customer', 'seller'])),
  returns: argumentList(
    filters,
    z.enum([...RETURN_GROUPS, ...GRANULARITIES]),
    z.object({ withReturns: z.boolean() }).strict(),
  ),
  returnsSets: argumentList(
    filters,
    z
      .array(z.enum(['all', 'category', ...GRANULARITIES]))
      .min(1)
      .max(3),
    z.object({ withReturns: z.boolean(), everyCategory: z.boolean().optional(), prior: period.optional() }).strict(),
  ),
  returnChange: argumentList(filters, period, period),
  paymentMethods: argumentList(filters),
  paymentMix: argumentList(filters, z.enum(['category', ...GRANULARITIES])),
  paymentInstallments: argumentList(filters),
  unmatchedPayments: argumentList(),
  support: argumentList(filters, z.enum(SUPPORT_GROUPS).optional()),
  campaignPerformance: argumentList(
    filters,
    z.object({ by: campaignBy.optional(), withSessions: z.boolean().optional() }).strict().optional(),
  ),
  campaignTrend: argumentList(filters, granularity, z.object({ by: campaignBy.optional() }).strict().optional()),
  campaignCoverage: argumentList(filters),
  productPerformance: argumentList(
    filters,
    kpiPeriods,
    z.object({ withSessions: z.boolean(), withReviews: z.boolean() }).strict(),
  ),
  productNames: argumentList(z.array(text).max(MAX_IDS)),
  coPurchase: argumentList(
    filters,
    text.nullable(),
    z
      .object({ ...coPurchase, limit: whole(1, 1000).optional() })
      .strict()
      .optional(),
  ),
  basketItems: argumentList(
    filters,
    z
      .object({ ...coPurchase, limit: whole(1, 1000).optional() })
      .strict()
      .optional(),
  ),
  nextBestProducts: argumentList(
    filters,
    z.array(text).max(MAX_IDS),
    z
      .object({ ...coPurchase, perCustomer: whole(1, 100).optional() })
      .strict()
      .optional(),
  ),
  categoryChange: argumentList(filters, period, period),
  sellerChurnByCategory: argumentList(filters, churnWindows),
} satisfies { readonly [N in QueryName]: z.ZodType<Arguments<N>, z.ZodTypeDef, unknown> };

function rfmOptions() {
  return z
    .object({
      end: isoDate.nullable().optional(),
      unordered: z.boolean().optional(),
      from: z.enum(['mkt_orders', 'transactions']).optional(),
    })
    .strict();
}

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
