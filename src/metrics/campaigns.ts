import type { FilterState } from '../data/filter-state.js';
import { CAMPAIGN_ATTRIBUTION } from '../schema/tables.js';
import { addDays, predicates } from './filter-sql.js';
import { COMPLETED, orderCount } from './orders.js';
import { isGranularity, type Granularity } from './revenue-trend.js';
import { date, firstOfEachId } from './sql.js';

/**
 * Marketing campaigns: spend, attributed revenue, ROI, ROAS and cost per acquired customer.
 *
 * **Attribution is last touch** (src/schema/tables.ts, `CAMPAIGN_ATTRIBUTION`): an order counts for the campaign its
 * lines name in `transactions.campaign_id`, a session for the one its events name; nothing is inferred from traffic
 * sources or dates. Every result says so in its `attribution` column.
 *
 * - **spend**: the campaign's spend spread evenly over its days, summed over the days inside the date filter (all of
 *   it without one). Spend is not split by category, tier, region, cohort or segment: with those filters, revenue
 *   narrows and spend does not (`spendIsUnsplit()` says when).
 * - **revenue**: GMV of the completed lines of attributed orders matching the filters; **orders**: those orders.
 * - **ROAS** = revenue / spend; **ROI** = (revenue − cost of goods − spend) / spend, null when a line's cost is
 *   unknown (`products.cost`); **profit** = revenue − cost of goods.
 * - **new customers**: customers whose first completed purchase (`mkt_customer_first`) is an attributed order of that
 *   day; **CAC** (cost per acquired customer) = spend / new customers.
 * - **sessions** / **purchase sessions** (with page events): sessions the campaign started, and those with a purchase.
 *
 * A campaign is listed when its days overlap the date filter or it has attributed orders in it.
 */

/** Tables the campaign figures need, and the one they use when present (sessions). */
export const CAMPAIGNS_REQUIRE = ['campaigns', 'mkt_orders'] as const;
export const CAMPAIGNS_USE = ['mkt_sessions'] as const;

export type CampaignRow = {
  /** Campaign id, or the channel with `by: 'channel'`. */
  readonly key: string;
  readonly name: string;
  readonly channel: string;
  /** First and last day of the campaign (of the channel's campaigns), `YYYY-MM-DD`: a date filter that shows it. */
  readonly start_date: string;
  readonly end_date: string;
  /** Campaign days inside the date filter (summed over a channel's campaigns). */
  readonly days: number;
  readonly spend: number;
  readonly revenue: number;
  readonly orders: number;
  readonly profit: number | null;
  readonly new_customers: number;
  readonly roas: number | null;
  readonly roi: number | null;
  readonly cac: number | null;
  /** Null without page events. */
  readonly sessions: number | null;
  readonly purchase_sessions: number | null;
  /** Always `last-touch`. */
  readonly attribution: string;
};

export interface CampaignOptions {
  /** One row per campaign (default) or per channel. */
  readonly by?: 'campaign' | 'channel';
  /** Count the sessions campaigns started (needs mkt_sessions). */
  readonly withSessions?: boolean;
}

/** True when a filter narrows revenue that campaign spend cannot follow (spend has no category, tier, region, ...). */
export function spendIsUnsplit(filters: FilterState): boolean {
  return predicates(filters, { ignore: ['dateFrom', 'dateTo'] }).length > 0;
}

const CAMPAIGNS = firstOfEachId('campaigns');
const campaignDays = "date_diff('day', c.start_date, c.end_date) + 1";

/** Days of [start, end] inside the date filter, as SQL. */
function overlapDays(filters: FilterState): string {
  const from = filters.dateFrom ? `greatest(c.start_date, ${date(filters.dateFrom)})` : 'c.start_date';
  const to = filters.dateTo ? `least(c.end_date, ${date(filters.dateTo)})` : 'c.end_date';
  return `greatest(0, date_diff('day', ${from}, ${to}) + 1)`;
}

/** The attributed rows of a fact table (mkt_orders or mkt_sessions) that the filters select, as a subquery. */
function attributed(filters: FilterState, table: 'mkt_orders' | 'mkt_sessions', extra: string[] = []): string {
  const dateColumn = table === 'mkt_sessions' ? 'session_date' : 'order_date';
  const where = ['campaign_id IS NOT NULL', ...predicates(filters, { dateColumn }), ...extra];
  return `(SELECT * FROM ${table} WHERE ${where.join(' AND ')})`;
}

/** Per campaign (or channel): spend in the window, attributed revenue and orders, ROI, ROAS and CAC. */
export function campaignPerformanceSql(filters: FilterState, options: CampaignOptions = {}): string {
  const by = options.by ?? 'campaign';
  const key = by === 'channel' ? 'c.channel' : 'c.id';
  const sessions = options.withSessions
    ? `, ses AS (
        SELECT campaign_id, count(*) AS sessions, count(*) FILTER (WHERE purchased) AS purchase_sessions
        FROM ${attributed(filters, 'mkt_sessions')} GROUP BY campaign_id)`
    : '';
  return `WITH c AS (
      SELECT c.*, ${campaignDays} AS campaign_days, ${overlapDays(filters)} AS days FROM ${CAMPAIGNS} c
    ), att AS (
      SELECT o.campaign_id, coalesce(sum(o.revenue) FILTER (WHERE o.status = 'completed'::mkt_status), 0) AS revenue,
        sum(o.cost) FILTER (WHERE o.status = 'completed'::mkt_status) AS cost,
        coalesce(bool_and(o.cost IS NOT NULL) FILTER (WHERE o.status = 'completed'::mkt_status), true) AS costed,
        ${orderCount(`o.status = 'completed'::mkt_status`)} AS orders
      FROM ${attributed(filters, 'mkt_orders')} o GROUP BY o.campaign_id
    ), acquired AS (
      SELECT o.campaign_id, count(DISTINCT o.customer_key) AS new_customers
      FROM ${attributed(filters, 'mkt_orders', [COMPLETED])} o
      JOIN mkt_customer_first f ON f.customer_id = o.customer_id AND f.first_order_date = o.order_date
      GROUP BY o.campaign_id
    )${sessions}, per AS (
      SELECT ${key} AS key, ${by === 'channel' ? `c.channel AS name` : 'any_value(c.name) AS name'},
        any_value(c.channel) AS channel, strftime(min(c.start_date), '%Y-%m-%d') AS start_date,
        strftime(max(c.end_date), '%Y-%m-%d') AS end_date, sum(c.days)::INTEGER AS days,
        coalesce(sum(c.spend * c.days / c.campaign_days), 0)::DOUBLE AS spend,
        coalesce(sum(a.revenue), 0)::DOUBLE AS revenue, coalesce(sum(a.orders), 0)::INTEGER AS orders,
        CASE WHEN bool_and(coalesce(a.costed, true)) THEN coalesce(sum(a.revenue), 0) - coalesce(sum(a.cost), 0) END::DOUBLE AS profit,
        coalesce(sum(n.new_customers), 0)::INTEGER AS new_customers,
        ${options.withSessions ? 'coalesce(sum(s.sessions), 0)::INTEGER' : 'NULL::INTEGER'} AS sessions,
        ${options.withSessions ? 'coalesce(sum(s.purchase_sessions), 0)::INTEGER' : 'NULL::INTEGER'} AS purchase_sessions
      FROM c LEFT JOIN att a ON a.campaign_id = c.id LEFT JOIN acquired n ON n.campaign_id = c.id
      ${options.withSessions ? 'LEFT JOIN ses s ON s.campaign_id = c.id' : ''}
      WHERE c.days > 0 OR a.orders > 0
      GROUP BY ${key}
    )
    SELECT key, name, channel, start_date, end_date, days, spend, revenue, orders, profit, new_customers,
      (revenue / nullif(spend, 0))::DOUBLE AS roas, ((profit - spend) / nullif(spend, 0))::DOUBLE AS roi,
      (spend / nullif(new_customers, 0))::DOUBLE AS cac, sessions, purchase_sessions, '${CAMPAIGN_ATTRIBUTION}' AS attribution
    FROM per ORDER BY spend DESC, key`;
}

export type CampaignTrendRow = {
  /** First day of the bucket, `YYYY-MM-DD`. */
  readonly bucket: string;
  readonly key: string;
  readonly spend: number;
  readonly revenue: number;
  readonly attribution: string;
};

/**
 * Spend (spread evenly over each campaign's days) and attributed revenue per day, ISO week or month of the date
 * filter, per campaign or channel; only buckets where a campaign spent or earned.
 */
export function campaignTrendSql(
  filters: FilterState,
  granularity: Granularity,
  options: Pick<CampaignOptions, 'by'> = {},
): string {
  if (!isGranularity(granularity)) throw new TypeError(`Unknown granularity ${JSON.stringify(granularity)}`);
  const key = options.by === 'channel' ? 'channel' : 'id';
  const window = [
    filters.dateFrom ? `day >= ${date(filters.dateFrom)}` : 'true',
    filters.dateTo ? `day <= ${date(filters.dateTo)}` : 'true',
  ].join(' AND ');
  return `WITH c AS (SELECT * FROM ${CAMPAIGNS}),
    spend AS (
      SELECT date_trunc('${granularity}', day)::DATE AS bucket, ${key} AS key, sum(amount) AS spend FROM (
        SELECT c.id, c.channel, unnest(generate_series(c.start_date::TIMESTAMP, c.end_date::TIMESTAMP, INTERVAL 1 DAY))::DATE AS day,
          c.spend / (date_diff('day', c.start_date, c.end_date) + 1) AS amount
        FROM c) WHERE ${window} GROUP BY ALL
    ), revenue AS (
      SELECT date_trunc('${granularity}', o.order_date)::DATE AS bucket, c.${key} AS key, sum(o.revenue) AS revenue
      FROM ${attributed(filters, 'mkt_orders', [COMPLETED])} o JOIN c ON c.id = o.campaign_id
      GROUP BY ALL
    )
    SELECT strftime(bucket, '%Y-%m-%d') AS bucket, key, coalesce(s.spend, 0)::DOUBLE AS spend,
      coalesce(r.revenue, 0)::DOUBLE AS revenue, '${CAMPAIGN_ATTRIBUTION}' AS attribution
    FROM spend s FULL OUTER JOIN revenue r USING (bucket, key) ORDER BY bucket, key`;
}

/**
 * How many completed orders in the filtered window name a campaign: with none, attribution is missing from the data
 * (the `campaign_id` column left out or empty) and an element should say so rather than show zero revenue.
 */
export function campaignCoverageSql(filters: FilterState): string {
  const where = [COMPLETED, ...predicates(filters)];
  return `SELECT ${orderCount()}::INTEGER AS orders, ${orderCount('campaign_id IS NOT NULL')}::INTEGER AS attributed
    FROM mkt_orders WHERE ${where.join(' AND ')}`;
}

export interface CampaignTotals {
  readonly spend: number;
  readonly revenue: number;
  /** Null when a campaign's profit is unknown (a line without cost). */
  readonly profit: number | null;
  readonly newCustomers: number;
  readonly roas: number | null;
  readonly roi: number | null;
  readonly cac: number | null;
}

/** The rows of `campaignPerformanceSql()` (per campaign or per channel) summed, with ROAS, ROI and CAC as above. */
export function campaignTotals(rows: readonly CampaignRow[]): CampaignTotals {
  const sum = (pick: (r: CampaignRow) => number) => rows.reduce((a, r) => a + pick(r), 0);
  const spend = sum((r) => r.spend);
  const revenue = sum((r) => r.revenue);
  const profit = rows.some((r) => r.profit === null) ? null : sum((r) => r.profit ?? 0);
  const newCustomers = sum((r) => r.new_customers);
  return {
    spend,
    revenue,
    profit,
    newCustomers,
    roas: spend > 0 ? revenue / spend : null,
    roi: spend > 0 && profit !== null ? (profit - spend) / spend : null,
    cac: newCustomers > 0 ? spend / newCustomers : null,
  };
}

export type CampaignTrendTotal = { readonly bucket: string; readonly spend: number; readonly revenue: number };

/**
 * The rows of `campaignTrendSql()` summed per bucket over the campaigns (or channels), with the buckets between the
 * first and the last where no campaign spent or earned filled with zeros (a line drawn across them would invent
 * spend).
 */
export function campaignTrendTotals(rows: readonly CampaignTrendRow[], granularity: Granularity): CampaignTrendTotal[] {
  const sums = new Map<string, { spend: number; revenue: number }>();
  for (const r of rows) {
    const s = sums.get(r.bucket) ?? { spend: 0, revenue: 0 };
    sums.set(r.bucket, { spend: s.spend + r.spend, revenue: s.revenue + r.revenue });
  }
  const buckets = [...sums.keys()].sort();
  const out: CampaignTrendTotal[] = [];
  for (let b = buckets[0]; b !== undefined && b <= buckets[buckets.length - 1]; b = nextBucket(b, granularity))
    out.push({ bucket: b, ...(sums.get(b) ?? { spend: 0, revenue: 0 }) });
  return out;
}

function nextBucket(day: string, granularity: Granularity): string {
  if (granularity === 'day') return addDays(day, 1);
  if (granularity === 'week') return addDays(day, 7);
  const [y, m] = day.split('-').map(Number);
  return `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}
