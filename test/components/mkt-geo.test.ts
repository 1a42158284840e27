import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/geo/mkt-geo.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktGeo } from '../../src/components/geo/mkt-geo.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

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

  const state = (name: string) => el.shadowRoot!.querySelector<SVGPathElement>(`path[data-region="${name}"]`);

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-geo')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('draws every US state and makes the three with sales buttons with their numbers', () => {
    // Completed GMV by customer region: California c1 100 + 20 = 120; Texas c2 40 + 100 and c3 100 = 240 (2 customers);
    // New York c4 100.
    expect(el.shadowRoot!.querySelectorAll('path.state').length).to.be.greaterThan(49);
    expect(el.shadowRoot!.querySelectorAll('path.state.mark').length).to.equal(3);
    expect(state('Texas')!.getAttribute('aria-label')).to.equal('Texas: GMV $240, 2 customers');
    expect(state('California')!.getAttribute('aria-label')).to.equal('California: GMV $120, 1 customer');
    expect(state('Texas')!.getAttribute('tabindex')).to.equal('0');
    // Texas, the largest, is the darkest.
    const lum = (c: string) =>
      c
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((s, v) => s + Number(v), 0);
    expect(lum(state('Texas')!.getAttribute('fill')!)).to.be.lessThan(lum(state('New York')!.getAttribute('fill')!));
  });

  it('a click filters to the region and a second click clears it', async () => {
    const details: unknown[] = [];
    const listen = (e: MktFilterChangeEvent) => details.push(e.detail);
    data.addEventListener('mkt-filter-change', listen);
    state('Texas')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.state.filters.regions.length === 1, 'the region filter');
    await waitFor(() => state('Texas')?.getAttribute('aria-pressed') === 'true', 'Texas pressed');
    // The map ignores the region filter: the other states keep their data.
    expect(el.shadowRoot!.querySelectorAll('path.state.mark').length).to.equal(3);
    state('Texas')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.state.filters.regions.length === 0, 'the region filter cleared');
    data.removeEventListener('mkt-filter-change', listen);
    expect(details).to.deep.equal([{ regions: ['Texas'] }, { regions: [] }]);
  });

  it('Enter on a focused region filters too', async () => {
    state('New York')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
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
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      r.textContent!.replace(/\s+/g, ' ').trim(),
    );
    // 240 / 460 = 52.2%, 120 / 460 = 26.1%, 100 / 460 = 21.7%.
    expect(rows).to.deep.equal(['Texas $240 52.2% 2', 'California $120 26.1% 1', 'New York $100 21.7% 1']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    el.metric = 'gmv';
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
    expect(text(el, '.offmap .caption')).to.equal('Not on the map');
    expect(text(el, '.offmap tbody tr button')).to.equal('<b>Ontario</b>');
    expect(el.shadowRoot!.querySelector('.offmap b')).to.equal(null);
    data.remove();
  });
});
