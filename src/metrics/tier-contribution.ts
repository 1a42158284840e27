import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { date, str } from './sql.js';
import type { Window } from './revenue-trend.js';
import { COMPLETED } from './orders.js';

export const TIER_GRANULARITIES = ['week', 'month'] as const;
export type TierGranularity = (typeof TIER_GRANULARITIES)[number];

export type TierRow = {
  /** First day of the week (Monday) or month, `YYYY-MM-DD`. */
  readonly bucket: string;
  readonly tier: string;
  readonly gmv: number;
};

/**
 * GMV of completed order lines per seller tier per week or month of the window (only the combinations with
 * sales). Shares are computed from these rows: a tier's share = its GMV / all GMV of the window.
 */
export function tierContributionSql(filters: FilterState, window: Window, granularity: TierGranularity): string {
  if (!TIER_GRANULARITIES.includes(granularity))
    throw new TypeError(`Unknown granularity ${JSON.stringify(granularity)}`);
  const where = [
    COMPLETED,
    `order_date BETWEEN ${date(window.from)} AND ${date(window.to)}`,
    ...predicates(filters, { ignore: ['dateFrom', 'dateTo'] }),
  ];
  // Grouped on the date, formatted after: strftime on every line costs more than the aggregation.
  return `SELECT strftime(day, '%Y-%m-%d') AS bucket, tier, gmv FROM (
      SELECT date_trunc(${str(granularity)}, order_date) AS day, coalesce(tier, 'unknown') AS tier, sum(revenue)::DOUBLE AS gmv
      FROM mkt_orders WHERE ${where.join(' AND ')}
      GROUP BY ALL
    ) ORDER BY bucket, tier`;
}
