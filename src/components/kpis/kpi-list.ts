import { kpiPeriods, ratio, relativeChange, type KpiPeriods } from '../../metrics/kpis.js';
import { orderUnit } from '../../metrics/orders.js';
import { rows } from '../../data/arrow-rows.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS } from '../base/data-notes.js';
import type { QueryContext } from '../base/mkt-widget.js';
import { named } from '../../queries/registry.js';

const CONVERSION_DEFINITION = 'Sessions with a purchase / sessions';

/** Every KPI, in the default order. */
export const KPI_KEYS = ['gmv', 'sellers', 'customers', 'aov', 'conversion'] as const;

export interface Kpi {
  readonly key: (typeof KPI_KEYS)[number];
  readonly label: string;
  readonly value: number | null;
  readonly prior: number | null;
  /** Relative change vs the prior period; null when the prior period has no data. */
  readonly change: number | null;
  readonly kind: 'money' | 'count' | 'percent';
  readonly definition: string;
  /** A short visible line under the value: what it counts when that differs from its label, or why it is missing. */
  readonly note?: string;
  /** Not computed yet: the conversion rate while the page events load (see queryOrderKpis). */
  readonly pending?: boolean;
}

export type KpiOrderRow = Record<
  'gmv' | 'orders' | 'sellers' | 'customers' | 'gmv_prior' | 'orders_prior' | 'sellers_prior' | 'customers_prior',
  number
>;
export type KpiSessionRow = Record<'sessions' | 'purchases' | 'sessions_prior' | 'purchases_prior', number>;

/**
 * The five KPIs from the two queries' rows (`sessions` null without page events): `noPrior` when the prior period
 * lies wholly before the data, `perLine` when the data has no order ids (the AOV is per order line).
 */
export function kpiList(
  orders: KpiOrderRow,
  sessions: KpiSessionRow | null,
  { noPrior, perLine }: { readonly noPrior: boolean; readonly perLine: boolean },
): Kpi[] {
  const kpi = (
    key: Kpi['key'],
    label: string,
    kind: Kpi['kind'],
    [value, prior]: readonly [number | null, number | null],
    definition: string,
    note?: string,
  ): Kpi => {
    const p = noPrior ? null : prior;
    const change = value === null ? null : relativeChange(value, p);
    return { key, label, kind, value, prior: p, change, definition, ...(note ? { note } : {}) };
  };
  const o = orders;
  const s = sessions;
  return [
    kpi('gmv', 'GMV', 'money', [o.gmv, o.gmv_prior], 'Revenue of completed orders'),
    kpi('sellers', 'Active sellers', 'count', [o.sellers, o.sellers_prior], 'Sellers with a completed order'),
    kpi('customers', 'Active customers', 'count', [o.customers, o.customers_prior], 'Customers with a completed order'),
    kpi(
      'aov',
      'Avg order value',
      'money',
      [ratio(o.gmv, o.orders), ratio(o.gmv_prior, o.orders_prior)],
      perLine ? `GMV per completed order line. ${LINES_AS_ORDERS}.` : 'GMV per completed order',
      perLine ? 'per order line: no order ids' : undefined,
    ),
    kpi(
      'conversion',
      'Conversion rate',
      'percent',
      s ? [ratio(s.purchases, s.sessions), ratio(s.purchases_prior, s.sessions_prior)] : [null, null],
      s ? CONVERSION_DEFINITION : NEEDS_PAGE_EVENTS,
      s ? undefined : 'needs page events',
    ),
  ];
}

export interface KpiResult {
  readonly periods: KpiPeriods;
  readonly kpis: readonly Kpi[];
  /** The prior period lies (partly) before the first day of data. */
  readonly priorIncomplete: boolean;
  readonly dataStart: string;
  /** The prior period lies wholly before the data: no changes are shown. */
  readonly noPrior?: boolean;
}

/**
 * The KPIs under the current filters (of `<mkt-kpis>` and the executive report of `<mkt-report>`), those of `shown`
 * in that order; page events are read only when `shown` has the conversion rate.
 */
export async function queryKpis(context: QueryContext, shown: readonly Kpi['key'][] = KPI_KEYS): Promise<KpiResult> {
  const [orders, sessions] = await Promise.all([
    queryOrderKpis(context, shown),
    shown.includes('conversion') ? querySessionKpis(context) : null,
  ]);
  return withSessions(orders, sessions);
}

/**
 * The KPIs of `shown` from the order lines alone: the conversion rate, when shown and the data has page events, is
 * `pending` until {@link withSessions} adds it (the page events load when first asked for, which can take long).
 */
export async function queryOrderKpis(
  { engine, filters, dashboard, signal }: QueryContext,
  shown: readonly Kpi['key'][] = KPI_KEYS,
): Promise<KpiResult> {
  const info = dashboard.info!;
  if (!info.minDate || !info.maxDate)
    return {
      periods: kpiPeriods(filters, '1970-01-01', '1970-01-01'),
      kpis: [],
      priorIncomplete: true,
      dataStart: '1970-01-01',
    };
  const periods = kpiPeriods(filters, info.minDate, info.maxDate);
  const orders = rows<KpiOrderRow>(await engine.query(named('orderKpis', filters, periods), signal))[0];
  const options = { noPrior: periods.prior.to < info.minDate, perLine: orderUnit(info) === 'line' };
  const pending = (k: Kpi): Kpi => ({ ...k, pending: true, note: undefined, definition: CONVERSION_DEFINITION });
  const all = kpiList(orders, null, options).map((k) =>
    k.key === 'conversion' && info.tables.has('mkt_sessions') ? pending(k) : k,
  );
  return {
    periods,
    priorIncomplete: periods.prior.from < info.minDate,
    dataStart: info.minDate,
    noPrior: options.noPrior,
    kpis: shown.map((key) => all.find((k) => k.key === key)!),
  };
}

/** Sessions and purchases of the KPIs' periods; null when the data has no page events. */
export async function querySessionKpis({
  engine,
  filters,
  dashboard,
  signal,
}: QueryContext): Promise<KpiSessionRow | null> {
  const info = dashboard.info!;
  if (!info.tables.has('mkt_sessions') || !info.minDate || !info.maxDate) return null;
  const periods = kpiPeriods(filters, info.minDate, info.maxDate);
  return rows<KpiSessionRow>(await engine.query(named('sessionKpis', filters, periods), signal))[0];
}

/** `result` with its pending conversion rate computed from `sessions`. */
export function withSessions(result: KpiResult, sessions: KpiSessionRow | null): KpiResult {
  if (!sessions) return result;
  const [conversion] = kpiList(ZERO_ORDERS, sessions, { noPrior: !!result.noPrior, perLine: false }).filter(
    (k) => k.key === 'conversion',
  );
  return { ...result, kpis: result.kpis.map((k) => (k.key === 'conversion' ? conversion : k)) };
}

const ZERO_ORDERS: KpiOrderRow = {
  gmv: 0,
  orders: 0,
  sellers: 0,
  customers: 0,
  gmv_prior: 0,
  orders_prior: 0,
  sellers_prior: 0,
  customers_prior: 0,
};
