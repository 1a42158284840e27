import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/geo/mkt-geo.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktGeo } from '../../src/components/geo/mkt-geo.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import { sequentialRamp } from '../../src/charts/choropleth.js';

/** A table row's cells, each trimmed, joined by a space. */
const rowText = (row: Element) => [...row.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' ');

describe('<mkt-geo>', () => {
  let data: MktData;
  let el: MktGeo;
  before(async () => {
    data = await mount(html`<mkt-data .source=${tinyDataset()}><mkt-geo heading="Regions"></mkt-geo></mkt-data>`);
    el = data.querySelector('mkt-geo')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  const state = (code: string) => el.shadowRoot!.querySelector<SVGPathElement>(`path[data-region="${code}"]`);

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-geo')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('picks the US map for state names, draws every state and makes the three with sales buttons with their numbers', () => {
    // Completed GMV by customer region: California c1 100 + 20 = 120; Texas c2 40 + 100 and c3 100 = 240 (2 customers);
    // New York c4 100.
    expect(el.shadowRoot!.querySelectorAll('path.region').length).to.equal(51);
    expect(el.shadowRoot!.querySelectorAll('path.region.mark').length).to.equal(3);
    expect(state('TX')!.getAttribute('aria-label')).to.equal('Texas: GMV $240, 2 customers');
    expect(state('CA')!.getAttribute('aria-label')).to.equal('California: GMV $120, 1 customer');
    expect(state('TX')!.getAttribute('tabindex')).to.equal('0');
    expect(text(el, '.hint')).to.match(/^US states, picked for the data's region names\./);
    // Texas, the largest, is the darkest blue; New York at 100 / 240 of it.
    expect(state('TX')!.getAttribute('fill')).to.equal('rgb(8, 61, 126)');
    expect(state('NY')!.getAttribute('fill')).to.equal(sequentialRamp('light')(100 / 240));
    expect(el.shadowRoot!.querySelector('.offmap')).to.equal(null);
  });

  it('a click filters to the region and a second click clears it', async () => {
    const details: unknown[] = [];
    const listen = (e: MktFilterChangeEvent) => details.push(e.detail);
    data.addEventListener('mkt-filter-change', listen);
    state('TX')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.state.filters.regions.length === 1, 'the region filter');
    await waitFor(() => state('TX')?.getAttribute('aria-pressed') === 'true', 'Texas pressed');
    // The map ignores the region filter: the other states keep their data.
    expect(el.shadowRoot!.querySelectorAll('path.region.mark').length).to.equal(3);
    state('TX')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.state.filters.regions.length === 0, 'the region filter cleared');
    data.removeEventListener('mkt-filter-change', listen);
    expect(details).to.deep.equal([{ regions: ['Texas'] }, { regions: [] }]);
  });

  it('Enter on a focused region filters too', async () => {
    state('NY')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitFor(() => data.state.filters.regions[0] === 'New York', 'New York filter');
    data.setFilters({ regions: [] });
    await settled(el);
  });

  it('the metric property recolours by customers, and the table view lists regions with shares', async () => {
    el.metric = 'customers';
    await el.updateComplete;
    expect(el.getAttribute('metric')).to.equal('customers');
    expect(text(el, '.seq-legend-title')).to.equal('Customers');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => rowText(r));
    // 240 / 460 = 52.2%, 120 / 460 = 26.1%, 100 / 460 = 21.7%.
    expect(rows).to.deep.equal(['Texas $240 52.2% 2', 'California $120 26.1% 1', 'New York $100 21.7% 1']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    el.metric = 'gmv';
  });
});

/** Mounts a geo element over the tiny marketplace with the customers' regions (c1..c4) replaced. */
async function mountWith(regions: readonly string[], attributes: Record<string, string> = {}) {
  const customers = TINY.customers.map((c, i) => ({ ...c, region: regions[i] }));
  const errors: MktErrorEvent[] = [];
  const data: MktData = await mount(
    html`<mkt-data .source=${tinyDataset({ rows: { customers } })} @mkt-error=${(e: MktErrorEvent) => errors.push(e)}
      ><mkt-geo></mkt-geo
    ></mkt-data>`,
  );
  const el = data.querySelector('mkt-geo')!;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await whenReady(data);
  await settled(el);
  const path = (id: string) => el.shadowRoot!.querySelector<SVGPathElement>(`path[data-region="${id}"]`);
  const offMap = () => [...el.shadowRoot!.querySelectorAll('.offmap tbody tr')].map(rowText);
  return { data, el, errors, path, offMap };
}

// Completed GMV per customer of the tiny marketplace: c1 120, c2 140, c3 100, c4 100 (460 in all).

describe('<mkt-geo> on Brazilian data', () => {
  it('picks the Brazil map, sums a state named two ways, and lists the region it does not know with its numbers', async () => {
    const { data, el, path, offMap } = await mountWith(['SP', 'RJ', 'São Paulo', 'Unspecified']);
    expect(text(el, '.hint')).to.match(/^Brazil states, picked for the data's region names\./);
    expect(el.shadowRoot!.querySelectorAll('path.region').length).to.equal(27);
    expect(el.shadowRoot!.querySelectorAll('path.region.mark').length).to.equal(2);
    // São Paulo: "SP" c1 120 + "São Paulo" c3 100 = 220, the largest; Rio de Janeiro c2 140 / 220.
    expect(path('SP')!.getAttribute('aria-label')).to.equal('São Paulo (SP): GMV $220, 2 customers');
    expect(path('SP')!.getAttribute('fill')).to.equal('rgb(8, 61, 126)');
    expect(path('RJ')!.getAttribute('fill')).to.equal(sequentialRamp('light')(140 / 220));
    // The legend runs over the states on the map only: up to $220, not $460 or $0–$1.
    const ticks = [...el.shadowRoot!.querySelectorAll('.seq-legend text')].map((t) => t.textContent);
    expect(ticks[0]).to.equal('$0');
    expect(ticks[ticks.length - 1]).to.equal('$220');
    // Unspecified: c4 100 of 460 = 21.7%.
    expect(text(el, '.offmap .caption')).to.equal('Not on the map (1)');
    expect(offMap()).to.deep.equal(['Unspecified $100 21.7% 1']);
    data.remove();
  });

  it('a click on a state named two ways filters to both names', async () => {
    const { data, path } = await mountWith(['SP', 'RJ', 'São Paulo', 'Unspecified']);
    const details: unknown[] = [];
    data.addEventListener('mkt-filter-change', (e) => details.push((e as MktFilterChangeEvent).detail));
    path('SP')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.state.filters.regions.length === 2, 'the region filter');
    // The rows come largest first: "SP" 120, "São Paulo" 100.
    expect(details).to.deep.equal([{ regions: ['SP', 'São Paulo'] }]);
    await waitFor(() => path('SP')?.getAttribute('aria-pressed') === 'true', 'São Paulo pressed');
    data.remove();
  });
});

describe('<mkt-geo> on world data', () => {
  it('picks the world map for country names and variants (EIRE), and lists the Channel Islands', async () => {
    const { data, el, path, offMap } = await mountWith(['United Kingdom', 'EIRE', 'Channel Islands', 'France']);
    expect(text(el, '.hint')).to.match(/^World countries, picked for the data's region names\./);
    // Ireland ("EIRE") c2 140 is the largest; United Kingdom c1 120 / 140; France c4 100 / 140.
    expect(path('IE')!.getAttribute('aria-label')).to.equal('Ireland (EIRE): GMV $140, 1 customer');
    expect(path('IE')!.getAttribute('fill')).to.equal('rgb(8, 61, 126)');
    expect(path('GB')!.getAttribute('fill')).to.equal(sequentialRamp('light')(120 / 140));
    expect(path('FR')!.getAttribute('fill')).to.equal(sequentialRamp('light')(100 / 140));
    expect(offMap()).to.deep.equal(['Channel Islands $100 21.7% 1']);
    data.remove();
  });

  it('map="world" on US data draws the world grey, says so, and lists every region with its numbers', async () => {
    const { data, el, offMap } = await mountWith(['California', 'Texas', 'Texas', 'New York'], { map: 'world' });
    expect(el.shadowRoot!.querySelectorAll('path.region.mark').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('.seq-legend')).to.equal(null);
    expect(text(el, '.hint')).to.equal("World countries. None of the data's regions is on this map.");
    expect(offMap()).to.deep.equal(['Texas $240 52.2% 2', 'California $120 26.1% 1', 'New York $100 21.7% 1']);
    data.remove();
  });
});

describe('<mkt-geo> with no map that fits', () => {
  it('says that no map knows the regions and shows them as a table, names as text', async () => {
    const { data, el } = await mountWith(['<b>Narnia</b>', 'Gondor', 'Gondor', 'Mordor']);
    expect(el.shadowRoot!.querySelector('svg.choropleth')).to.equal(null);
    expect(text(el, '.notice')).to.contain(
      'None of the 3 regions of the data is a country, a US state or a Brazilian state',
    );
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(3);
    expect(el.shadowRoot!.querySelector('tbody b')).to.equal(null);
    data.remove();
  });
});

describe('<mkt-geo> with a map of the page’s own', () => {
  it('draws a GeoJSON file by its region-key property, matching names without regard to case', async () => {
    const { data, el, path, errors, offMap } = await mountWith(['West Zone', 'west zone', 'Middle Zone', 'Atlantis'], {
      map: '/test/fixtures/maps/three-zones.geojson',
      'region-key': 'zone',
    });
    expect(errors).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('path.region').length).to.equal(3);
    // West Zone: c1 120 + c2 140 = 260; Middle Zone c3 100 / 260.
    // Both spellings are one region; the name the map gives it is enough.
    expect(path('West Zone')!.getAttribute('aria-label')).to.equal('West Zone: GMV $260, 2 customers');
    expect(path('Middle Zone')!.getAttribute('fill')).to.equal(sequentialRamp('light')(100 / 260));
    expect(text(el, '.hint')).to.match(/^three-zones\.geojson\. Grey: no sales/);
    expect(offMap()).to.deep.equal(['Atlantis $100 21.7% 1']);
    data.remove();
  });

  it('the old atlas attribute still draws a us-atlas file, its pre-projected coordinates as they are', async () => {
    const { data, el, path } = await mountWith(['California', 'Texas', 'Texas', 'New York'], {
      atlas: '/node_modules/us-atlas/states-albers-10m.json',
    });
    expect(el.shadowRoot!.querySelectorAll('path.region').length).to.equal(51);
    expect(path('Texas')!.getAttribute('aria-label')).to.equal('Texas: GMV $240, 2 customers');
    // Albers USA's 975 × 610 frame, scaled to the width: Texas is south-west of New York.
    const svg = el.shadowRoot!.querySelector('svg.choropleth')!;
    expect(Number(svg.getAttribute('width')) / Number(svg.getAttribute('height'))).to.be.within(1.5, 1.75);
    const box = (id: string) => path(id)!.getBBox();
    expect(box('Texas').x).to.be.lessThan(box('New York').x);
    expect(box('Texas').y).to.be.greaterThan(box('New York').y);
    data.remove();
  });

  it('a map that cannot be loaded is a clear error in the element and an mkt-error, and the table stays', async () => {
    const { data, el, errors } = await mountWith(['California', 'Texas', 'Texas', 'New York'], {
      map: '/test/fixtures/maps/missing.json',
    });
    const message = 'The map could not be loaded from /test/fixtures/maps/missing.json (HTTP 404).';
    expect(text(el, '.message.error')).to.equal(`${message} Showing the table instead.`);
    expect(el.shadowRoot!.querySelector('.message.error')!.getAttribute('role')).to.equal('alert');
    await waitFor(() => errors.length > 0, 'the mkt-error');
    expect(errors.map((e) => e.detail)).to.deep.equal([{ code: 'fetch-failed', message, source: 'mkt-geo' }]);
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(3);
    // A filter change queries again (and fetches the map again): the same failure is not reported twice.
    data.setFilters({ categories: ['Books'] });
    await settled(el);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.length).to.equal(1);
    data.remove();
  });

  it('a map without the region-key property says which properties it has', async () => {
    const { data, el, errors } = await mountWith(['West Zone', 'Middle Zone', 'Middle Zone', 'Atlantis'], {
      map: '/test/fixtures/maps/three-zones.geojson',
    });
    expect(text(el, '.message.error')).to.contain(
      'has a property "name" (region-key); its properties are "zone", "code".',
    );
    await waitFor(() => errors.length > 0, 'the mkt-error');
    expect(errors[0].detail.code).to.equal('file-malformed');
    data.remove();
  });
});

describe('<mkt-geo> in the dark theme', () => {
  it('turns the ramp round: the largest state is the lightest on the dark background', async () => {
    const { data, el, path } = await mountWith(['California', 'Texas', 'Texas', 'New York'], { theme: 'dark' });
    await el.updateComplete;
    expect(path('TX')!.getAttribute('fill')).to.equal('rgb(217, 232, 245)');
    expect(path('NY')!.getAttribute('fill')).to.equal(sequentialRamp('dark')(100 / 240));
    const stops = [...el.shadowRoot!.querySelectorAll('.seq-legend stop')].map((s) => s.getAttribute('stop-color'));
    expect(stops[0]).to.equal('rgb(8, 61, 126)');
    expect(stops[stops.length - 1]).to.equal('rgb(217, 232, 245)');
    data.remove();
  });
});

describe('<mkt-geo> with regions that are not US states', () => {
  it('lists them under "Not on the map" as text', async () => {
    const customers = TINY.customers.map((c) => (c.id === 'c4' ? { ...c, region: '<b>Ontario</b>' } : c));
    const data: MktData = await mount(
      html`<mkt-data .source=${tinyDataset({ rows: { customers } })}><mkt-geo></mkt-geo></mkt-data>`,
    );
    const el = data.querySelector('mkt-geo')!;
    await whenReady(data);
    await settled(el);
    expect(text(el, '.offmap .caption')).to.equal('Not on the map (1)');
    expect(text(el, '.offmap tbody tr button')).to.equal('<b>Ontario</b>');
    expect(el.shadowRoot!.querySelector('.offmap b')).to.equal(null);
    data.remove();
  });
});
