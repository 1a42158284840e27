import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/filters/mkt-filters.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktFilters } from '../../src/components/filters/mkt-filters.js';
import type { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, whenReady } from '../support/dom.js';

describe('<mkt-filters>', () => {
  let data: MktData;
  let filters: MktFilters;
  const sent: MktFilterChangeEvent[] = [];
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}
        ><mkt-filters @mkt-filter-change=${(e: MktFilterChangeEvent) => sent.push(e)}></mkt-filters
      ></mkt-data>`,
    );
    filters = data.querySelector('mkt-filters')!;
    await whenReady(data);
    await settled(filters);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-filters')).to.exist;
    await expect(filters).shadowDom.to.be.accessible();
  });

  it('offers the categories, tiers and regions found in the data', () => {
    const options = (key: string) =>
      [
        ...filters.shadowRoot!.querySelectorAll<HTMLInputElement>(`details[data-key="${key}"] input[type="checkbox"]`),
      ].map((i) => i.value);
    expect(options('categories')).to.deep.equal(['Books', 'Electronics', 'Toys']);
    expect(options('tiers')).to.deep.equal(['gold', 'new', 'silver']);
    expect(options('regions')).to.deep.equal(['California', 'New York', 'Texas']);
  });

  it('sends a bubbling, composed mkt-filter-change when a category is ticked', async () => {
    const box = filters.shadowRoot!.querySelector<HTMLInputElement>(
      'details[data-key="categories"] input[value="Toys"]',
    )!;
    box.click();
    const event = sent.at(-1)!;
    expect(event.type).to.equal('mkt-filter-change');
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail).to.deep.equal({ categories: ['Toys'] });
    expect(data.filters.categories).to.deep.equal(['Toys']);
  });

  it('sends the date range and limits each date input by the other', async () => {
    const from = filters.shadowRoot!.querySelector<HTMLInputElement>('input[name="dateFrom"]')!;
    from.value = '2025-02-01';
    from.dispatchEvent(new Event('change'));
    expect(data.filters.dateFrom).to.equal('2025-02-01');
    await filters.updateComplete;
    expect(filters.shadowRoot!.querySelector<HTMLInputElement>('input[name="dateTo"]')!.min).to.equal('2025-02-01');
  });

  it('shows state set from elsewhere, and Reset clears everything', async () => {
    data.setFilters({ segment: 'Champions' });
    await filters.updateComplete;
    expect(filters.shadowRoot!.querySelector('.chip')!.textContent).to.contain('Segment: Champions');
    filters.shadowRoot!.querySelector<HTMLButtonElement>('.reset')!.click();
    expect(data.filters).to.deep.include({ dateFrom: null, segment: null, categories: [] });
  });
});
