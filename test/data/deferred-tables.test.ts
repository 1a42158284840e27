import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import '../../src/components/funnel/mkt-funnel.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import type { MktFunnel } from '../../src/components/funnel/mkt-funnel.js';
import { rows } from '../../src/data/arrow-rows.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { blobDataset } from '../support/blob-dataset.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

/** Whether the dashboard's database has the table now (not whether the dataset declares it). */
async function inDatabase(data: MktData, table: string): Promise<boolean> {
  const result = await data.state.engine!.exec(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = '${table}'`,
  );
  return rows<{ n: number }>(result)[0].n === 1;
}

describe('deferred tables: page events load when a view first reads them', () => {
  it('leaves page events out of the first load and loads them for a funnel added later, once', async () => {
    const fetched: string[] = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    let ready: CustomEvent | null = null;
    const src = blobDataset();
    const manifest = JSON.parse(await (await fetch(src.replace(/#.*$/, ''))).text());
    const eventsFile: string = manifest.tables.page_events.file;
    try {
      const data = await mount<MktData>(
        html`<mkt-data src=${src} @mkt-data-ready=${(e: CustomEvent) => (ready = e)}
          ><mkt-kpis show="gmv customers"></mkt-kpis
        ></mkt-data>`,
      );
      await whenReady(data);
      const kpis = data.querySelector<MktKpis>('mkt-kpis')!;
      await settled(kpis);
      // Completed lines of the tiny marketplace: 100 + 40 + 20 + 100 + 100 + 100 = 460.
      expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
      expect(kpis.shadowRoot!.querySelector('[data-kpi="conversion"]')).to.equal(null);
      await waitFor(() => ready, 'mkt-data-ready');
      expect(ready!.detail.tables).to.include({ sellers: 3, transactions: 8 });
      expect(ready!.detail.tables).not.to.have.property('page_events');
      expect(fetched).not.to.include(eventsFile);
      expect(await inDatabase(data, 'page_events')).to.equal(false);
      expect(data.state.info!.tables.has('mkt_sessions')).to.equal(true);

      const funnel = document.createElement('mkt-funnel') as MktFunnel;
      data.append(funnel);
      await waitFor(() => funnel.shadowRoot?.querySelector('.step'), 'funnel steps');
      await settled(funnel);
      // Five sessions (S1-S5) of 12 events: every session viewed.
      expect(
        rows<{ n: number }>(await data.state.engine!.exec('SELECT count(*)::INTEGER AS n FROM page_events'))[0].n,
      ).to.equal(12);
      expect(funnel.shadowRoot!.textContent).to.contain('5');
      const second = document.createElement('mkt-funnel') as MktFunnel;
      data.append(second);
      await settled(second);
      expect(fetched.filter((url) => url === eventsFile)).to.have.length(1);
      data.remove();
    } finally {
      window.fetch = fetch;
    }
  });

  it('a broken page events file fails only the views that read it; the rest of the dashboard works', async () => {
    const errors: CustomEvent[] = [];
    const src = blobDataset({ page_events: new TextEncoder().encode('not an arrow file') });
    const data = await mount<MktData>(
      html`<mkt-data src=${src} @mkt-error=${(e: CustomEvent) => errors.push(e)}
        ><mkt-kpis show="gmv"></mkt-kpis><mkt-funnel></mkt-funnel
      ></mkt-data>`,
    );
    await whenReady(data);
    expect(data.state.status).to.equal('ready');
    const kpis = data.querySelector<MktKpis>('mkt-kpis')!;
    const funnel = data.querySelector<MktFunnel>('mkt-funnel')!;
    await settled(kpis);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    await waitFor(() => errors.find((e) => e.detail.code === 'file-malformed'), 'the funnel reports the broken file');
    await waitFor(() => /page_events/.test(funnel.shadowRoot!.textContent ?? ''), 'the funnel names the table');
    data.remove();
  });

  it('a view that asks for a deferred table does not wait for its data-quality checks', async () => {
    const data = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset()}><mkt-kpis show="gmv"></mkt-kpis></mkt-data>`,
    );
    await whenReady(data);
    await settled(data.querySelector<MktKpis>('mkt-kpis')!);
    data.append(document.createElement('mkt-funnel'));
    const engine = data.state.engine!;
    const isCheck = (sql: string) => /FROM "page_events" WHERE id IS NOT NULL GROUP BY id HAVING/.test(sql);
    // The duplicate-id check of page events runs, at idle priority, after the funnel's first answer.
    await waitFor(() => engine.history.some((h) => isCheck(h.sql)), 'the checks of the page events');
    const first = engine.history.findIndex((h) => /FROM mkt_sessions/.test(h.sql));
    const check = engine.history.findIndex((h) => isCheck(h.sql));
    expect(first).to.be.greaterThan(-1);
    expect(check).to.be.greaterThan(first);
    // The benchmark counts this load in the cold start's loading (test/bench/in-page.mjs).
    const loads = performance.getEntriesByName('mkt:table-loaded') as PerformanceMark[];
    expect(loads.some((m) => (m.detail as { table: string }).table === 'page_events')).to.equal(true);
    data.remove();
  });

  it("a deferred table's data problems arrive as mkt-error and in the state when it loads", async () => {
    const orphan = { ...TINY.page_events[0], id: 'E-orphan', session_id: 'S9', product_id: 'p-missing' };
    const dataset = tinyDataset({ rows: { page_events: [...TINY.page_events, orphan] } });
    const errors: CustomEvent[] = [];
    const data = await mount<MktData>(
      html`<mkt-data .source=${dataset} @mkt-error=${(e: CustomEvent) => errors.push(e)}
        ><mkt-kpis show="gmv"></mkt-kpis
      ></mkt-data>`,
    );
    await whenReady(data);
    await settled(data.querySelector<MktKpis>('mkt-kpis')!);
    expect(errors.filter((e) => e.detail.table === 'page_events')).to.have.length(0);
    data.append(document.createElement('mkt-funnel'));
    const found = await waitFor(
      () => errors.find((e) => e.detail.code === 'orphan-keys' && e.detail.table === 'page_events'),
      'the orphan product of page events',
    );
    expect(found.detail.message).to.contain('p-missing');
    expect(data.state.issues.some((i) => i.table === 'page_events' && i.code === 'orphan-keys')).to.equal(true);
    data.remove();
  });
});
