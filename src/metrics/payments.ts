import type { FilterState } from '../data/filter-state.js';
import { predicates } from './filter-sql.js';
import { distinctKeys } from './orders.js';
import { isGranularity, type Granularity } from './revenue-trend.js';

export type PaymentMethodRow = {
  readonly method: string;
  /** Orders paid (at least in part) this way. */
  readonly orders: number;
  readonly payments: number;
  readonly value: number;
  /** Mean instalments of this method's payments. */
  readonly installments: number;
};

/**
 * Whether `alias`'s order is one the filters select (an order is selected when one of its lines matches; any
 * outcome, since an order is paid when it is placed). An IN over the matching lines, not a join with their distinct
 * keys: DuckDB then builds its hash table from the lines directly, about 1.5 times as fast at scale 10.
 */
function isSelectedOrder(alias: string, filters: FilterState): string {
  const where = predicates(filters);
  return `${alias}.order_key IN (SELECT order_key FROM mkt_orders${where.length ? ` WHERE ${where.join(' AND ')}` : ''})`;
}

/**
 * Payments that name no order of the data (left out of every figure): a property of the dataset, not of the
 * filters.
 */
export function unmatchedPaymentsSql(): string {
  return `SELECT count(*)::INTEGER AS n FROM payments p ANTI JOIN mkt_order_keys ok ON ok.order_id = p.order_id`;
}

/**
 * Payments by method for the orders the filters select, from `mkt_payments` (the optional payments table with each
 * payment's order key). Largest value first.
 */
export function paymentMethodsSql(filters: FilterState): string {
  return `SELECT coalesce(method, 'unknown') AS method, ${distinctKeys('p.order_key')}::INTEGER AS orders,
      count(*)::INTEGER AS payments, coalesce(sum(value), 0)::DOUBLE AS value,
      avg(installments)::DOUBLE AS installments
    FROM mkt_payments p WHERE ${isSelectedOrder('p', filters)}
    GROUP BY ALL ORDER BY value DESC, method`;
}

export type PaymentMixRow = PaymentMethodRow & {
  /** The category, or the first day of the period (`YYYY-MM-DD`). */
  readonly grp: string;
  /** Shares of the group's paid value and of its orders. */
  readonly value_share: number | null;
  readonly order_share: number | null;
};

/**
 * The payment mix per category or per day, ISO week or month of the order date, for the orders the filters select:
 * per group and method, orders, payments, value, mean instalments and the method's share of the group's value and
 * orders. By category, an order with lines in two categories counts as an order in each, and each payment's value is
 * split between its order's categories in proportion to their revenue in the order (all its lines, any outcome;
 * evenly when the order has no revenue, e.g. a cancellation without lines), so the values add up to what was paid.
 */
export function paymentMixSql(filters: FilterState, by: 'category' | Granularity): string {
  if (by !== 'category' && !isGranularity(by)) throw new TypeError(`Unknown grouping ${JSON.stringify(by)}`);
  const groups =
    by === 'category'
      ? `parts AS (
          SELECT o.order_key, o.category::VARCHAR AS grp, sum(o.revenue) AS revenue
          FROM mkt_orders o WHERE ${isSelectedOrder('o', filters)} GROUP BY ALL
        ), weights AS (
          SELECT order_key, grp, coalesce(revenue / nullif(sum(revenue) OVER (PARTITION BY order_key), 0),
            1.0 / count(*) OVER (PARTITION BY order_key)) AS weight
          FROM parts
        )`
      : `weights AS (
          SELECT DISTINCT o.order_key, strftime(date_trunc('${by}', o.order_date), '%Y-%m-%d') AS grp, 1.0 AS weight
          FROM mkt_orders o WHERE ${isSelectedOrder('o', filters)}
        )`;
  return `WITH ${groups},
    mix AS (
      SELECT w.grp, coalesce(p.method, 'unknown') AS method, count(DISTINCT p.order_key) AS orders, count(*) AS payments,
        coalesce(sum(p.value * w.weight), 0) AS value, avg(p.installments) AS installments
      FROM mkt_payments p JOIN weights w ON w.order_key = p.order_key GROUP BY ALL
    ), orders AS (
      SELECT w.grp, count(DISTINCT w.order_key) AS orders FROM weights w SEMI JOIN mkt_payments p ON p.order_key = w.order_key
      GROUP BY ALL
    )
    SELECT m.grp, m.method, m.orders::INTEGER AS orders, m.payments::INTEGER AS payments, m.value::DOUBLE AS value,
      m.installments::DOUBLE AS installments,
      (m.value / nullif(sum(m.value) OVER (PARTITION BY m.grp), 0))::DOUBLE AS value_share,
      (m.orders / nullif(o.orders, 0))::DOUBLE AS order_share
    FROM mix m JOIN orders o USING (grp) ORDER BY m.grp, m.value DESC, m.method`;
}

export type InstallmentRow = {
  readonly method: string;
  readonly installments: number;
  readonly orders: number;
  readonly payments: number;
  readonly value: number;
};

/** Payments of the selected orders by method and number of instalments (1 = paid at once). */
export function paymentInstallmentsSql(filters: FilterState): string {
  return `SELECT coalesce(method, 'unknown') AS method, installments::INTEGER AS installments,
      count(DISTINCT p.order_key)::INTEGER AS orders, count(*)::INTEGER AS payments, coalesce(sum(value), 0)::DOUBLE AS value
    FROM mkt_payments p WHERE ${isSelectedOrder('p', filters)}
    GROUP BY ALL ORDER BY method, installments`;
}

export interface MixGroup {
  readonly grp: string;
  /** Value paid per method (methods the group did not use are absent). */
  readonly values: Readonly<Record<string, number>>;
  readonly total: number;
}

/**
 * `paymentMixSql()`'s rows as one group each (in the rows' order) with its value per method, and the methods by
 * their value over all groups, largest first (the order of the layers and colours).
 */
export function mixGroups(mix: readonly PaymentMixRow[]): { methods: string[]; groups: MixGroup[] } {
  const groups = new Map<string, Record<string, number>>();
  const byMethod = new Map<string, number>();
  for (const r of mix) {
    const g = groups.get(r.grp) ?? {};
    g[r.method] = (g[r.method] ?? 0) + r.value;
    groups.set(r.grp, g);
    byMethod.set(r.method, (byMethod.get(r.method) ?? 0) + r.value);
  }
  return {
    methods: [...byMethod].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([m]) => m),
    groups: [...groups].map(([grp, values]) => ({
      grp,
      values,
      total: Object.values(values).reduce((s, v) => s + v, 0),
    })),
  };
}

export interface InstalmentBucket {
  /** Number of instalments; a payment recorded with 0 (Olist's vouchers) counts as paid at once, 1. */
  readonly installments: number;
  readonly payments: number;
  readonly value: number;
  /** Share of all the value paid; null when nothing was paid. */
  readonly share: number | null;
}

export interface InstalmentSummary {
  readonly buckets: readonly InstalmentBucket[];
  readonly total: number;
  /** Value of the payments in two instalments or more, and its share of the total (null when nothing was paid). */
  readonly inInstalments: number;
  readonly share: number | null;
  readonly payments: number;
  readonly paymentsInInstalments: number;
}

/** `paymentInstallmentsSql()`'s rows summed over the methods per number of instalments (fewest first). */
export function instalmentSummary(rowsIn: readonly InstallmentRow[]): InstalmentSummary {
  const byCount = new Map<number, { payments: number; value: number }>();
  for (const r of rowsIn) {
    const n = Math.max(1, r.installments);
    const b = byCount.get(n) ?? { payments: 0, value: 0 };
    byCount.set(n, { payments: b.payments + r.payments, value: b.value + r.value });
  }
  const total = rowsIn.reduce((s, r) => s + r.value, 0);
  const share = (v: number) => (total > 0 ? v / total : null);
  const buckets = [...byCount]
    .sort(([a], [b]) => a - b)
    .map(([installments, b]) => ({ installments, ...b, share: share(b.value) }));
  const many = buckets.filter((b) => b.installments > 1);
  const inInstalments = many.reduce((s, b) => s + b.value, 0);
  return {
    buckets,
    total,
    inInstalments,
    share: share(inInstalments),
    payments: buckets.reduce((s, b) => s + b.payments, 0),
    paymentsInInstalments: many.reduce((s, b) => s + b.payments, 0),
  };
}
