import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/returns/mkt-returns.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktReturns } from '../../src/components/returns/mkt-returns.js';
import type { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { expectMountedQueryFailureShown } from '../support/widget-failures.js';

const figure = (el: Element, name: string) => text(el, `[data-figure="${name}"] dd`);
const barTexts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.bars .bar-row')].map(
    (g) =>
      `${g.querySelector('text.name')!.textContent!.trim()}: ${g.querySelector('text.value')!.textContent!.trim()}`,
  );
const bar = (el: Element, key: string) => el.shadowRoot!.querySelector<SVGElement>(`.bar-row[data-key="${key}"]`)!;
const groupBy = (el: Element, n: number) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.segmented[aria-label="Group by"] button:nth-child(${n})`)!;

// The analytics shop (test/fixtures/analytics-shop.ts): 15 delivered lines worth 710 (L11 was cancelled); returned
// L4 (Toys, Robot p3 of Toy Barn s3, February, 50, refunded 50, damaged) and L10 (Electronics, Cable p4 of Volt Works
// s1, March, 10, refunded 8.5, wrong size). Books 4 lines, Electronics 9, Toys 2. The data runs 10 Feb – 25 Mar 2025.
describe('<mkt-returns>', () => {
  let data: MktData;
  let el: MktReturns;
  const filterEvents: unknown[] = [];
  before(async () => {
    data = await mount(html`<mkt-data .source=${analyticsShop()}><mkt-returns></mkt-returns></mkt-data>`);
    el = data.querySelector('mkt-returns')!;
    el.addEventListener('mkt-filter-change', (e: MktFilterChangeEvent) => filterEvents.push(e.detail));
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined, accessible and titled', async () => {
    expect(text(el, 'h2')).to.equal('Returns');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('sums up the rate, the returned value and the refunds; no prior period before the data', () => {
    // 2 / 15 = 13.3 %; 60 / 710 = 8.5 %; refunds 50 + 8.5 = 58.5, shown in whole dollars. The prior period of 10 Feb – 25 Mar starts in December.
    expect(
      ['Return rate', 'Vs prior period', 'Returned lines', 'Returned value', 'Refunded'].map((n) => figure(el, n)),
    ).to.deep.equal(['13.3%', 'no prior period', '2 of 15', '$60 · 8.5%', '$59']);
    expect(el.shadowRoot!.querySelector('[data-note="missing"]')).to.equal(null);
  });

  it('ranks the categories by return rate, each a button that filters the dashboard', async () => {
    // Toys 1 / 2, Electronics 1 / 9, Books 0 / 4.
    expect(barTexts(el)).to.deep.equal([
      'Toys: 50.0% · 1 of 2 lines · $50 refunded',
      'Electronics: 11.1% · 1 of 9 lines · $8.5 refunded',
      'Books: 0.0% · 0 of 4 lines · $0 refunded',
    ]);
    bar(el, 'Toys').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => figure(el, 'Returned lines') === '1 of 2', 'the Toys filter');
    expect(filterEvents).to.deep.equal([{ categories: ['Toys'] }]);
    expect(figure(el, 'Return rate')).to.equal('50.0%');
    // The bars ignore their own filter: all three stay, Toys pressed.
    expect(barTexts(el)).to.have.length(3);
    expect(bar(el, 'Toys').getAttribute('aria-pressed')).to.equal('true');
    bar(el, 'Toys').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => figure(el, 'Returned lines') === '2 of 15', 'the filter cleared');
    expect(filterEvents.at(-1)).to.deep.equal({ categories: [] });
    // Books, which had no return, selected: the bars stay, so that it can be cleared from here.
    bar(el, 'Books').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => figure(el, 'Returned lines') === '0 of 4', 'the Books filter');
    expect(bar(el, 'Books').getAttribute('aria-pressed')).to.equal('true');
    bar(el, 'Books').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => figure(el, 'Returned lines') === '2 of 15', 'Books cleared');
  });

  it('compares the rate with the prior period of equal length, all from one statement', async () => {
    const engine = data.state.engine!;
    const sent = engine.executed;
    data.setFilters({ dateFrom: '2025-03-01', dateTo: '2025-03-14' });
    // 1–14 March: L5–L10, L12–L14 = 9 lines, L10 returned (11.1 %); 15–28 February: L3, L4 returned (50 %).
    await waitFor(() => figure(el, 'Returned lines') === '1 of 9', 'the first half of March');
    expect([figure(el, 'Return rate'), figure(el, 'Vs prior period')]).to.deep.equal(['11.1%', '-38.9 pts']);
    // The total, the trend, the bars and the prior period's rate.
    expect(engine.executed - sent).to.equal(1);
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => figure(el, 'Returned lines') === '2 of 15', 'all the data again');
  });

  it('lists sellers and products with returns, most first; a product bar filters, a seller bar does not', async () => {
    groupBy(el, 2).click();
    // Toy Barn 1 of 2 and Volt Works 1 of 9 (one return each: the higher rate first); Paper Lane had none.
    await waitFor(() => barTexts(el)[0]?.startsWith('Toy Barn'), 'the sellers');
    expect(el.by).to.equal('seller');
    expect(barTexts(el)).to.deep.equal([
      'Toy Barn: 50.0% · 1 of 2 lines · $50 refunded',
      'Volt Works: 11.1% · 1 of 9 lines · $8.5 refunded',
    ]);
    expect(bar(el, 's3').getAttribute('role')).to.equal(null);
    groupBy(el, 3).click();
    // Robot 1 of 2, Cable 1 of 5 (L2 L8 L10 L13 L16).
    await waitFor(() => barTexts(el)[0]?.startsWith('Robot'), 'the products');
    expect(barTexts(el)).to.deep.equal([
      'Robot: 50.0% · 1 of 2 lines · $50 refunded',
      'Cable: 20.0% · 1 of 5 lines · $8.5 refunded',
    ]);
    bar(el, 'p3').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => figure(el, 'Returned lines') === '1 of 2', 'the Robot filter');
    expect(filterEvents.at(-1)).to.deep.equal({ products: ['p3'] });
    data.setFilters({ products: [] });
    await waitFor(() => figure(el, 'Returned lines') === '2 of 15', 'all products again');
  });

  it('gives the reasons over every delivered line, and the trend by month of ordering', async () => {
    groupBy(el, 4).click();
    // Each reason: 1 of 15 delivered lines = 6.7 %.
    await waitFor(() => barTexts(el)[0]?.startsWith('damaged'), 'the reasons');
    expect(barTexts(el)).to.deep.equal([
      'damaged: 6.7% · 1 returned · $50 refunded',
      'wrong size: 6.7% · 1 returned · $8.5 refunded',
    ]);
    // February 1 of 4 (25 %), March 1 of 11 (9.1 %): one line of two points.
    const path = el.shadowRoot!.querySelector('[part="trend"] path.line')!;
    expect(path.getAttribute('d')!.match(/[ML]/g)).to.have.length(2);
    el.by = 'category';
    await settled(el);
  });

  it('says so when no line was delivered', async () => {
    data.setFilters({ dateFrom: '2025-03-21', dateTo: '2025-03-24' }); // o9 is on 20 March, o10 on 25 March.
    await waitFor(() => text(el, '[part="message"]'), 'the empty message');
    expect(text(el, '[part="message"]')).to.equal('No order line was delivered in the selected period.');
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => figure(el, 'Returned lines') === '2 of 15', 'all the data again');
  });

  it('says plainly when no delivered line was returned, instead of empty bars and a flat line', async () => {
    data.setFilters({ dateFrom: '2025-03-16', dateTo: '2025-03-25' });
    // L15 (20 March) and L16 (25 March), neither returned, nor any line of another category in those days.
    await waitFor(() => el.shadowRoot!.querySelector('[data-note="no-returns"]'), 'the note');
    expect(text(el, '[data-note="no-returns"]')).to.equal(
      'None of the 2 lines delivered in the selected period was returned.',
    );
    expect(el.shadowRoot!.querySelector('[part="trend"]')).to.equal(null);
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => figure(el, 'Returned lines') === '2 of 15', 'all the data again');
  });

  it('without the returns table: the rates, a plain note of what is missing, reasons off', async () => {
    const other = await mount<MktData>(
      html`<mkt-data .source=${analyticsShop({ without: ['returns'] })}
        ><mkt-returns by="reason"></mkt-returns
      ></mkt-data>`,
    );
    try {
      await whenReady(other);
      const widget = other.querySelector('mkt-returns')!;
      await settled(widget);
      expect(text(widget, '[data-note="missing"]')).to.equal(
        'Refunds and return reasons need the optional returns table, which this dataset does not have; the rates come from the order lines’ status.',
      );
      expect(figure(widget, 'Refunded')).to.equal('–');
      expect(groupBy(widget, 4).disabled).to.equal(true);
      // by="reason" falls back to the categories, with no refunds.
      expect(barTexts(widget)[0]).to.equal('Toys: 50.0% · 1 of 2 lines');
    } finally {
      other.remove();
    }
  });

  it('shows a failing query in place and reports it with mkt-error', () =>
    expectMountedQueryFailureShown(
      html`<mkt-data .source=${analyticsShop()}><mkt-returns></mkt-returns></mkt-data>`,
      'mkt-returns',
    ));
});
