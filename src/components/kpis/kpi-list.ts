import { kpiPeriods, ratio, relativeChange, type KpiPeriods } from '../../metrics/kpis.js';
import { orderUnit } from '../../metrics/orders.js';
import { rows } from '../../data/arrow-rows.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS } from '../base/data-notes.js';
import type { QueryContext } from '../base/mkt-widget.js';
import { named } from '../../queries/registry.js';

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
      s ? 'Sessions with a purchase / sessions' : NEEDS_PAGE_EVENTS,
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
}

/**
 * The KPIs under the current filters (of `<mkt-kpis>` and the executive report of `<mkt-report>`), those of `shown`
 * in that order; page events are read only when `shown` has the conversion rate.
 */
export async function queryKpis(
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
  const hasSessions = info.tables.has('mkt_sessions') && shown.includes('conversion');
  const [orders, sessions] = await Promise.all([
    engine.query(named('orderKpis', filters, periods), signal).then((t) => rows<KpiOrderRow>(t)[0]),
    hasSessions
      ? engine.query(named('sessionKpis', filters, periods), signal).then((t) => rows<KpiSessionRow>(t)[0])
      : null,
  ]);
  const all = kpiList(orders, sessions, {
    noPrior: periods.prior.to < info.minDate,
    perLine: orderUnit(info) === 'line',
  });
  return {
    periods,
    priorIncomplete: periods.prior.from < info.minDate,
    dataStart: info.minDate,
    kpis: shown.map((key) => all.find((k) => k.key === key)!),
  };
}
