// The peer of kit.html, written the way Mosaic's examples build a cross-filtered dashboard: the data loaded into
// DuckDB-WASM and flattened into one table, one vgplot mark (or one custom client for the KPI figures) per view,
// and one crossfilter selection that every view is filtered by. `?preagg=1` turns on Mosaic's pre-aggregation
// (data-cube indexes); `?data=scale-5` picks the dataset.
//
// Fair to both: the same DuckDB-WASM build as the kit (1.32.0, started by the kit's own startDuckDB; Mosaic pins
// 1.33.1-dev57.0 but its connector takes an existing instance, and the build's alias makes its import this one),
// the same files, the same filter changes. The filters the kit takes as inputs are clauses here, from sources
// that stand for Mosaic's inputs: a date brush on a day-per-pixel time scale (so it selects whole days, like the
// kit's date filter), and menus for category, tiers and region. The category chart is that clause's client, so
// crossfiltering leaves it unfiltered by category, as the kit's chart is.
import {
  Coordinator,
  DuckDBWASMConnector,
  clauseInterval,
  clausePoints,
  makeClient,
  type Connector,
  type MosaicClient,
  type Selection,
  type SelectionClause,
} from '@uwdata/mosaic-core';
import { createAPIContext } from '@uwdata/vgplot';
import { Query, count, sql, sum as sumOf } from '@uwdata/mosaic-sql';
import type { Table } from '@uwdata/flechette';
import { startDuckDB } from '../../../src/data/duckdb.js';
import { arrowStream } from '../../../src/data/arrow-ipc.js';
import { applyFilterPatch, EMPTY_FILTERS, type FilterPatch, type FilterState } from '../../../src/data/filter-state.js';
import { MOSAIC_ORDER_LINES, minimalSql, VIEWS, type View } from './minimal-sql.js';
import { dataFolder, sum, type PeerPage, type PeerStep, type SentStatement } from './page-api.js';

const preagg = new URLSearchParams(location.search).get('preagg') === '1';
const TABLES = ['transactions', 'products', 'sellers', 'customers'] as const;
const DAY_MS = 86_400_000;

/**
 * One flat table of completed order lines with the dimensions the filters name (Mosaic queries one table). Orders
 * are counted as the kit counts them (src/metrics/orders.ts): distinct order ids, a line without one its own order.
 */
const FLAT_TABLE = `CREATE TABLE orders AS
  SELECT t.order_date, t.revenue, t.seller_id, t.customer_id, coalesce(t.order_id, 'line ' || t.id) AS order_id,
    p.category, s.tier, c.region
  FROM transactions t
  LEFT JOIN products p ON p.id = t.product_id
  LEFT JOIN sellers s ON s.id = t.seller_id
  LEFT JOIN customers c ON c.id = t.customer_id
  WHERE t.status = 'completed'`;

/** Every statement Mosaic sends, with when it was sent and answered (it sends several at once; DuckDB runs them in turn). */
const sent: { sql: string; at: number; done: number }[] = [];

function timedConnector(inner: Connector): Connector {
  const query = async (request: { type: string; sql: string }) => {
    const entry = { sql: request.sql, at: performance.now(), done: NaN };
    sent.push(entry);
    const result = await (inner.query as (r: typeof request) => Promise<unknown>)(request);
    entry.done = performance.now();
    return result;
  };
  return { query } as Connector;
}

/** Each statement's own time: from when DuckDB could start it (sent, and the one before answered) to its answer. */
function statementsSince(index: number): SentStatement[] {
  const list = sent.slice(index);
  return list.map((s, i) => ({ sql: s.sql, ms: s.done - Math.max(s.at, i > 0 ? list[i - 1].done : s.at) }));
}

/** A clause source that stands for an input (Mosaic resets its sources when their clause is cleared). */
const input = (name: string) => ({ name, reset: () => undefined });

async function setup() {
  const { db } = await startDuckDB();
  performance.mark('peer:engine-ready');
  const connection = await db.connect();
  const base = dataFolder();
  const downloads = TABLES.map(
    async (name) => new Uint8Array(await (await fetch(`${base}${name}.arrow`)).arrayBuffer()),
  );
  for (const [i, name] of TABLES.entries())
    await connection.insertArrowFromIPCStream(arrowStream(await downloads[i]), { name, create: true });
  performance.mark('peer:data-loaded');

  // Types of Mosaic's own duckdb-wasm copy; the instance is the kit's build (see the top of this file).
  const wasm = new DuckDBWASMConnector({ duckdb: db as never, connection: connection as never });
  const coordinator = new Coordinator(timedConnector(wasm), { logger: null, preagg: { enabled: preagg } });
  await coordinator.exec(FLAT_TABLE);
  const [range] = (
    (await coordinator.query(`SELECT min(order_date) AS lo, max(order_date) AS hi FROM orders`)) as Table
  ).toArray() as { lo: Date; hi: Date }[];
  performance.mark('peer:data-ready');

  const vg = createAPIContext({ coordinator });
  const $filter: Selection = vg.Selection.crossfilter();
  const from = () => vg.from('orders', { filterBy: $filter, optimize: false });
  const trend = vg.plot(
    vg.lineY(from(), { x: 'order_date', y: vg.sum('revenue'), stroke: '#3366cc' }),
    vg.width(1248),
    vg.height(220),
    vg.marginLeft(70),
  );
  const categories = vg.plot(
    vg.barX(from(), { x: vg.sum('revenue'), y: 'category', fill: '#3366cc', sort: { y: '-x' } }),
    vg.width(616),
    vg.height(240),
    vg.marginLeft(130),
  );
  const tiers = vg.plot(
    vg.barY(from(), { x: sql`date_trunc('month', order_date)`, y: vg.sum('revenue'), fill: 'tier', order: 'sum' }),
    vg.width(616),
    vg.height(240),
    vg.marginLeft(70),
    vg.xScale('band'),
    vg.xTickFormat('%b'),
    vg.xLabel(null),
  );
  document.querySelector('#trend')!.append(trend);
  document.querySelector('#categories')!.append(categories);
  document.querySelector('#tiers')!.append(tiers);

  const list = document.createElement('ul');
  list.className = 'kpis';
  document.querySelector('#kpis')!.append(list);
  let kpis: { gmv: number; orders: number; sellers: number; customers: number } | null = null;
  const kpiClient = makeClient({
    coordinator,
    selection: $filter,
    query: (filter) =>
      Query.from('orders')
        .select({
          gmv: sumOf('revenue'),
          orders: count('order_id').distinct(),
          sellers: count('seller_id').distinct(),
          customers: count('customer_id').distinct(),
        })
        .where(filter),
    queryResult: (data) => {
      kpis = (data as Table).toArray()[0] as typeof kpis;
      renderKpis(list, kpis!);
    },
  });

  const mark = (plot: HTMLElement) => (plot as unknown as { value: { marks: MarkLike[] } }).value.marks[0];
  const views = { trend: mark(trend), categories: mark(categories), tiers: mark(tiers) };
  const clients: MosaicClient[] = [views.trend, views.categories, views.tiers, kpiClient] as unknown as MosaicClient[];
  // A brush on a time axis of one pixel per day, rounding to whole pixels: it selects whole days.
  const days = Math.round((+range.hi - +range.lo) / DAY_MS) + 1;
  const dayScale = {
    type: 'utc' as const,
    domain: [range.lo, new Date(+range.hi + DAY_MS)] as [Date, Date],
    range: [0, days] as [number, number],
  };
  const sources = { date: input('date range'), tiers: input('tier menu'), regions: input('region menu') };

  /** The clause one change of the kit's filters stands for (each change touches one filter). */
  function clauseFor(patch: FilterPatch, state: FilterState): SelectionClause {
    const points = (field: string, values: readonly string[], source: object) =>
      clausePoints([field], values.length > 0 ? values.map((v) => [v]) : null, { source });
    if ('dateFrom' in patch || 'dateTo' in patch) {
      const value: [Date, Date] | null =
        state.dateFrom && state.dateTo ? [utcDay(state.dateFrom), utcDay(state.dateTo)] : null;
      return clauseInterval('order_date', value, { source: sources.date, scale: dayScale, bin: 'round', pixelSize: 1 });
    }
    if (patch.categories) return points('category', state.categories, views.categories);
    if (patch.tiers) return points('tier', state.tiers, sources.tiers);
    if (patch.regions) return points('region', state.regions, sources.regions);
    throw new Error(`The peer page has no filter for ${JSON.stringify(patch)}`);
  }

  let filters = EMPTY_FILTERS;
  await settled(clients);
  const coldCount = sent.length;
  const painted = performance.now();

  const page: PeerPage = {
    async coldStart() {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        engineReady: at('peer:engine-ready'),
        dataLoaded: at('peer:data-loaded'),
        dataReady: at('peer:data-ready'),
        painted,
      };
    },
    async change(patch): Promise<PeerStep> {
      filters = applyFilterPatch(filters, patch);
      const clause = clauseFor(patch, filters);
      let cubeMs = 0;
      const beforeCubes = sent.length;
      if (preagg && clause.predicate) {
        // What hovering the input does before the click: build the data-cube tables for this clause's source.
        const started = performance.now();
        $filter.activate(clause);
        await Promise.all([...coordinator.preaggregator.entries.values()].map((e) => (e as CubeEntry)?.result));
        cubeMs = performance.now() - started;
      }
      const cubeStatements = sent.length - beforeCubes;
      const before = sent.length;
      const started = performance.now();
      $filter.update(clause);
      await selectionSettled($filter);
      const ms = performance.now() - started;
      return { ms, statements: statementsSince(before), cubeMs, cubeStatements };
    },
    figures() {
      const column = (m: MarkLike, channel: string) => m.data?.columns[channel] ?? [];
      return {
        gmv: kpis!.gmv,
        aov: kpis!.orders > 0 ? kpis!.gmv / kpis!.orders : null,
        sellers: kpis!.sellers,
        customers: kpis!.customers,
        trendGmv: sum(column(views.trend, 'y')),
        categoryGmv: sum(column(views.categories, 'x')),
        tierGmv: sum(column(views.tiers, 'y')),
      };
    },
    async rawMinimal() {
      const statements = minimalSql(filters, MOSAIC_ORDER_LINES);
      const out = {} as Record<View, number>;
      for (const view of VIEWS) {
        const started = performance.now();
        await connection.query(statements[view]);
        out[view] = performance.now() - started;
      }
      return out;
    },
    coldStatements: () => statementsSince(0).slice(0, coldCount),
  };
  window.__peer = page;
}

interface MarkLike {
  data?: { columns: Record<string, Iterable<number>> };
}
interface CubeEntry {
  result?: Promise<unknown> | null;
}

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Until no client has an update in flight (each one's `pending` ends after its chart has rendered). */
async function settled(clients: readonly MosaicClient[]): Promise<void> {
  for (;;) {
    const pending = clients.map((c) => c.pending);
    await Promise.all(pending);
    await new Promise((r) => setTimeout(r, 0));
    if (clients.every((c, i) => c.pending === pending[i])) return;
  }
}

/** Until the selection's update has reached every client and each has rendered (Mosaic queues updates that come during one). */
async function selectionSettled(selection: Selection): Promise<void> {
  const dispatch = (selection as unknown as { _callbacks: Map<string, { pending: Promise<unknown> | null }> })
    ._callbacks;
  while (dispatch.get('value')?.pending) await dispatch.get('value')!.pending;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const counts = new Intl.NumberFormat('en-US');

function renderKpis(list: HTMLElement, k: { gmv: number; orders: number; sellers: number; customers: number }) {
  const figures: [string, string][] = [
    ['GMV', money.format(k.gmv)],
    ['Orders', counts.format(k.orders)],
    ['Avg order value', k.orders > 0 ? money.format(k.gmv / k.orders) : '–'],
    ['Active customers', counts.format(k.customers)],
    ['Active sellers', counts.format(k.sellers)],
  ];
  list.replaceChildren(
    ...figures.map(([label, value]) => {
      const item = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = value;
      item.append(label, strong);
      return item;
    }),
  );
}

void setup();
