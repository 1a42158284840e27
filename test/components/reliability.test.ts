import { expect, html } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import { liveDuckDBWorkers } from '../../src/data/duckdb.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { blobDataset } from '../support/blob-dataset.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const gmv = (kpis: Element) => text(kpis, '[data-kpi="gmv"] .value');

describe('reliability', () => {
  it('ends 1,000 filter changes in the state of the last one, dropping superseded queries, with no stale paint', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>`);
    const kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    const engine = data.state.engine!;
    const executedBefore = engine.executed;
    const painted: string[] = [];
    const observer = new MutationObserver(() => painted.push(gmv(kpis)));
    observer.observe(kpis.shadowRoot!, { subtree: true, childList: true, characterData: true });
    const tiers = ['gold', 'silver', 'new'];
    for (let i = 0; i < 1000; i++) kpis.dispatchEvent(new MktFilterChangeEvent({ tiers: [tiers[i % 3]] }));
    // The 1,000th change (i = 999) picks tiers[0] = gold: seller s1, t1 + t5 + t7 = 300.
    expect(data.filters.tiers).to.deep.equal(['gold']);
    await waitFor(() => gmv(kpis) === '$300', 'the final state to paint');
    await settled(kpis);
    observer.disconnect();
    // Everything painted after the burst is the final state's value (or the dimmed previous one, never another).
    const values = new Set(painted.filter((v) => v !== ''));
    for (const v of values) expect(['$460', '$300'], `painted ${v}`).to.include(v);
    // Superseded work was dropped instead of queued: a handful of statements, not thousands.
    expect(engine.executed - executedBefore).to.be.lessThan(20);
    data.remove();
  });

  it('frees the DuckDB worker when a data element is removed, replaced or given a new src', async () => {
    // Earlier tests' data elements free their workers just after removal: wait until the count is stable.
    await new Promise((r) => setTimeout(r, 300));
    const start = liveDuckDBWorkers();
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>`);
    await whenReady(data);
    expect(liveDuckDBWorkers()).to.equal(start + 1);

    data.src = blobDataset();
    data.source = null;
    await waitFor(() => data.state.status === 'loading', 'the reload to start');
    await whenReady(data);
    expect(data.state.status).to.equal('ready');
    expect(liveDuckDBWorkers(), 'one worker after changing src').to.equal(start + 1);

    // Moving an element (disconnect + connect in one task) keeps its database.
    const engine = data.state.engine;
    const parent = data.parentElement!;
    parent.append(data);
    await new Promise((r) => setTimeout(r, 50));
    expect(data.state.engine).to.equal(engine);

    data.remove();
    await waitFor(() => liveDuckDBWorkers() === start, 'the worker to be freed');
  });

  it('loads again when a removed data element is added back', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>`);
    await whenReady(data);
    const holder = data.parentElement!;
    data.remove();
    await waitFor(() => data.state.status === 'idle', 'the database to be freed');
    holder.append(data);
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    expect(gmv(kpis)).to.equal('$460');
    data.remove();
  });

  it('works inside the shadow root of another component, by context and by data="id"', async () => {
    class HostCard extends LitElement {
      override render() {
        return html`<mkt-data id="inner" .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data
          ><mkt-kpis data="inner" class="outside"></mkt-kpis>`;
      }
    }
    if (!customElements.get('host-card')) customElements.define('host-card', HostCard);
    const host = await mount<HostCard>(html`<host-card></host-card>`);
    const root = host.shadowRoot!;
    const data = root.querySelector<MktData>('mkt-data')!;
    await whenReady(data);
    const [inside, outside] = root.querySelectorAll<MktKpis>('mkt-kpis');
    await settled(inside);
    await settled(outside);
    expect(gmv(inside)).to.equal('$460');
    expect(gmv(outside)).to.equal('$460');
    outside.dispatchEvent(new MktFilterChangeEvent({ categories: ['Books'] }));
    await waitFor(() => gmv(inside) === '$60', 'the filter from the attached widget to reach the dashboard');
    render(null, host.parentElement!);
  });

  it('keeps widget state valid when a query fails, and reports it with mkt-error', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>`);
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    const errors: string[] = [];
    data.addEventListener('mkt-error', (e) => errors.push(e.detail.code));
    // Sabotage: drop the derived table the KPIs read, then change the filters.
    await data.state.engine!.exec('DROP TABLE mkt_orders');
    data.setFilters({ tiers: ['gold'] });
    await waitFor(() => text(kpis, '.message.error'), 'the KPI widget to show the failure');
    expect(text(kpis, '.message.error')).to.contain('mkt_orders');
    await waitFor(() => errors.includes('query-failed'), 'an mkt-error with code query-failed');
    data.remove();
  });
});
