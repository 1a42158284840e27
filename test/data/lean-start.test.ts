import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/components/data/mkt-data.js';
import '../../src/components/filters/mkt-filters.js';
import '../../src/components/kpis/mkt-kpis.js';
import '../../src/components/revenue-trend/mkt-revenue-trend.js';
import '../../src/components/category-performance/mkt-category-performance.js';
import '../../src/components/tier-contribution/mkt-tier-contribution.js';
import '../../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import type { KpiResult } from '../../src/components/kpis/mkt-kpis.js';
import type { RevenueTrendResult } from '../../src/components/revenue-trend/mkt-revenue-trend.js';
import type { CategoryPerformanceResult } from '../../src/components/category-performance/mkt-category-performance.js';
import type { TierContributionResult } from '../../src/components/tier-contribution/mkt-tier-contribution.js';
import { LEAN_ELEMENTS } from '../../src/components/data/lean-start.js';
import { rows } from '../../src/data/arrow-rows.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, waitFor, whenReady } from '../support/dom.js';
import { DashboardLoader } from '../../src/data/dashboard-loader.js';
import type { DashboardState } from '../../src/data/dashboard-state.js';

/**
 * A dashboard whose elements all read only the lean mkt_orders (src/components/data/lean-start.ts) paints before the
 * segments, cohorts and reviews are built; they are built when a query first needs them. Figures of the tiny
 * marketplace (test/fixtures/tiny-marketplace.ts), completed lines: t1 c1 s1 Electronics gold 100 (Jan),
 * t2 c2 s2 Books silver 40 (Jan), t3 c1 s2 Books silver 20 (Feb), t5 c3 s1 Electronics gold 100 (Feb), t7 c2 s1
 * Electronics gold 100 (Mar), t8 c4 s3 Toys new 100 (Mar).
 */
const result = <T>(el: Element) => (el as unknown as { task: { value: T } }).task.value;
const built = (data: MktData, table: string) =>
  data.state.engine!.history.filter((h) => h.sql.includes(`CREATE OR REPLACE TABLE ${table} `)).length;

async function settleAll(data: MktData) {
  for (const el of data.querySelectorAll('*'))
    if (el.localName.startsWith('mkt-')) await settled(el as MktWidget<unknown>);
}

/** A dashboard, ready and with every element painted. */
async function mountSettled(template: TemplateResult): Promise<MktData> {
  const data = await mount<MktData>(template);
  await whenReady(data);
  await settleAll(data);
  return data;
}

// o9: a cancelled order without lines, known only to `orders`: the full mkt_orders has a row for it.
const withOrders = () =>
  tinyDataset({ rows: { orders: [{ id: 'o9', customer_id: 'c4', order_date: '2025-03-01', status: 'cancelled' }] } });

describe('<mkt-data>: a page of lean elements starts on the lean tables', () => {
  let data: MktData;
  before(async () => {
    data = await mountSettled(html`
      <mkt-data .source=${tinyDataset()}>
        <mkt-filters></mkt-filters>
        <mkt-kpis show="gmv sellers customers aov"></mkt-kpis>
        <mkt-revenue-trend granularity="month"></mkt-revenue-trend>
        <mkt-category-performance></mkt-category-performance>
        <mkt-tier-contribution></mkt-tier-contribution>
      </mkt-data>
    `);
  });
  after(() => data.remove());

  it('lists exactly these elements as lean', () => {
    for (const el of data.querySelectorAll('*')) expect(LEAN_ELEMENTS.has(el.localName)).to.equal(true);
  });

  it('paints every figure, and builds neither the segments nor the full mkt_orders, data checks included', () => {
    const kpis = result<KpiResult>(data.querySelector('mkt-kpis')!).kpis;
    const kpi = (key: string) => kpis.find((k) => k.key === key)?.value;
    // 460 over six orders of four customers (c1-c4) from three sellers.
    expect([kpi('gmv'), kpi('sellers'), kpi('customers')]).to.deep.equal([460, 3, 4]);
    expect(kpi('aov')).to.be.closeTo(460 / 6, 1e-9);
    const trend = result<RevenueTrendResult>(data.querySelector('mkt-revenue-trend')!).rows;
    // January 100 + 40, February 20 + 100, March 100 + 100.
    expect(trend.map((r) => r.gmv)).to.deep.equal([140, 120, 200]);
    const categories = result<CategoryPerformanceResult>(data.querySelector('mkt-category-performance')!).rows;
    expect(Object.fromEntries(categories.map((r) => [r.category, r.gmv]))).to.deep.equal({
      Electronics: 300,
      Toys: 100,
      Books: 60,
    });
    const tiers = result<TierContributionResult>(data.querySelector('mkt-tier-contribution')!).buckets;
    expect(tiers.reduce((a, b) => a + b.total, 0)).to.equal(460);
    expect(data.state.checked).to.equal(true);
    expect(built(data, 'mkt_customer_segments')).to.equal(0);
    expect(built(data, 'mkt_orders')).to.equal(1);
  });

  it('builds the rest when a query names a column only the full mkt_orders has, and answers it', async () => {
    const answer = rows<{ id: string }>(
      await data.state.engine!.query(`SELECT id FROM mkt_orders WHERE status = 'completed' ORDER BY id`),
    );
    expect(answer.map((r) => r.id)).to.deep.equal(['t1', 't2', 't3', 't5', 't7', 't8']);
    expect(built(data, 'mkt_customer_segments')).to.equal(1);
    expect(built(data, 'mkt_orders')).to.equal(2);
  });

  it('filters on a cohort with the full table', async () => {
    // Cohort 2025-01: c1 and c2 (first completed purchases 10 and 15 January): 100 + 40 + 20 + 100 = 260.
    data.setFilters({ cohort: '2025-01' });
    const kpis = data.querySelector('mkt-kpis')!;
    await waitFor(() => result<KpiResult>(kpis)?.kpis.find((k) => k.key === 'gmv')?.value === 260, 'the cohort GMV');
    expect(result<KpiResult>(kpis).kpis.find((k) => k.key === 'customers')?.value).to.equal(2);
  });
});

describe('<mkt-data>: a page with another element starts on the full tables', () => {
  it('builds mkt_orders once, in full, before the first paint', async () => {
    const data = await mount<MktData>(html`
      <mkt-data .source=${tinyDataset()}>
        <mkt-kpis show="gmv"></mkt-kpis>
        <mkt-cohort-heatmap></mkt-cohort-heatmap>
      </mkt-data>
    `);
    try {
      await whenReady(data);
      await settleAll(data);
      expect(built(data, 'mkt_orders')).to.equal(1);
      expect(built(data, 'mkt_customer_segments')).to.equal(1);
      const columns = rows<{ name: string }>(
        await data.state.engine!.query(`SELECT name FROM pragma_table_info('mkt_orders')`),
      );
      expect(columns.map((c) => c.name)).to.include('segment');
    } finally {
      data.remove();
    }
  });
});

describe('<mkt-data>: a page of lean elements leaves orders and reviews for later', () => {
  const tables = async (data: MktData) =>
    rows<{ name: string }>(await data.state.engine!.query(`SELECT table_name AS name FROM duckdb_tables()`)).map(
      (t) => t.name,
    );
  let data: MktData;
  before(async () => {
    data = await mountSettled(html`
      <mkt-data .source=${withOrders()}>
        <mkt-kpis show="gmv sellers customers aov"></mkt-kpis>
        <mkt-tier-contribution></mkt-tier-contribution>
      </mkt-data>
    `);
  });
  after(() => data.remove());

  it('paints without loading them, and with the same figures', async () => {
    const kpis = result<KpiResult>(data.querySelector('mkt-kpis')!).kpis;
    expect(kpis.find((k) => k.key === 'gmv')?.value).to.equal(460);
    expect(kpis.find((k) => k.key === 'aov')?.value).to.be.closeTo(460 / 6, 1e-9);
    const present = await tables(data);
    expect(present).to.include('transactions');
    expect(present).not.to.include('orders');
    expect(present).not.to.include('reviews');
    expect(data.state.info!.tables.has('orders')).to.equal(true);
  });

  it('loads them, and builds the full mkt_orders, when any other query reads mkt_orders', async () => {
    // Cancelled: the line t6, and the order o9 without lines.
    const [n] = rows<{ n: number }>(
      await data.state.engine!.query(`SELECT count(*)::INTEGER AS n FROM mkt_orders WHERE status = 'cancelled'`),
    );
    expect(n.n).to.equal(2);
    expect(await tables(data)).to.include.members(['orders', 'reviews']);
    expect(built(data, 'mkt_order_keys')).to.equal(2);
    expect(built(data, 'mkt_orders')).to.equal(2);
  });
});

describe('DashboardLoader: a page that is no longer lean once the tables are in', () => {
  it('loads the tables left for later before it builds mkt_orders, once, in full', async () => {
    const state: Partial<DashboardState> = {};
    const loader = new DashboardLoader((patch) => Object.assign(state, patch));
    let asked = 0;
    try {
      const outcome = await loader.load({
        src: '',
        dataset: withOrders(),
        // Lean when the load starts; an element that is not was added before the tables were in.
        leanStart: () => asked++ === 0,
      });
      expect(outcome).not.to.equal('superseded');
      expect(asked).to.equal(2);
      const engine = state.engine!;
      const [n] = rows<{ n: number }>(
        await engine.query(`SELECT count(*)::INTEGER AS n FROM mkt_orders WHERE status = 'cancelled'`),
      );
      expect(n.n).to.equal(2);
      const [t1] = rows<{ n: number }>(
        await engine.query(`SELECT review_count::INTEGER AS n FROM mkt_orders WHERE id = 't1'`),
      );
      expect(t1.n).to.equal(1);
      expect(engine.history.filter((h) => h.sql.includes('CREATE OR REPLACE TABLE mkt_orders ')).length).to.equal(1);
    } finally {
      loader.dispose();
    }
  });
});
