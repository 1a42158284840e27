import { kpiPeriods, ratio, relativeChange, type KpiPeriods } from '../../metrics/kpis.js';
import { orderUnit } from '../../metrics/orders.js';
import { rows } from '../../data/arrow-rows.js';
import { LINES_AS_ORDERS, NEEDS_PAGE_EVENTS } from '../base/data-notes.js';
import type { QueryContext } from '../base/mkt-widget.js';
import { named } from '../../queries/registry.js';

const CONVERSION = 'Sessions with a purchase / sessions';

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

/** A KPI with its change against the prior period (none when `noPrior`: the prior period lies before the data). */
function kpi(
  noPrior: boolean,
  key: Kpi['key'],
  label: string,
  kind: Kpi['kind'],
  [value, prior]: readonly [number | null, number | null],
  definition: string,
  note?: string,
): Kpi {
  const p = noPrior ? null : prior;
  const change = value === null ? null : relativeChange(value, p);
  return { key, label, kind, value, prior: p, change, definition, ...(note ? { note } : {}) };
}

/**
 * The conversion rate from the sessions' row: `pending` while the page events load, unavailable (`null`) when the
 * data has none.
 */
function conversionKpi(sessions: KpiSessionRow | null | 'pending', noPrior: boolean): Kpi {
  if (sessions === 'pending')
    return { ...kpi(noPrior, 'conversion', 'Conversion rate', 'percent', [null, null], CONVERSION), pending: true };
  const s = sessions;
  return kpi(
    noPrior,
    'conversion',
    'Conversion rate',
    'percent',
    s ? [ratio(s.purchases, s.sessions), ratio(s.purchases_prior, s.sessions_prior)] : [null, null],
    s ? CONVERSION : NEEDS_PAGE_EVENTS,
    s ? undefined : 'needs page events',
  );
}

/**
 * The five KPIs from the two queries' rows (`sessions` null without page events, `pending` while they load):
 * `noPrior` when the prior period lies wholly before the data, `perLine` when the data has no order ids (the AOV is
 * per order line).
 */
export function kpiList(
  o: KpiOrderRow,
  sessions: KpiSessionRow | null | 'pending',
  { noPrior, perLine }: { readonly noPrior: boolean; readonly perLine: boolean },
): Kpi[] {
  return [
    kpi(noPrior, 'gmv', 'GMV', 'money', [o.gmv, o.gmv_prior], 'Revenue of completed orders'),
    kpi(noPrior, 'sellers', 'Active sellers', 'count', [o.sellers, o.sellers_prior], 'Sellers with a completed order'),
    kpi(
      noPrior,
      'customers',
      'Active customers',
      'count',
      [o.customers, o.customers_prior],
      'Customers with a completed order',
    ),
    kpi(
      noPrior,
      'aov',
      'Avg order value',
      'money',
      [ratio(o.gmv, o.orders), ratio(o.gmv_prior, o.orders_prior)],
      perLine ? `GMV per completed order line. ${LINES_AS_ORDERS}.` : 'GMV per completed order',
      perLine ? 'per order line: no order ids' : undefined,
    ),
    conversionKpi(sessions, noPrior),
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
  const all = kpiList(orders, info.tables.has('mkt_sessions') ? 'pending' : null, {
    noPrior: priorBeforeData(periods, info.minDate),
    perLine: orderUnit(info) === 'line',
  });
  return {
    periods,
    priorIncomplete: periods.prior.from < info.minDate,
    dataStart: info.minDate,
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
  const conversion = conversionKpi(sessions, priorBeforeData(result.periods, result.dataStart));
  return { ...result, kpis: result.kpis.map((k) => (k.key === 'conversion' ? conversion : k)) };
}

/** The prior period lies wholly before the data's first day: there is nothing to compare with. */
const priorBeforeData = (periods: KpiPeriods, dataStart: string) => periods.prior.to < dataStart;
