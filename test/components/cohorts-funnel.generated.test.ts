import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import '../../src/components/funnel/mkt-funnel.js';
import '../../src/components/journey/mkt-journey.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { generateDatasetIPC } from '../../generator/core/write-dataset.js';
import { openEngine, sql } from '../support/engine.js';
import { mount, settled, whenReady } from '../support/dom.js';
import { cohortActivitySql } from '../../src/metrics/cohorts.js';
import { funnelOf, sessionPaths } from '../support/funnel.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

// Expected numbers come from straightforward SQL over the raw tables (transactions, page_events), written
// independently of the builders; the actual ones from the builders and from the elements' DOM.
const RAW_SESSIONS = `SELECT session_id, arg_min(traffic_source, event_time) AS source,
    bool_or(event_type = 'view') AS v, bool_or(event_type = 'add_to_cart') AS c,
    bool_or(event_type = 'checkout_start') AS k, bool_or(event_type = 'purchase') AS p
  FROM page_events GROUP BY session_id`;

function rawCohorts(member: 'customer_id' | 'seller_id'): string {
  return `WITH done AS (SELECT ${member} AS m, order_date FROM transactions WHERE status = 'completed'),
    first AS (SELECT m, date_trunc('month', min(order_date)) AS m0 FROM done GROUP BY m),
    act AS (SELECT DISTINCT d.m, f.m0, date_diff('month', f.m0, date_trunc('month', d.order_date)) AS k FROM done d JOIN first f USING (m))
    SELECT strftime(m0, '%Y-%m') AS cohort, k::INTEGER AS period, count(*)::INTEGER AS active
    FROM act WHERE k < 12 GROUP BY ALL ORDER BY cohort, period`;
}

describe('cohorts, funnel and journeys on a generated marketplace, against raw-table SQL', function () {
  let dataset: InMemoryDataset;
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    const generated = await generateDatasetIPC({ seed: 11, scale: 0.02 });
    dataset = { manifest: generated.manifest, files: generated.tables };
    ({ engine, close } = await openEngine(dataset));
  });
  after(() => close());

  for (const [entity, member] of [
    ['customers', 'customer_id'],
    ['sellers', 'seller_id'],
  ] as const) {
    it(`cohortActivitySql() counts active ${entity} per cohort and month as the raw transactions do`, async () => {
      const expected = await sql(engine, rawCohorts(member));
      const got = (await sql(engine, cohortActivitySql(EMPTY_FILTERS, { entity, periods: 12 }))).filter(
        (r) => Number(r.active) > 0,
      );
      expect(expected.length).to.be.greaterThan(10);
      expect(got.map((r) => [r.cohort, r.period, r.active])).to.deep.equal(
        expected.map((r) => [r.cohort, r.period, r.active]),
      );
      // Size = active in period 0.
      for (const r of got.filter((r) => r.period === 0)) expect(r.size).to.equal(r.active);
    });
  }

  it('the funnel counts each step as the raw page events do (every earlier step reached)', async () => {
    const [expected] = await sql(
      engine,
      `SELECT count(*)::INTEGER AS sessions,
        count(*) FILTER (WHERE v)::INTEGER AS viewed, count(*) FILTER (WHERE v AND c)::INTEGER AS carted,
        count(*) FILTER (WHERE v AND c AND k)::INTEGER AS checked_out, count(*) FILTER (WHERE v AND c AND k AND p)::INTEGER AS purchased
      FROM (${RAW_SESSIONS})`,
    );
    const [got] = await funnelOf(engine, EMPTY_FILTERS);
    expect(expected.purchased).to.be.greaterThan(0);
    expect({ ...got, grp: undefined }).to.deep.equal({ ...expected, grp: undefined });
  });

  it('the funnel by source and the session journeys agree with the raw page events per traffic source', async () => {
    const expected = await sql(
      engine,
      `SELECT source, count(*)::INTEGER AS sessions,
        count(*) FILTER (WHERE v AND c AND k AND p)::INTEGER AS purchased,
        count(*) FILTER (WHERE v AND NOT c)::INTEGER AS left_after_view
      FROM (${RAW_SESSIONS}) GROUP BY source ORDER BY source`,
    );
    const bySource = await funnelOf(engine, EMPTY_FILTERS, 'source');
    const paths = await sessionPaths(engine, EMPTY_FILTERS);
    for (const e of expected) {
      const g = bySource.find((r) => r.grp === e.source)!;
      expect([g.sessions, g.purchased], String(e.source)).to.deep.equal([e.sessions, e.purchased]);
      const depth1 = paths.find((r) => r.source === e.source && r.depth === 1)?.sessions ?? 0;
      expect(depth1, String(e.source)).to.equal(e.left_after_view);
    }
  });

  it('the elements show the raw-table numbers', async () => {
    const data: MktData = await mount(
      html`<mkt-data .source=${dataset}>
        <mkt-cohort-heatmap></mkt-cohort-heatmap><mkt-funnel></mkt-funnel><mkt-journey></mkt-journey>
      </mkt-data>`,
    );
    await whenReady(data);
    const heatmap = data.querySelector('mkt-cohort-heatmap')!;
    const funnel = data.querySelector('mkt-funnel')!;
    const journey = data.querySelector('mkt-journey')!;
    await Promise.all([settled(heatmap), settled(funnel), settled(journey)]);
    const raw = await sql(engine, rawCohorts('customer_id'));
    const size = raw.find((r) => r.cohort === '2025-02' && r.period === 0)!.active as number;
    const month3 = raw.find((r) => r.cohort === '2025-02' && r.period === 3)!.active as number;
    const cell = heatmap.shadowRoot!.querySelector('.cell[data-key="2025-02"][data-column="3"]')!;
    expect(Number(cell.getAttribute('data-value'))).to.equal(month3 / size);
    const [s] = await sql(
      engine,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE v AND c AND k AND p)::INTEGER AS bought FROM (${RAW_SESSIONS})`,
    );
    const fmt = new Intl.NumberFormat('en-US');
    expect(funnel.shadowRoot!.querySelector('.base')!.textContent).to.equal(`${fmt.format(s.n as number)} sessions`);
    expect(funnel.shadowRoot!.querySelector('[data-step="purchased"]')!.getAttribute('aria-label')).to.contain(
      `${fmt.format(s.bought as number)} sessions`,
    );
    expect(journey.shadowRoot!.querySelector('.node[data-node="Purchased"]')!.getAttribute('aria-label')).to.contain(
      `${fmt.format(s.bought as number)} sessions`,
    );
    data.remove();
  });
});
