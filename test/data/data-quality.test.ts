import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { mountEveryElement } from '../support/elements.js';
import { sql } from '../support/engine.js';

/** The tiny marketplace with one of each data problem. */
function flawed() {
  return tinyDataset({
    rows: {
      // s1 twice: its second row must not double s1's orders.
      sellers: [...TINY.sellers, { ...TINY.sellers[0], name: 'Volt Works (copy)', tier: 'bronze' }],
      // c4 without a region.
      customers: TINY.customers.map((c) => (c.id === 'c4' ? { ...c, region: null } : c)),
      transactions: [
        ...TINY.transactions,
        // An order for a product that does not exist, and one dated years after the data.
        { ...TINY.transactions[0], id: 't9', product_id: 'p404', revenue: 7 },
        { ...TINY.transactions[0], id: 't10', order_date: '2031-05-01', revenue: 1000 },
      ],
    },
  });
}

describe('data quality', () => {
  it('reports duplicate ids, orphan keys, missing values and dates out of range, as mkt-error events and in the widgets', async () => {
    const events: MktErrorEvent[] = [];
    document.addEventListener('mkt-error', (e) => events.push(e), { once: false });
    const warn = console.warn;
    console.warn = () => undefined;
    const data = await mount<MktData>(html`<mkt-data .source=${flawed()}><mkt-kpis></mkt-kpis></mkt-data>`);
    await whenReady(data);
    console.warn = warn;
    expect(data.state.error?.message ?? 'no error').to.equal('no error');
    const byCode = Object.fromEntries(data.state.issues.map((i) => [`${i.code}:${i.table}.${i.column}`, i]));
    expect(Object.keys(byCode).sort()).to.deep.equal([
      'date-out-of-range:transactions.order_date',
      'duplicate-ids:sellers.id',
      'null-values:customers.region',
      'orphan-keys:transactions.product_id',
    ]);
    expect(byCode['duplicate-ids:sellers.id'].examples).to.deep.equal(['s1']);
    expect(byCode['orphan-keys:transactions.product_id'].message).to.contain('"p404"');
    expect(byCode['date-out-of-range:transactions.order_date'].examples).to.deep.equal(['2031-05-01']);
    expect(events.map((e) => e.detail.code).sort()).to.deep.equal([
      'date-out-of-range',
      'duplicate-ids',
      'null-values',
      'orphan-keys',
    ]);

    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    expect(text(kpis, '.issues summary')).to.contain('Data problems (4)');
    // The widget keeps working: s1's orders count once; t9 (7) and t10 (1000) are kept.
    // 460 + 7 + 1000 = 1467.
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$1,467');
    const [row] = await sql<{ n: number; cat: string; tier: string; region: string }>(
      data.state.engine!,
      `SELECT count(*)::INTEGER AS n, any_value(category) FILTER (WHERE id = 't9') AS cat, any_value(tier) FILTER (WHERE seller_id = 's1') AS tier, any_value(region) FILTER (WHERE customer_id = 'c4') AS region FROM mkt_orders`,
    );
    expect(row).to.deep.equal({ n: 10, cat: '(unknown)', tier: 'gold', region: '(unknown)' });
    data.remove();
  });

  it('runs the checks after the first paint: the widgets’ first queries go first, the problems follow as late issues', async () => {
    const events: MktErrorEvent[] = [];
    const onError = (e: MktErrorEvent) => events.push(e);
    const warn = console.warn;
    console.warn = () => undefined;
    const data = await mount<MktData>(
      html`<mkt-data @mkt-error=${onError} .source=${flawed()}><mkt-kpis></mkt-kpis></mkt-data>`,
    );
    try {
      await waitFor(() => data.state.status === 'ready', 'the data to be ready');
      const atReady = { issues: data.state.issues.length, checked: data.state.checked, events: events.length };
      await whenReady(data);
      const kpis = data.querySelector('mkt-kpis')!;
      await settled(kpis);
      expect(atReady).to.deep.equal({ issues: 0, checked: false, events: 0 });
      // The four problems of flawed(), published and sent once the checks have run.
      expect(data.state.issues.map((i) => i.code).sort()).to.deep.equal([
        'date-out-of-range',
        'duplicate-ids',
        'null-values',
        'orphan-keys',
      ]);
      expect(events.map((e) => e.detail.code).sort()).to.deep.equal([
        'date-out-of-range',
        'duplicate-ids',
        'null-values',
        'orphan-keys',
      ]);
      expect(text(kpis, '.issues summary')).to.contain('Data problems (4)');
      // In the order DuckDB ran them: the KPIs' query (it reads mkt_orders) before the first check (duplicate ids).
      const sent = data.state.engine!.history.map((h) => h.sql);
      const firstKpis = sent.findIndex((q) => /FROM mkt_orders/.test(q) && /gmv_prior/.test(q));
      const firstCheck = sent.findIndex((q) => /HAVING count\(\*\) > 1/.test(q));
      expect(firstKpis, 'the KPIs ran').to.be.at.least(0);
      expect(firstCheck, 'the checks ran').to.be.at.least(0);
      expect(firstKpis).to.be.below(firstCheck);
    } finally {
      console.warn = warn;
      data.remove();
    }
  });

  it('finds nothing wrong with clean data', async () => {
    const data = await mount<MktData>(html`<mkt-data .source=${tinyDataset()}></mkt-data>`);
    await whenReady(data);
    expect(data.state.issues).to.deep.equal([]);
    data.remove();
  });

  it('flags a completed line with a negative revenue (suspicious), not a returned one (a refund)', async () => {
    const events: MktErrorEvent[] = [];
    const onError = (e: MktErrorEvent) => events.push(e);
    const warn = console.warn;
    console.warn = () => undefined;
    const data = await mount<MktData>(
      html`<mkt-data
        @mkt-error=${onError}
        .source=${tinyDataset({
          rows: {
            transactions: [
              ...TINY.transactions,
              // A completed line of −120: bad data. A returned line of −50: a refund, as returns may be recorded.
              { ...TINY.transactions[0], id: 't9', revenue: -120 },
              { ...TINY.transactions[0], id: 't10', revenue: -50, status: 'returned' },
            ],
          },
        })}
        ><mkt-kpis></mkt-kpis
      ></mkt-data>`,
    );
    await whenReady(data);
    console.warn = warn;
    const issues = data.state.issues.filter((i) => i.code === 'negative-revenue');
    expect(issues).to.have.length(1);
    expect(issues[0]).to.deep.include({
      table: 'transactions',
      column: 'revenue',
      count: 1,
      examples: ['t9 (-120.0)'],
    });
    expect(events.map((e) => e.detail.code)).to.deep.equal(['negative-revenue']);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    expect(text(kpis, '.issues summary')).to.contain(
      '1 completed order line has a negative revenue (e.g. t9 (-120.0))',
    );
    // GMV counts the completed line as given and leaves the returned one out: 460 − 120 = 340.
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$340');
    data.remove();
  });

  it('says so in every element, and sends table-empty, when the transactions table has no rows', async () => {
    const codes: string[] = [];
    const onError = (e: MktErrorEvent) => codes.push(e.detail.code);
    document.addEventListener('mkt-error', onError);
    const warn = console.warn;
    console.warn = () => undefined;
    const { data, widgets } = await mountEveryElement(tinyDataset({ rows: { transactions: [] } }));
    try {
      for (const w of widgets) await settled(w);
      expect(codes).to.include('table-empty');
      expect(data.state.issues.map((i) => `${i.code}:${i.table}`)).to.include('table-empty:transactions');
      // Every element but the filter bar and the two that read only the storefront sessions reads the orders.
      const readers = widgets.filter((w) => !['mkt-filters', 'mkt-funnel', 'mkt-journey'].includes(w.localName));
      for (const w of readers) {
        expect(text(w, '.message.error'), `${w.localName} shows no error`).to.equal('');
        const said = text(w, '.message') + text(w, '.issues summary');
        expect(said, `${w.localName} says the table is empty`).to.contain('The transactions table has no rows');
      }
    } finally {
      console.warn = warn;
      document.removeEventListener('mkt-error', onError);
      data.remove();
    }
  });

  it('uses en-US and USD for a locale or currency this browser cannot use, and says so', async () => {
    const events: MktErrorEvent[] = [];
    const onError = (e: Event) => events.push(e as MktErrorEvent);
    document.addEventListener('mkt-error', onError);
    const warn = console.warn;
    console.warn = () => undefined;
    const data = await mount<MktData>(
      html`<mkt-data locale="not a locale!" currency="DOLLARS" .source=${tinyDataset()}
        ><mkt-kpis></mkt-kpis
      ></mkt-data>`,
    );
    await whenReady(data);
    console.warn = warn;
    document.removeEventListener('mkt-error', onError);
    expect(events.map((e) => `${e.detail.code} ${e.detail.source}`)).to.deep.equal([
      'attribute-invalid mkt-data',
      'attribute-invalid mkt-data',
    ]);
    expect([data.state.locale, data.state.currency]).to.deep.equal(['en-US', 'USD']);
    const notes = [...data.shadowRoot!.querySelectorAll('.note')].map((n) => n.textContent);
    expect(notes.join(' ')).to.contain('locale="not a locale!" is not a locale');
    expect(notes.join(' ')).to.contain('currency="DOLLARS" is not an ISO 4217 currency code');
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    // Every widget says so too: one may sit far from the dashboard's own note.
    const widgetNote = () => kpis.shadowRoot!.querySelector('[part="format-note"]')?.textContent ?? '';
    expect(widgetNote()).to.contain('locale="not a locale!" is not a locale');
    expect(widgetNote()).to.contain('currency="DOLLARS" is not an ISO 4217 currency code');
    // A valid pair replaces the notes.
    data.locale = 'de-DE';
    data.currency = 'EUR';
    await data.updateComplete;
    await kpis.updateComplete;
    expect(data.shadowRoot!.querySelectorAll('.note').length).to.equal(0);
    expect(widgetNote()).to.equal('');
    expect(data.state.currency).to.equal('EUR');
    data.remove();
  });
});
