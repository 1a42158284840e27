import { FILTER_KEYS, type FilterKey, type FilterState } from '../data/filter-state.js';
import { predicates, type WhereOptions } from './filter-sql.js';
import { isGranularity, type Granularity, type Window } from './revenue-trend.js';
import { date, firstOfEachId } from './sql.js';
import { SHIPPED } from './orders.js';

/**
 * Returns of delivered order lines. A line is **delivered** when its status is completed or returned (a cancelled
 * line never shipped) and **returned** when its status is returned (`transactions.status`, so the rate needs no
 * optional table). Per group:
 * - `delivered`, `returned`, return rate = returned / delivered (by line, as a category's or product's rate is
 *   usually given; per order for sellers is in src/metrics/seller-health.ts);
 * - `delivered_revenue`, `returned_revenue` (revenue of the returned lines) → value rate;
 * - `refunded`: the refunds of the optional `returns` table (null without it: `withReturns: false`).
 * Groups: everything (`all`), category, seller, product, reason (needs the returns table: a returned line without a
 * return row counts under `unknown`; `delivered` is then every delivered line, the rate's denominator), or the day,
 * ISO week or month the line was ordered. Lines are dated by their order: the last weeks' rates are low until their
 * returns (3–30 days after delivery in the generated data) have come in.
 */
export const RETURNS_REQUIRE = ['mkt_orders'] as const;
/** What the refunds and the reasons need besides. */
export const RETURNS_DETAIL_REQUIRE = ['returns'] as const;

export const RETURN_GROUPS = ['all', 'category', 'seller', 'product', 'reason'] as const;
export type ReturnGroup = (typeof RETURN_GROUPS)[number] | Granularity;

export type ReturnRow = {
  /** Category, seller id, product id, reason, or first day of the period (`YYYY-MM-DD`); `All` for `all`. */
  readonly grp: string;
  /** Seller or product name; the group itself otherwise. */
  readonly name: string;
  readonly delivered: number;
  readonly returned: number;
  readonly return_rate: number | null;
  readonly delivered_revenue: number;
  readonly returned_revenue: number;
  readonly refunded: number | null;
};

const GROUP: Record<string, string> = {
  all: `'All'`,
  category: 'l.category::VARCHAR',
  seller: 'l.seller_id',
  product: 'l.product_id',
  reason: `coalesce(r.reason, 'unknown')`,
};

function nameOf(by: ReturnGroup): string {
  if (by === 'seller') return `coalesce((SELECT name FROM ${firstOfEachId('sellers')} s WHERE s.id = grp), grp)`;
  if (by === 'product') return `coalesce((SELECT name FROM ${firstOfEachId('products')} p WHERE p.id = grp), grp)`;
  return 'grp';
}

export function returnsSql(filters: FilterState, by: ReturnGroup, options: { withReturns: boolean }): string {
  const known = (RETURN_GROUPS as readonly string[]).includes(by) || isGranularity(by);
  if (!known) throw new TypeError(`Unknown grouping ${JSON.stringify(by)}`);
  if (by === 'reason' && !options.withReturns) throw new TypeError('Return reasons need the returns table');
  const group = isGranularity(by) ? `strftime(date_trunc('${by}', l.order_date), '%Y-%m-%d')` : GROUP[by];
  const where = [SHIPPED, 'product_id IS NOT NULL', ...predicates(filters)];
  const returned = `l.status = 'returned'::mkt_status`;
  const select = (from: string) => `SELECT grp, ${nameOf(by)} AS name, delivered::INTEGER AS delivered,
      returned::INTEGER AS returned, (returned / nullif(delivered, 0))::DOUBLE AS return_rate,
      delivered_revenue::DOUBLE AS delivered_revenue, returned_revenue::DOUBLE AS returned_revenue, refunded
    FROM ${from} ORDER BY grp`;
  if (by === 'reason') {
    const lines = `WITH l AS (SELECT * FROM mkt_orders WHERE ${where.join(' AND ')})`;
    // Each group holds only returned lines: its denominator is every delivered line.
    return `${lines}, g AS (
        SELECT ${group} AS grp, (SELECT count(*) FROM l) AS delivered, count(*) AS returned,
          coalesce((SELECT sum(revenue) FROM l), 0) AS delivered_revenue, coalesce(sum(l.revenue), 0) AS returned_revenue,
          coalesce(sum(r.refunded), 0)::DOUBLE AS refunded
        FROM (SELECT * FROM l WHERE ${returned}) l LEFT JOIN mkt_line_returns r ON r.transaction_id = l.id GROUP BY ALL
      )
      ${select('g')}`;
  }
  // Refunds come from the refunded lines alone (mkt_refunded_lines), each side its own scan (a CTE read twice is
  // materialised, every column of every line).
  const scan = (extra: string[] = [], table = 'mkt_orders') =>
    `(SELECT * FROM ${table} WHERE ${[...where, ...extra].join(' AND ')}) l`;
  const refunds = options.withReturns
    ? `, rf AS (
        SELECT ${group} AS grp, sum(l.refunded) AS refunded
        FROM ${scan([`status = 'returned'::mkt_status`], 'mkt_refunded_lines')} GROUP BY ALL
      )`
    : '';
  return `WITH g AS (
      SELECT ${group} AS grp, count(*) AS delivered, count(*) FILTER (WHERE ${returned}) AS returned,
        coalesce(sum(l.revenue), 0) AS delivered_revenue,
        coalesce(sum(l.revenue) FILTER (WHERE ${returned}), 0) AS returned_revenue
      FROM ${scan()} GROUP BY ALL
    )${refunds}
    ${select(
      options.withReturns
        ? `(SELECT g.*, coalesce(rf.refunded, 0)::DOUBLE AS refunded FROM g LEFT JOIN rf ON rf.grp = g.grp)`
        : `(SELECT *, NULL::DOUBLE AS refunded FROM g)`,
    )}`;
}

/** The groupings that {@link returnsSetsSql} answers together: everything, categories, periods. */
export type ReturnSet = 'all' | 'category' | Granularity;
export type ReturnSetRow = ReturnRow & { readonly part: ReturnSet | 'prior' };

export interface ReturnSetsOptions {
  readonly withReturns: boolean;
  /** The `category` rows under every filter but the category one: bars that keep every category in view. */
  readonly everyCategory?: boolean;
  /** Also a `prior` row: the `all` row of this window instead of the filter's dates, without refunds (null). */
  readonly prior?: Window;
}

/**
 * {@link returnsSql} for several groupings from one scan of the lines, each row's `part` naming its grouping: what
 * one widget shows (a total, bars, a trend, the rate of the period before) under one filter state, in one statement.
 * The lines are grouped once by every key together (category × month, and whether a line is in the selected
 * categories: a few dozen groups), and each part sums the groups it takes. The prior window's total is a scan of its
 * own: grouping its lines with the others' took longer than the two scans.
 */
export function returnsSetsSql(filters: FilterState, sets: readonly ReturnSet[], options: ReturnSetsOptions) {
  const known = (g: string) => g === 'all' || g === 'category' || isGranularity(g);
  if (sets.length === 0 || !sets.every(known) || new Set(sets).size !== sets.length)
    throw new TypeError(`Unknown or repeated groupings ${JSON.stringify(sets)}`);
  const { prior, withReturns } = options;
  const apart = !!options.everyCategory && sets.includes('category') && filters.categories.length > 0;
  const lines = (table: string, extra: string[] = [], filterOptions: WhereOptions = {}) =>
    `(SELECT * FROM ${table} WHERE ${[SHIPPED, 'product_id IS NOT NULL', ...predicates(filters, filterOptions), ...extra].join(' AND ')}) l`;
  // With `apart`, the scan keeps every category and a flag says which are selected.
  const scan = apart ? { ignore: ['categories'] as FilterKey[] } : {};
  const chosen = apart ? predicates(filters, { ignore: FILTER_KEYS.filter((k) => k !== 'categories') }) : [];
  const keys = [
    ...chosen.map((c) => `${c} AS chosen`),
    ...(sets.includes('category') ? ['category AS k_category'] : []),
    ...sets.filter(isGranularity).map((g) => `date_trunc('${g}', order_date) AS k_period`),
  ];
  const fine = (table: string, measures: string, extra: string[]) =>
    `SELECT ${[...keys, measures].join(', ')} FROM ${lines(table, extra, scan)} ${keys.length ? 'GROUP BY ALL' : ''}`;
  const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const inChosen = apart ? ['chosen'] : [];
  // Each part's rows from the fine groups: which groups it takes, and what it groups them by.
  const parts = (from: string, sums: string) =>
    sets
      .map((g) =>
        g === 'all'
          ? `SELECT 'all' AS part, 'All' AS grp, ${sums} FROM ${from} ${where(inChosen)}`
          : g === 'category'
            ? `SELECT 'category' AS part, k_category::VARCHAR AS grp, ${sums} FROM ${from} GROUP BY k_category`
            : `SELECT '${g}' AS part, strftime(k_period, '%Y-%m-%d') AS grp, ${sums} FROM ${from} ${where(inChosen)}
                GROUP BY k_period`,
      )
      .join('\n      UNION ALL ');
  const returned = `status = 'returned'::mkt_status`;
  const counts = `count(*) AS delivered, count(*) FILTER (WHERE ${returned}) AS returned,
      sum(revenue) AS delivered_revenue, sum(revenue) FILTER (WHERE ${returned}) AS returned_revenue`;
  const sums = `coalesce(sum(delivered), 0) AS delivered, coalesce(sum(returned), 0) AS returned,
      coalesce(sum(delivered_revenue), 0) AS delivered_revenue, coalesce(sum(returned_revenue), 0) AS returned_revenue`;
  const priorPart = prior
    ? `\n      UNION ALL SELECT 'prior' AS part, 'All' AS grp, ${sums} FROM (SELECT ${counts} FROM ${lines('mkt_orders', [], { range: prior })})`
    : '';
  // Refunds: from the refunded lines (mkt_refunded_lines), not joined to every line.
  const refunds = withReturns
    ? `, fine_refunds AS (${fine('mkt_refunded_lines', 'sum(refunded) AS refunded', [returned])}),
      refunds AS (${parts('fine_refunds', 'sum(refunded) AS refunded')})`
    : '';
  const refunded = withReturns
    ? `CASE WHEN g.part = 'prior' THEN NULL ELSE coalesce(r.refunded, 0) END::DOUBLE`
    : 'NULL::DOUBLE';
  const join = withReturns ? 'LEFT JOIN refunds r ON r.part = g.part AND r.grp IS NOT DISTINCT FROM g.grp' : '';
  return `WITH fine AS (${fine('mkt_orders', counts, [])}),
    g AS (${parts('fine', sums)}${priorPart})${refunds}
    SELECT g.part, g.grp, g.grp AS name, delivered::INTEGER AS delivered, returned::INTEGER AS returned,
      (returned / nullif(delivered, 0))::DOUBLE AS return_rate, delivered_revenue::DOUBLE AS delivered_revenue,
      returned_revenue::DOUBLE AS returned_revenue, ${refunded} AS refunded
    FROM g ${join} ORDER BY g.part, g.grp`;
}

export type ReturnChangeRow = {
  /** Category. */
  readonly name: string;
  readonly delivered: number;
  readonly returned: number;
  readonly delivered_revenue: number;
  readonly delivered_prior: number;
  readonly returned_prior: number;
};

/**
 * Delivered and returned lines per category in the current window and in the prior one (the other filters apply to
 * both), as `returnSpikeFinding()` (src/models/finding-candidates.ts) reads them. A category with lines in only one
 * of the windows has zeros in the other.
 */
export function returnChangeSql(filters: FilterState, current: Window, prior: Window): string {
  const where = [
    SHIPPED,
    'product_id IS NOT NULL',
    `order_date BETWEEN ${date(prior.from)} AND ${date(current.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  const now = `order_date >= ${date(current.from)}`;
  const before = `order_date <= ${date(prior.to)}`;
  return `SELECT category::VARCHAR AS name,
      count(*) FILTER (WHERE ${now})::INTEGER AS delivered,
      count(*) FILTER (WHERE ${now} AND status = 'returned'::mkt_status)::INTEGER AS returned,
      coalesce(sum(revenue) FILTER (WHERE ${now}), 0)::DOUBLE AS delivered_revenue,
      count(*) FILTER (WHERE ${before})::INTEGER AS delivered_prior,
      count(*) FILTER (WHERE ${before} AND status = 'returned'::mkt_status)::INTEGER AS returned_prior
    FROM mkt_orders WHERE ${where.join(' AND ')} GROUP BY ALL ORDER BY name`;
}

export interface ReturnChange {
  readonly rate: number | null;
  readonly priorRate: number | null;
  /** rate − priorRate, in rate units (0.02 = 2 percentage points); null when either is. */
  readonly change: number | null;
}

/**
 * The return rate of a window and of the one before it, each the `all` row of {@link returnsSetsSql} (or none: no
 * delivered line), and the change.
 */
export function returnRateChange(current: ReturnRow | undefined, prior: ReturnRow | undefined): ReturnChange {
  const rate = current?.return_rate ?? null;
  const priorRate = prior?.return_rate ?? null;
  return { rate, priorRate, change: rate !== null && priorRate !== null ? rate - priorRate : null };
}

/**
 * The groups as ranked for display: categories and reasons by return rate, highest first; sellers and products, of
 * which there are many, only those with returns, the most returned lines first (then the higher rate), the first
 * `most`. Ties by name.
 */
export function rankReturns(groups: readonly ReturnRow[], by: ReturnGroup, most = 10): ReturnRow[] {
  const rate = (r: ReturnRow) => r.return_rate ?? -1;
  if (by !== 'seller' && by !== 'product')
    return [...groups].sort((a, b) => rate(b) - rate(a) || a.name.localeCompare(b.name));
  return groups
    .filter((r) => r.returned > 0)
    .sort((a, b) => b.returned - a.returned || rate(b) - rate(a) || a.name.localeCompare(b.name))
    .slice(0, most);
}
