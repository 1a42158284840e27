import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { blobDataset } from '../support/blob-dataset.js';

describe('<mkt-kpis>', () => {
  let data: MktData;
  let kpis: MktKpis;
  before(async () => {
    data = await mount(html`<mkt-data .source=${tinyDataset()}><mkt-kpis heading="Overview"></mkt-kpis></mkt-data>`);
    kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-kpis')).to.exist;
    await expect(kpis).shadowDom.to.be.accessible();
  });

  it('shows all-time GMV of completed orders with no prior data to compare', () => {
    // Completed: 100 + 40 + 20 + 100 + 100 + 100 = 460; the 60 days before 10 January have no orders.
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    expect(text(kpis, '[data-kpi="gmv"] .change')).to.equal('no prior data');
  });

  it('changes when a mkt-filter-change event arrives', async () => {
    kpis.dispatchEvent(new MktFilterChangeEvent({ dateFrom: '2025-02-01', dateTo: '2025-02-28' }));
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$120', 'February GMV');
    await settled(kpis);
    // (120 − 140) / 140 = −14.3 %; AOV 60 vs 70 is also −14.3 %; conversion 1/3 vs 1/2.
    expect(text(kpis, '[data-kpi="gmv"] .change')).to.contain('-14.3%');
    expect(text(kpis, '[data-kpi="aov"] .value')).to.equal('$60');
    expect(text(kpis, '[data-kpi="conversion"] .value')).to.equal('33.33%');
    expect(text(kpis, '[data-kpi="conversion"] .change')).to.contain('-33.3%');
    expect(text(kpis, '[data-kpi="customers"] .value')).to.equal('2');
  });

  it('renders the heading and a period line in the dashboard locale', () => {
    expect(text(kpis, 'h2')).to.equal('Overview');
    expect(text(kpis, '.period')).to.contain('Feb 1, 2025');
  });
});

describe('<mkt-kpis> without page events', () => {
  it('says conversion needs page events and still shows GMV', async () => {
    const data: MktData = await fixture(
      html`<mkt-data .source=${tinyDataset({ without: ['page_events'] })}><mkt-kpis></mkt-kpis></mkt-data>`,
    );
    const kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    expect(kpis.shadowRoot!.querySelector('[data-kpi="conversion"]')!.getAttribute('title')).to.contain(
      'Needs page events',
    );
    data.remove();
  });
});

describe('<mkt-kpis> locale and currency', () => {
  it('formats with the locale and currency of its <mkt-data>, and follows a change', async () => {
    const data = await mount<MktData>(
      html`<mkt-data locale="de-DE" currency="EUR" .source=${tinyDataset()}><mkt-kpis></mkt-kpis></mkt-data>`,
    );
    const kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    // 460 in German notation with the euro sign after the amount (a no-break space between).
    expect(text(kpis, '[data-kpi="gmv"] .value').replace(/\s/g, ' ')).to.equal('460 €');
    data.locale = 'ja-JP';
    data.currency = 'JPY';
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value').includes('￥460'), 'yen formatting');
    data.remove();
  });
});

describe('<mkt-kpis> in a narrow card', () => {
  it('keeps an eight-digit GMV inside its tile, two tiles a row as on a 375 px phone', async () => {
    // t1 at $12,345,678 instead of $100: GMV 460 − 100 + 12,345,678 = $12,346,038.
    const transactions = TINY.transactions.map((t) => (t.id === 't1' ? { ...t, revenue: 12_345_678 } : t));
    // The demo's card on a 375 px screen is 335 px wide.
    const box: HTMLElement = await mount(
      html`<div style="width: 335px">
        <mkt-data .source=${tinyDataset({ rows: { transactions } })}><mkt-kpis heading="Overview"></mkt-kpis></mkt-data>
      </div>`,
    );
    const data = box.querySelector('mkt-data')!;
    const kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    const gmv = kpis.shadowRoot!.querySelector<HTMLElement>('[data-kpi="gmv"]')!;
    const value = gmv.querySelector<HTMLElement>('.value')!;
    expect(value.textContent!.trim()).to.equal('$12,346,038');
    const tile = gmv.getBoundingClientRect();
    const padding = parseFloat(getComputedStyle(gmv).paddingRight);
    const range = document.createRange();
    range.selectNodeContents(value);
    expect(range.getBoundingClientRect().right, 'the figure ends inside the padding').to.be.at.most(
      tile.right - padding,
    );
    expect(kpis.shadowRoot!.querySelectorAll('.kpi')[1].getBoundingClientRect().top).to.equal(tile.top);
    box.remove();
  });
});

describe('<mkt-kpis show>', () => {
  it('shows the KPIs named, in that order, and reads no page events without the conversion rate', async () => {
    const data = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset()}><mkt-kpis show="customers gmv"></mkt-kpis></mkt-data>`,
    );
    const kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    const keys = [...kpis.shadowRoot!.querySelectorAll('[data-kpi]')].map((k) => k.getAttribute('data-kpi'));
    expect(keys).to.deep.equal(['customers', 'gmv']);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    expect(data.state.engine!.history.some((h) => /mkt_sessions|page_events/.test(h.sql))).to.equal(false);
    data.remove();
  });

  it('says when show names a KPI that does not exist, and shows all five', async () => {
    const errors: CustomEvent[] = [];
    const data = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset()}
        ><mkt-kpis show="gmv revenue" @mkt-error=${(e: CustomEvent) => errors.push(e)}></mkt-kpis
      ></mkt-data>`,
    );
    const kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(kpis);
    expect(kpis.shadowRoot!.querySelectorAll('[data-kpi]')).to.have.length(5);
    const error = await waitFor(() => errors.find((e) => e.detail.code === 'attribute-invalid'), 'attribute-invalid');
    expect(error.detail.message).to.contain('show="gmv revenue"');
    data.remove();
  });
});

describe('<mkt-kpis> while the page events load', () => {
  it('shows the order figures at once, the conversion rate as loading until the page events arrive', async () => {
    // The page events are fetched when the conversion rate first asks for them: hold that download back.
    const src = blobDataset();
    const manifest = await (await fetch(src.replace(/#.*$/, ''))).json();
    const eventsUrl: string = manifest.tables.page_events.file;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input) === eventsUrl) await held;
      return realFetch(input, init);
    };
    try {
      const data = await mount<MktData>(html`<mkt-data src=${src}><mkt-kpis></mkt-kpis></mkt-data>`);
      const kpis = data.querySelector('mkt-kpis')!;
      await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$460', 'GMV before the page events');
      // 460 over 6 completed lines (the tiny marketplace has no order ids): 76.67, shown whole.
      expect(text(kpis, '[data-kpi="aov"] .value')).to.equal('$77');
      const pending = kpis.shadowRoot!.querySelector('[data-kpi="conversion"] .value')!;
      expect(pending.classList.contains('skeleton')).to.equal(true);
      expect(pending.getAttribute('aria-label')).to.equal('loading');
      // Loading, not missing: no "needs page events" note.
      expect(kpis.shadowRoot!.querySelector('[data-kpi="conversion"] .data-note')).to.equal(null);
      release();
      await settled(kpis);
      // Sessions over all the data: 2 of the 5 sessions purchased.
      expect(text(kpis, '[data-kpi="conversion"] .value')).to.equal('40.00%');
      const tasks = (kpis as unknown as { queryTasks: readonly { status: number }[] }).queryTasks;
      expect(tasks.length).to.equal(2);
      data.remove();
    } finally {
      window.fetch = realFetch;
      release();
    }
  });
});
