import { expect, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import type { MktErrorDetail } from '../../src/events/error.js';
import { CONNECTION_LOST } from '../../src/components/base/connection-watch.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { mountEveryElement } from '../support/elements.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { FakeServer, SERVER_ERRORS } from '../support/fake-server.js';

/** What a widget shows, as text (its shadow root's, whitespace collapsed). */
const shown = (widget: Element) => widget.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

for (const [what, dataset] of [
  ['the tiny marketplace', tinyDataset],
  ['a shop with every optional table', analyticsShop],
] as [string, () => InMemoryDataset][]) {
  describe(`<mkt-data server> on ${what}`, () => {
    let fake: FakeServer;
    before(async () => {
      fake = await FakeServer.start(dataset());
    });
    after(() => fake.close());

    it('every element shows the same as with the data loaded in the browser', async () => {
      const local = await mountEveryElement(dataset());
      const remote = await mountEveryElement({ server: fake.base });
      try {
        expect(remote.data.state.status).to.equal('ready');
        await Promise.all([...local.widgets, ...remote.widgets].map((w) => settled(w)));
        expect(remote.widgets.map((w) => w.localName)).to.deep.equal(local.widgets.map((w) => w.localName));
        for (const [i, widget] of remote.widgets.entries()) {
          expect(shown(widget), widget.localName).to.equal(shown(local.widgets[i]));
          expect(shown(widget).length, widget.localName).to.be.greaterThan(10);
        }
        // The server ran named queries only, each a registry name.
        expect(fake.queries.length).to.be.greaterThan(20);
      } finally {
        local.data.remove();
        remote.data.remove();
      }
    });
  });
}

describe('<mkt-data server>', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await FakeServer.start(tinyDataset());
  });
  after(() => fake.close());
  afterEach(() => fake.reset());

  it('downloads no wasm, no DuckDB worker and no Arrow file: only the dataset description and results', async () => {
    const since = performance.now();
    const before = fake.requests.length;
    const { data, widgets } = await mountEveryElement({ server: fake.base });
    await Promise.all(widgets.map((w) => settled(w)));
    const fetched = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= since)
      .map((e) => e.name);
    expect(fetched.filter((url) => /\.wasm|\.arrow|duckdb/i.test(url))).to.deep.equal([]);
    expect(fake.passedOn.filter((url) => /\.wasm|\.arrow|duckdb/i.test(url))).to.deep.equal([]);
    const routes = new Set(fake.requests.slice(before).map((r) => r.route));
    expect([...routes].sort()).to.deep.equal(['dataset', 'query']);
    data.remove();
  });

  it('sends the token as a bearer header with every request', async () => {
    fake.token = 'page-token';
    const before = fake.requests.length;
    const data = await mount<MktData>(
      html`<mkt-data server=${fake.base} server-token="page-token"><mkt-kpis></mkt-kpis></mkt-data>`,
    );
    await whenReady(data);
    await settled(data.querySelector('mkt-kpis')!);
    const sent = fake.requests.slice(before);
    expect(sent.length).to.be.greaterThan(1);
    expect(new Set(sent.map((r) => r.authorization))).to.deep.equal(new Set(['Bearer page-token']));
    // Same kpis as in local mode: completed GMV 100 + 40 + 20 + 100 + 100 + 100 = 460 (see mkt-kpis.test.ts).
    expect(text(data.querySelector('mkt-kpis')!, '[data-kpi="gmv"] .value')).to.equal('$460');
    data.remove();
  });

  it('without the token the server requires, says so as unauthorized', async () => {
    fake.token = 'page-token';
    const errors: MktErrorDetail[] = [];
    const data = document.createElement('mkt-data') as MktData;
    data.addEventListener('mkt-error', (e) => errors.push(e.detail));
    data.server = fake.base;
    data.append(document.createElement('mkt-kpis'));
    document.body.append(data);
    await whenReady(data);
    expect(data.state.status).to.equal('error');
    expect(errors.map((e) => e.code)).to.deep.equal(['unauthorized']);
    expect(text(data.querySelector('mkt-kpis')!, '.message')).to.contain('bearer token');
    data.remove();
  });

  it('refuses src and server together with a clear error', async () => {
    const errors: MktErrorDetail[] = [];
    const data = document.createElement('mkt-data') as MktData;
    data.addEventListener('mkt-error', (e) => errors.push(e.detail));
    data.server = fake.base;
    data.src = '/demo/data/';
    document.body.append(data);
    await whenReady(data);
    expect(data.state.status).to.equal('error');
    expect(errors[0].code).to.equal('attribute-invalid');
    expect(errors[0].message).to.contain('both a server and a dataset');
    data.remove();
  });

  it('refuses a server URL that is not http(s) before any request', async () => {
    const errors: MktErrorDetail[] = [];
    const before = fake.requests.length + fake.passedOn.length;
    const data = document.createElement('mkt-data') as MktData;
    data.addEventListener('mkt-error', (e) => errors.push(e.detail));
    data.server = 'javascript:alert(1)';
    document.body.append(data);
    await whenReady(data);
    expect(errors.map((e) => e.code)).to.deep.equal(['attribute-invalid']);
    expect(text(data, '[part="status"]')).to.contain('http: or https:');
    expect(fake.requests.length + fake.passedOn.length).to.equal(before);
    data.remove();
  });

  for (const [status, code, expected] of SERVER_ERRORS) {
    it(`shows a query's ${code} answer in the widget and sends it as mkt-error ${expected}`, async () => {
      fake.failures.set('region', { status, code, message: `The server says <i>${code}</i>.` });
      const errors: MktErrorDetail[] = [];
      const data = await mount<MktData>(html`<mkt-data server=${fake.base}><mkt-geo></mkt-geo></mkt-data>`);
      data.addEventListener('mkt-error', (e) => errors.push(e.detail));
      await whenReady(data);
      const geo = data.querySelector('mkt-geo')!;
      await waitFor(() => errors.length > 0, 'the mkt-error');
      expect(errors.map((e) => [e.code, e.source])).to.deep.equal([[expected, 'mkt-geo']]);
      await waitFor(() => text(geo, '.message.error'), 'the error in the widget');
      expect(text(geo, '.message.error')).to.equal(`The server says <i>${code}</i>.`);
      data.remove();
    });
  }

  it('aborts the request of a query superseded by a filter change, and shows the newer state', async () => {
    const data = await mount<MktData>(html`<mkt-data server=${fake.base}><mkt-kpis></mkt-kpis></mkt-data>`);
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    const before = fake.requests.length;
    fake.held.add('orderKpis');
    data.setFilters({ dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    const first = await waitFor(() => fake.requests.slice(before).find((r) => r.name === 'orderKpis'), 'a request');
    data.setFilters({ dateFrom: '2025-01-01', dateTo: '2025-02-28' });
    await waitFor(() => first.aborted, 'the superseded request to be aborted');
    fake.release();
    // January and February: completed 100 (t1) + 40 (t2) + 20 (t3) + 100 (t5) = 260.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$260', 'the newer GMV');
    data.remove();
  });

  /** A dashboard of KPIs whose server goes away as February is asked for: its `mkt-connection` states so far. */
  async function loseServerOnFebruary() {
    const events: string[] = [];
    const data = await mount<MktData>(html`<mkt-data server=${fake.base}><mkt-kpis></mkt-kpis></mkt-data>`);
    data.addEventListener('mkt-connection', (e) => events.push(e.detail.state));
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    fake.down = true;
    data.setFilters({ dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    await waitFor(() => events.includes('lost'), 'the lost event');
    return { data, kpis, events };
  }

  it('says in place that the server went away, retries, and recovers by itself when it is back', async () => {
    const { data, kpis, events } = await loseServerOnFebruary();
    await waitFor(() => shown(kpis).includes(CONNECTION_LOST), 'the widget to say so');
    expect(text(data, '[part="status"]')).to.equal(CONNECTION_LOST);
    fake.down = false;
    await waitFor(() => events.includes('restored'), 'the restored event', 30000);
    // February: completed t3 (20) + t5 (100) = 120.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$120', 'February GMV');
    expect(shown(kpis)).not.to.contain(CONNECTION_LOST);
    expect(data.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
    expect(events).to.deep.equal(['lost', 'restored']);
    data.remove();
  });

  it('counts a restarted server back only once it has opened its data (one lost, one restored)', async () => {
    const { data, kpis, events } = await loseServerOnFebruary();
    // Back and listening, but still loading: health answers, the queries would get server-loading.
    [fake.down, fake.loading] = [false, true];
    const probes = fake.requests.filter((r) => r.route === 'health').length;
    await waitFor(() => fake.requests.filter((r) => r.route === 'health').length >= probes + 2, 'two more probes');
    expect(events).to.deep.equal(['lost']);
    expect(shown(kpis)).to.contain(CONNECTION_LOST);
    fake.loading = false;
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$120', 'February GMV', 30000);
    expect(events).to.deep.equal(['lost', 'restored']);
    data.remove();
  });

  it('after the retry bound shows a clear error with Retry, and Retry recovers', async () => {
    const events: string[] = [];
    const errors: MktErrorDetail[] = [];
    const data = await mount<MktData>(
      html`<mkt-data server=${fake.base} .serverRetryMs=${500}><mkt-kpis></mkt-kpis></mkt-data>`,
    );
    data.addEventListener('mkt-connection', (e) => events.push(e.detail.state));
    data.addEventListener('mkt-error', (e) => errors.push(e.detail));
    await whenReady(data);
    const kpis = data.querySelector('mkt-kpis')!;
    await settled(kpis);
    fake.down = true;
    data.setFilters({ dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    await waitFor(() => errors.some((e) => e.code === 'unreachable' && e.source === 'mkt-data'), 'unreachable');
    await waitFor(() => text(kpis, '.message.error').includes('Could not reach the server'), 'the widget error');
    expect(errors.filter((e) => e.code === 'unreachable').map((e) => e.source)).to.have.members([
      'mkt-data',
      'mkt-kpis',
    ]);
    const retry = data.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.textContent).to.equal('Retry');
    expect(kpis.shadowRoot!.querySelector('[part="retry"]')).to.exist;
    fake.down = false;
    retry.click();
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$120', 'February GMV after Retry');
    await waitFor(() => events.includes('restored'), 'the restored event');
    expect(data.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
    data.remove();
  });
});
