import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import '../../src/components/filters/mkt-filters.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import { tableIPCFromRows } from '../../src/schema/arrow.js';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { deepElements, mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { blobDataset } from '../support/blob-dataset.js';

async function loadError(
  template: ReturnType<typeof html>,
): Promise<{ data: MktData; events: MktErrorEvent[]; kpis: MktKpis }> {
  const events: MktErrorEvent[] = [];
  const listener = (e: Event) => events.push(e as MktErrorEvent);
  document.addEventListener('mkt-error', listener);
  const data = await mount<MktData>(template);
  await whenReady(data);
  document.removeEventListener('mkt-error', listener);
  const kpis = data.querySelector('mkt-kpis')!;
  await kpis.updateComplete;
  return { data, events, kpis };
}

describe('<mkt-data>', () => {
  it('is defined and accessible', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}><p>child</p></mkt-data>`);
    expect(customElements.get('mkt-data')).to.exist;
    await expect(data).shadowDom.to.be.accessible();
    await whenReady(data);
    expect(data.state.status).to.equal('ready');
    expect(data.state.info?.categories).to.deep.equal(['Books', 'Electronics', 'Toys']);
    data.remove();
  });

  it('loads a dataset folder by URL with a manifest and reports mkt-data-ready with row counts', async () => {
    let ready: CustomEvent | null = null;
    const src = blobDataset();
    const data = await mount<MktData>(
      html`<mkt-data src=${src} @mkt-data-ready=${(e: CustomEvent) => (ready = e)}></mkt-data>`,
    );
    await whenReady(data);
    expect(data.state.status).to.equal('ready');
    await waitFor(() => ready, 'mkt-data-ready');
    // Page events load when a view first reads them (see deferred-tables.test.ts): not counted here.
    expect(ready!.detail.tables).to.include({ sellers: 3, transactions: 8 });
    data.remove();
  });

  it('leaves the bytes of an in-memory dataset intact (DuckDB gets a copy)', async () => {
    const dataset = tinyDataset();
    const before = (dataset.files.sellers as Uint8Array).byteLength;
    const data = await mount<MktData>(html`<mkt-data .source=${dataset}></mkt-data>`);
    await whenReady(data);
    expect((dataset.files.sellers as Uint8Array).byteLength).to.equal(before);
    data.remove();
  });

  it('keeps two dashboards on one page independent', async () => {
    const page = await mount<HTMLDivElement>(
      html`<div>
        <mkt-data id="a" .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>
        <mkt-data id="b" .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>
      </div>`,
    );
    const [a, b] = page.querySelectorAll('mkt-data');
    await whenReady(a);
    await whenReady(b);
    const [ka, kb] = page.querySelectorAll('mkt-kpis');
    await settled(ka);
    await settled(kb);
    ka.dispatchEvent(new MktFilterChangeEvent({ categories: ['Books'] }));
    // Books: t2 (40) and t3 (20) completed.
    await waitFor(() => text(ka, '[data-kpi="gmv"] .value') === '$60', 'dashboard a to filter');
    expect(b.filters.categories).to.deep.equal([]);
    expect(a.state.engine).to.not.equal(b.state.engine);
    await settled(kb);
    expect(text(kb, '[data-kpi="gmv"] .value')).to.equal('$460');
    page.remove();
  });

  it('serves a widget elsewhere on the page that names it with data="id"', async () => {
    const page = await mount<HTMLDivElement>(
      html`<div>
        <mkt-kpis data="shop-x"></mkt-kpis>
        <mkt-data id="shop-x" .source=${tinyDataset()}></mkt-data>
      </div>`,
    );
    const data = page.querySelector('mkt-data')!;
    const kpis = page.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    // Its own events reach the data element although it is not inside it.
    kpis.dispatchEvent(new MktFilterChangeEvent({ tiers: ['new'] }));
    // New-tier seller s3: only t8 (100) completed.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$100', 'the attached widget to filter');
    expect(data.filters.tiers).to.deep.equal(['new']);
    page.remove();
  });

  it('says so in a widget whose data="id" names no element', async () => {
    const kpis = await mount<MktKpis>(html`<mkt-kpis data="nowhere"></mkt-kpis>`);
    await kpis.updateComplete;
    expect(text(kpis, '.message.error')).to.contain('No <mkt-data id="nowhere">');
    kpis.remove();
  });

  it('rejects a malformed filter event with a warning and an mkt-error, keeping its state', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}></mkt-data>`);
    await whenReady(data);
    const errors: MktErrorEvent[] = [];
    data.addEventListener('mkt-error', (e) => errors.push(e));
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      data.dispatchEvent(new MktFilterChangeEvent({ dateFrom: '2025-03-01', dateTo: '2025-01-01' }));
      data.dispatchEvent(new MktFilterChangeEvent({ categories: 'Books' as unknown as string[] }));
      data.dispatchEvent(new MktFilterChangeEvent({ colour: 'red' } as never));
    } finally {
      console.warn = warn;
    }
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['filter-invalid', 'filter-invalid', 'filter-invalid']);
    expect(errors[0].detail.message).to.contain('after dateTo');
    expect(warnings).to.have.length(3);
    expect(data.filters.dateFrom).to.equal(null);
    expect(data.filters.categories).to.deep.equal([]);
    data.remove();
  });

  it('announces each applied state with mkt-filters-applied', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}></mkt-data>`);
    const seen: unknown[] = [];
    data.addEventListener('mkt-filters-applied', (e) => seen.push(e.detail));
    data.dispatchEvent(new MktFilterChangeEvent({ regions: ['Texas'] }));
    expect(seen).to.have.length(1);
    expect((seen[0] as { regions: string[] }).regions).to.deep.equal(['Texas']);
    expect(Object.isFrozen(seen[0])).to.be.true;
    data.remove();
  });

  it('round-trips its filters through the URL with url-state', async () => {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?u.categories=Toys&u.categories=Books&u.dateFrom=2025-02-01`);
    const data = await mount<MktData>(html`<mkt-data id="u" url-state .source=${tinyDataset()}></mkt-data>`);
    expect(data.filters.categories).to.deep.equal(['Books', 'Toys']);
    expect(data.filters.dateFrom).to.equal('2025-02-01');
    const pushState = history.pushState;
    let pushes = 0;
    history.pushState = (...args: Parameters<History['pushState']>) => {
      pushes++;
      pushState.apply(history, args);
    };
    data.setFilters({ tiers: ['silver'] });
    data.setFilters({ tiers: ['gold'], categories: ["Kids' & Baby"] });
    const params = await waitFor(() => {
      const p = new URLSearchParams(location.search);
      return p.get('u.tiers') !== null && p;
    }, 'the URL to follow the filters');
    expect(params.getAll('u.categories')).to.deep.equal(["Kids' & Baby"]);
    expect(params.get('u.tiers')).to.equal('gold');
    history.pushState = pushState;
    // Two changes in a row are one settled state: one history entry.
    expect(pushes).to.equal(1);
    data.remove();
    history.replaceState(null, '', start);
  });

  /** A dashboard with url-state opened from a link: its loaded KPIs and the mkt-error events it sent meanwhile. */
  async function openedFromLink(id: string, query: string, filters = false) {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?${query}`);
    const messages: string[] = [];
    const onError = (e: MktErrorEvent) => messages.push(`${e.detail.code}: ${e.detail.message}`);
    document.addEventListener('mkt-error', onError);
    const data = await mount<MktData>(
      html`<mkt-data id=${id} url-state .source=${tinyDataset()}
        >${filters ? html`<mkt-filters></mkt-filters>` : ''}<mkt-kpis></mkt-kpis
      ></mkt-data>`,
    );
    history.replaceState(null, '', start);
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    document.removeEventListener('mkt-error', onError);
    return { data, kpis, messages };
  }

  it('ignores a link with a NUL byte in a filter, with a warning and an mkt-error filter-invalid', async () => {
    const { data, kpis, messages } = await openedFromLink('n', 'n.regions=Texas%00');
    expect(messages.some((m) => m.startsWith('filter-invalid: ') && m.includes('NUL byte'))).to.be.true;
    expect(data.filters.regions).to.deep.equal([]);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    data.remove();
  });

  it('runs no markup from a link: hostile filter values stay literal text, in the state and in the filter bar', async () => {
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '"><script>window.__pwned=2</script>';
    const query = `h.categories=${encodeURIComponent(img)}&h.regions=${encodeURIComponent(script)}`;
    const { data, kpis, messages } = await openedFromLink('h', query, true);
    const bar = data.querySelector('mkt-filters')!;
    await bar.updateComplete;
    expect(data.filters.categories).to.deep.equal([img]);
    expect(data.filters.regions).to.deep.equal([script]);
    // Nothing in the tiny marketplace has that category: the KPIs are empty, not failed.
    expect(messages.filter((m) => m.startsWith('query-failed'))).to.deep.equal([]);
    expect(text(kpis, '.message.error')).to.equal('');
    expect(bar.shadowRoot!.textContent).to.contain(img);
    const made = deepElements(data).filter((el) => el.localName === 'img' || el.localName === 'script');
    expect(made.map((el) => el.localName)).to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 100));
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    data.remove();
  });

  it('clamps a year typo in a link (dateFrom=0202-06-01) to the first day of the data once it is loaded', async () => {
    const { data, kpis, messages } = await openedFromLink('y', 'y.dateFrom=0202-06-01&y.tiers=gold');
    // The tiny marketplace's first order is on 2025-01-10; the gold filter still holds: t1 + t5 + t7 = 300.
    expect(data.filters.dateFrom).to.equal('2025-01-10');
    expect(data.filters.tiers).to.deep.equal(['gold']);
    expect(messages.some((m) => m.startsWith('filter-invalid: ') && m.includes('0202-06-01'))).to.be.true;
    expect(text(kpis, '.message.error')).to.equal('');
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$300');
    data.remove();
  });

  it('opens on its period: last-30-days of the tiny marketplace compared with the 30 days before', async () => {
    const data = await mount<MktData>(
      html`<mkt-data period="last-30-days" .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>`,
    );
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    // The last order is on 2025-03-10: the period is Feb 9 – Mar 10, completed t5 + t7 + t8 = $300; the 30 days
    // before (Jan 10 – Feb 8) hold t1 + t2 + t3 = $160, so GMV is up 300 / 160 - 1 = 87.5 %.
    expect([data.filters.dateFrom, data.filters.dateTo]).to.deep.equal(['2025-02-09', '2025-03-10']);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$300');
    expect(text(kpis, '[data-kpi="gmv"] .change')).to.contain('87.5%');
    data.remove();
  });

  it('lets the dates of a link win over its period', async () => {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?p.dateFrom=2025-02-01`);
    const data = await mount<MktData>(
      html`<mkt-data id="p" url-state period="last-7-days" .source=${tinyDataset()}></mkt-data>`,
    );
    history.replaceState(null, '', start);
    await whenReady(data);
    expect([data.filters.dateFrom, data.filters.dateTo]).to.deep.equal(['2025-02-01', null]);
    data.remove();
  });

  it('opens on all data, with an attribute-invalid warning, when its period is not a preset', async () => {
    const codes: string[] = [];
    const onError = (e: MktErrorEvent) => codes.push(e.detail.code);
    document.addEventListener('mkt-error', onError);
    const data = await mount<MktData>(html`<mkt-data period="fortnight" .source=${tinyDataset()}></mkt-data>`);
    await whenReady(data);
    await new Promise((r) => setTimeout(r));
    document.removeEventListener('mkt-error', onError);
    expect(codes).to.include('attribute-invalid');
    expect([data.filters.dateFrom, data.filters.dateTo]).to.deep.equal([null, null]);
    data.remove();
  });

  describe('bad datasets give a clear error in the widgets and as mkt-error', () => {
    it('a file that answers 404', async () => {
      const { data, events, kpis } = await loadError(
        html`<mkt-data src="/test/fixtures/no-such-dataset/"><mkt-kpis></mkt-kpis></mkt-data>`,
      );
      expect(data.state.status).to.equal('error');
      expect(events[0].detail.code).to.equal('fetch-failed');
      expect(events[0].detail.message).to.contain('404');
      expect(text(kpis, '.message.error')).to.contain('manifest.json');
      data.remove();
    });

    it('table files that 404 or are javascript: URLs: one clear error, no unhandled promise rejection', async () => {
      const unhandled: unknown[] = [];
      const onRejection = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
      window.addEventListener('unhandledrejection', onRejection);
      const missing = `${location.origin}/test/fixtures/no-such-table.arrow`;
      const tables = {
        sellers: { file: missing },
        products: { file: 'javascript:window.__pwned=1' },
        customers: { file: missing },
        transactions: { file: 'javascript:alert(1)' },
      };
      const manifest = new Blob([JSON.stringify({ schemaVersion: 1, tables })], { type: 'application/json' });
      const src = `${URL.createObjectURL(manifest)}#.json`;
      const { data, events, kpis } = await loadError(html`<mkt-data src=${src}><mkt-kpis></mkt-kpis></mkt-data>`);
      // Rejections are reported after the task that made them: give them time to surface.
      await new Promise((r) => setTimeout(r, 500));
      window.removeEventListener('unhandledrejection', onRejection);
      expect(unhandled.map(String)).to.deep.equal([]);
      expect(data.state.status).to.equal('error');
      expect(events.map((e) => e.detail.code)).to.deep.equal(['fetch-failed']);
      expect(text(kpis, '.message.error')).to.contain('table "sellers"');
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
      data.remove();
    });

    it('a javascript: URL as a table file is refused before any request, with a clear message', async () => {
      const tables = { sellers: { file: 'javascript:alert(1)' } };
      const manifest = new Blob([JSON.stringify({ schemaVersion: 1, tables })], { type: 'application/json' });
      const { data, events } = await loadError(
        html`<mkt-data src=${`${URL.createObjectURL(manifest)}#.json`}><mkt-kpis></mkt-kpis></mkt-data>`,
      );
      expect(events[0].detail.code).to.equal('fetch-failed');
      expect(events[0].detail.message).to.contain('a javascript: URL is not a file');
      data.remove();
    });

    it('a missing table file', async () => {
      const { data, events, kpis } = await loadError(
        html`<mkt-data src=${blobDataset({ transactions: null })}><mkt-kpis></mkt-kpis></mkt-data>`,
      );
      expect(events[0].detail).to.include({ code: 'table-missing', table: 'transactions' });
      expect(text(kpis, '.message.error')).to.contain('no "transactions" table');
      data.remove();
    });

    it('a missing column', async () => {
      const broken = tableIPCFromRows('transactions', TINY.transactions, { omit: ['revenue'] });
      const { data, events, kpis } = await loadError(
        html`<mkt-data src=${blobDataset({ transactions: broken })}><mkt-kpis></mkt-kpis></mkt-data>`,
      );
      expect(events[0].detail).to.include({ code: 'column-missing', table: 'transactions', column: 'revenue' });
      expect(text(kpis, '.message.error')).to.contain('Table "transactions" has no column "revenue"');
      data.remove();
    });

    it('a malformed Arrow file', async () => {
      const garbage = new TextEncoder().encode('id,name\ns1,not arrow at all\n');
      const { data, events, kpis } = await loadError(
        html`<mkt-data src=${blobDataset({ sellers: garbage })}><mkt-kpis></mkt-kpis></mkt-data>`,
      );
      expect(events[0].detail).to.include({ code: 'file-malformed', table: 'sellers' });
      expect(text(kpis, '.message.error')).to.contain('not a readable Arrow IPC file');
      data.remove();
    });

    it('a truncated Arrow file', async () => {
      const whole = tinyDataset().files.transactions as Uint8Array;
      const { data, events } = await loadError(
        html`<mkt-data src=${blobDataset({ transactions: whole.subarray(0, Math.floor(whole.length / 2)) })}
          ><mkt-kpis></mkt-kpis
        ></mkt-data>`,
      );
      expect(events[0].detail.code).to.equal('file-malformed');
      data.remove();
    });

    it('a column of the wrong type', async () => {
      // revenue written as text: "$100" is not an amount.
      const t = TINY.transactions;
      const table = tableFromArrays({
        id: t.map((r) => r.id as string),
        customer_id: t.map((r) => r.customer_id as string),
        seller_id: t.map((r) => r.seller_id as string),
        product_id: t.map((r) => r.product_id as string),
        order_date: t.map((r) => r.order_date as string),
        quantity: Int32Array.from(t.map((r) => r.quantity as number)),
        revenue: t.map((r) => `$${r.revenue}`),
        status: t.map((r) => r.status as string),
        delivery_days: Int32Array.from(t.map((r) => (r.delivery_days as number) ?? 0)),
        was_late: t.map((r) => r.was_late as boolean),
      });
      const { data, events, kpis } = await loadError(
        html`<mkt-data src=${blobDataset({ transactions: tableToIPC(table, 'stream') })}
          ><mkt-kpis></mkt-kpis
        ></mkt-data>`,
      );
      // order_date is text here too, but 'YYYY-MM-DD' text is coerced to DATE; "$100" is no number.
      expect(events[0].detail).to.include({ code: 'column-type', table: 'transactions', column: 'revenue' });
      expect(text(kpis, '.message.error')).to.contain(
        'Column "transactions.revenue" holds 8 values that are not numbers, e.g. "$',
      );
      data.remove();
    });
  });
});
