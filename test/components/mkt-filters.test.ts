import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/data/mkt-data.js';
import '../../src/components/filters/mkt-filters.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktFilters } from '../../src/components/filters/mkt-filters.js';
import type { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

// The tiny marketplace's orders run from 2025-01-10 (t1) to 2025-03-10 (t8): the presets count back from 10 March.

const root = (f: MktFilters) => f.shadowRoot!;
const menu = (f: MktFilters, key: string) => root(f).querySelector<HTMLDetailsElement>(`details[data-key="${key}"]`)!;
const preset = (f: MktFilters, value: string) =>
  root(f).querySelector<HTMLInputElement>(`input[name="preset"][value="${value}"]`)!;
const checkedPreset = (f: MktFilters) =>
  root(f).querySelector<HTMLInputElement>('input[name="preset"]:checked')?.value ?? null;

describe('<mkt-filters>', () => {
  let data: MktData;
  let filters: MktFilters;
  const sent: MktFilterChangeEvent[] = [];
  before(async () => {
    data = await mount(
      html`<mkt-data id="filters-test" .source=${tinyDataset()}
        ><mkt-filters @mkt-filter-change=${(e: MktFilterChangeEvent) => sent.push(e)}></mkt-filters
      ></mkt-data>`,
    );
    filters = data.querySelector('mkt-filters')!;
    await whenReady(data);
    await settled(filters);
  });
  after(() => data.remove());
  afterEach(async () => {
    for (const d of root(filters).querySelectorAll('details')) d.open = false;
    data.setFilters({ dateFrom: null, dateTo: null, categories: [], tiers: [], regions: [], segment: null });
    await filters.updateComplete;
  });

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-filters')).to.exist;
    await expect(filters).shadowDom.to.be.accessible();
    menu(filters, 'period').open = true;
    await expect(filters).shadowDom.to.be.accessible();
  });

  it('offers the categories, tiers and regions found in the data', () => {
    const options = (key: string) =>
      [...root(filters).querySelectorAll<HTMLInputElement>(`details[data-key="${key}"] input[type="checkbox"]`)].map(
        (i) => [i.value, i.closest('label')!.textContent!.trim()],
      );
    expect(options('categories')).to.deep.equal([
      ['Books', 'Books'],
      ['Electronics', 'Electronics'],
      ['Toys', 'Toys'],
    ]);
    // Tiers are named as the charts name them; the values sent stay the data's.
    expect(options('tiers')).to.deep.equal([
      ['gold', 'Gold'],
      ['new', 'New'],
      ['silver', 'Silver'],
    ]);
    expect(options('regions')).to.deep.equal([
      ['California', 'California'],
      ['New York', 'New York'],
      ['Texas', 'Texas'],
    ]);
  });

  it('sends the data value of a tier and shows it as the charts name it', async () => {
    root(filters).querySelector<HTMLInputElement>('details[data-key="tiers"] input[value="gold"]')!.click();
    expect(sent.at(-1)!.detail).to.deep.equal({ tiers: ['gold'] });
    await filters.updateComplete;
    expect(text(filters, '#summary-tiers')).to.equal('Gold');
  });

  it('sends a bubbling, composed mkt-filter-change when a category is ticked', async () => {
    const box = root(filters).querySelector<HTMLInputElement>('details[data-key="categories"] input[value="Toys"]')!;
    box.click();
    const event = sent.at(-1)!;
    expect(event.type).to.equal('mkt-filter-change');
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail).to.deep.equal({ categories: ['Toys'] });
    expect(data.filters.categories).to.deep.equal(['Toys']);
  });

  it('sends the date range and limits each date input by the other', async () => {
    const from = root(filters).querySelector<HTMLInputElement>('input[name="dateFrom"]')!;
    from.value = '2025-02-01';
    from.dispatchEvent(new Event('change'));
    expect(data.filters.dateFrom).to.equal('2025-02-01');
    await filters.updateComplete;
    expect(root(filters).querySelector<HTMLInputElement>('input[name="dateTo"]')!.min).to.equal('2025-02-01');
    // A range no preset selects is a custom one, named by its dates.
    expect(checkedPreset(filters)).to.equal('custom');
    expect(text(filters, '#summary-period')).to.equal('Feb 1 – Mar 10, 2025');
  });

  it('shows state set from elsewhere, and Reset clears everything', async () => {
    data.setFilters({ segment: 'Champions' });
    await filters.updateComplete;
    expect(root(filters).querySelector('.chip')!.textContent).to.contain('Segment: Champions');
    root(filters).querySelector<HTMLButtonElement>('.reset')!.click();
    expect(data.filters).to.deep.include({ dateFrom: null, segment: null, categories: [] });
  });

  it('names a product filter set by another element by the product, and its × clears it', async () => {
    data.setFilters({ products: ['p2'] });
    // p2 is the tiny marketplace's Novel: the chip looks its name up.
    const chip = await waitFor(() => root(filters).querySelector('.chip[part="chip"]'), 'the product chip');
    await waitFor(() => chip.textContent!.includes('Product: Novel'), 'the product name');
    chip.querySelector('button')!.click();
    expect(data.filters.products).to.deep.equal([]);
    data.setFilters({ products: ['p1', 'p2'] });
    await waitFor(() => text(filters, '.chip').includes('Products: Headphones, Novel'), 'both names');
    root(filters).querySelector<HTMLButtonElement>('.reset')!.click();
    expect(data.filters.products).to.deep.equal([]);
  });

  describe('period presets', () => {
    it('lists each preset with the days it selects, counted back from the last day of data', () => {
      const rows = [...root(filters).querySelectorAll('.presets label')].map((l) =>
        l.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(rows).to.deep.equal([
        'Last 7 days Mar 4 – 10, 2025',
        'Last 30 days Feb 9 – Mar 10, 2025',
        // 90 days back from 10 March is 11 December 2024, before the data: the range starts with the data.
        'Last 90 days Jan 10 – Mar 10, 2025',
        'Month to date Mar 1 – 10, 2025',
        'Quarter to date Jan 10 – Mar 10, 2025',
        'Year to date Jan 10 – Mar 10, 2025',
        'Last year no data',
        'All data Jan 10 – Mar 10, 2025',
        'Custom range',
      ]);
      expect(text(filters, '.presets legend')).to.equal('Counted back from the last day of data, Mar 10, 2025');
      expect(preset(filters, 'last-year').disabled, '2024 holds no order').to.be.true;
      expect(checkedPreset(filters)).to.equal('all');
    });

    it('sets the ordinary date filters and names the period the KPIs compare with', async () => {
      preset(filters, 'last-30-days').click();
      expect(sent.at(-1)!.detail).to.deep.equal({ dateFrom: '2025-02-09', dateTo: '2025-03-10' });
      expect(data.filters).to.deep.include({ dateFrom: '2025-02-09', dateTo: '2025-03-10' });
      await filters.updateComplete;
      expect(text(filters, '#summary-period')).to.equal('Last 30 days of data');
      // The KPIs' prior period: the 30 days just before 9 February, 10 January to 8 February.
      expect(text(filters, '.period-note .shown')).to.equal(
        'Feb 9 – Mar 10, 2025, compared with Jan 10 – Feb 8, 2025.',
      );
      expect(text(filters, '.period-note .extent')).to.equal('The data runs from Jan 10, 2025 to Mar 10, 2025.');
    });

    it('says when the prior period lies partly or wholly before the data', async () => {
      preset(filters, 'month-to-date').click();
      await filters.updateComplete;
      // 1–10 March (10 days) against 19–28 February.
      expect(text(filters, '.period-note .shown')).to.equal('Mar 1 – 10, 2025, compared with Feb 19 – 28, 2025.');
      data.setFilters({ dateFrom: '2025-02-01', dateTo: '2025-03-10' });
      await filters.updateComplete;
      // 38 days (28 + 10): the 38 days before, 25 December 2024 to 31 January 2025, partly before 10 January.
      expect(text(filters, '.period-note .shown')).to.equal(
        'Feb 1 – Mar 10, 2025, compared with Dec 25, 2024 – Jan 31, 2025 (partly before the data starts).',
      );
      preset(filters, 'all').click();
      await filters.updateComplete;
      expect(data.filters).to.deep.include({ dateFrom: null, dateTo: null });
      expect(text(filters, '.period-note .shown')).to.equal(
        'Jan 10 – Mar 10, 2025, nothing earlier in the data to compare with.',
      );
    });

    it('keeps the preset picked checked when another selects the same days', async () => {
      preset(filters, 'year-to-date').click();
      await filters.updateComplete;
      expect(data.filters).to.deep.include({ dateFrom: '2025-01-10', dateTo: '2025-03-10' });
      expect(checkedPreset(filters)).to.equal('year-to-date');
      expect(text(filters, '#summary-period')).to.equal('Year to date');
    });

    it('follows the state: a preset range set from elsewhere (a link) checks its preset', async () => {
      data.setFilters({ dateFrom: '2025-03-04', dateTo: '2025-03-10' });
      await filters.updateComplete;
      expect(checkedPreset(filters)).to.equal('last-7-days');
      expect(text(filters, '#summary-period')).to.equal('Last 7 days of data');
    });

    it('"Custom range" keeps the dates and moves the focus to the first date', async () => {
      preset(filters, 'last-7-days').click();
      await filters.updateComplete;
      menu(filters, 'period').open = true;
      preset(filters, 'custom').click();
      await filters.updateComplete;
      expect(checkedPreset(filters)).to.equal('custom');
      expect(data.filters).to.deep.include({ dateFrom: '2025-03-04', dateTo: '2025-03-10' });
      expect(root(filters).activeElement).to.equal(root(filters).querySelector('input[name="dateFrom"]'));
    });

    it('is a radio group the keyboard drives: arrows pick, Escape closes and returns the focus', async () => {
      const period = menu(filters, 'period');
      const summary = period.querySelector('summary')!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      expect(period.open).to.be.true;
      preset(filters, 'all').focus();
      await sendKeys({ press: 'ArrowUp' });
      await filters.updateComplete;
      // Up from "All data" skips the disabled "Last year" to "Year to date", and the menu stays open.
      expect(checkedPreset(filters)).to.equal('year-to-date');
      expect(data.filters).to.deep.include({ dateFrom: '2025-01-10', dateTo: '2025-03-10' });
      expect(period.open).to.be.true;
      await sendKeys({ press: 'Escape' });
      expect(period.open).to.be.false;
      expect(root(filters).activeElement).to.equal(summary);
    });
  });

  describe('dropdowns', () => {
    it('close on Escape, with the focus back on their button', async () => {
      const categories = menu(filters, 'categories');
      categories.querySelector('summary')!.click();
      expect(categories.open).to.be.true;
      categories.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'Escape' });
      expect(categories.open).to.be.false;
      expect(root(filters).activeElement).to.equal(categories.querySelector('summary'));
    });

    it('close on a click outside, and one opening closes the other', async () => {
      const categories = menu(filters, 'categories');
      const regions = menu(filters, 'regions');
      categories.querySelector('summary')!.click();
      regions.querySelector('summary')!.click();
      await waitFor(() => !categories.open, 'the categories menu to close');
      expect(regions.open).to.be.true;
      // A click inside the open menu keeps it open.
      const box = regions.querySelector('input')!.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + 2), Math.round(box.y + 2)] });
      expect(regions.open).to.be.true;
      await sendMouse({ type: 'click', position: [5, window.innerHeight - 5] });
      expect(regions.open).to.be.false;
    });
  });
  describe('in a narrow and a wide container', () => {
    let narrow: HTMLDivElement;
    let wide: HTMLDivElement;
    let filters: MktFilters;
    before(async () => {
      // Two more bars of the same dashboard, attached by id (one database for all).
      narrow = await mount(html`<div><mkt-filters data="filters-test"></mkt-filters></div>`);
      wide = await mount(html`<div><mkt-filters data="filters-test"></mkt-filters></div>`);
      narrow.style.width = '375px';
      wide.style.width = '1100px';
      filters = narrow.querySelector('mkt-filters')!;
      await settled(filters);
      await settled(wide.querySelector('mkt-filters')!);
    });
    after(() => [narrow, wide].forEach((e) => e.remove()));

    it('folds into one button that sums up the active filters when narrow', async () => {
      const toggle = root(filters).querySelector<HTMLButtonElement>('button.toggle')!;
      const fields = root(filters).querySelector<HTMLElement>('.fields')!;
      expect(getComputedStyle(toggle).display).not.to.equal('none');
      expect(getComputedStyle(fields).display, 'the fields are folded').to.equal('none');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(text(filters, 'button.toggle')).to.equal('Filters All data');
      data.setFilters({ dateFrom: '2025-02-09', dateTo: '2025-03-10', categories: ['Toys'], tiers: ['gold', 'new'] });
      await filters.updateComplete;
      expect(text(filters, '.toggle-summary')).to.equal('Last 30 days of data · Toys · 2 tiers');
      expect(filters.getBoundingClientRect().height, 'one line, not a third of a phone screen').to.be.below(120);
      await expect(filters).shadowDom.to.be.accessible();
    });

    it('opens from the keyboard and shows every filter', async () => {
      const toggle = root(filters).querySelector<HTMLButtonElement>('button.toggle')!;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await filters.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(getComputedStyle(root(filters).querySelector('.fields')!).display).not.to.equal('none');
      await sendKeys({ press: 'Tab' });
      expect(root(filters).activeElement, 'Tab goes on to the Period menu').to.equal(
        menu(filters, 'period').querySelector('summary'),
      );
    });

    it('shows every field and no toggle when wide', async () => {
      const bar = wide.querySelector('mkt-filters')!;
      data.setFilters({ dateFrom: '2025-02-09', dateTo: '2025-03-10' });
      await bar.updateComplete;
      expect(getComputedStyle(root(bar).querySelector('button.toggle')!).display).to.equal('none');
      expect(getComputedStyle(root(bar).querySelector('.fields')!).display).to.equal('flex');
      expect(text(bar, '.period-note .shown')).to.equal('Feb 9 – Mar 10, 2025, compared with Jan 10 – Feb 8, 2025.');
    });
  });
});
