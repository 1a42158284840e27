import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import '../../src/components/products/mkt-products.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import type { MktProducts } from '../../src/components/products/mkt-products.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const list = (el: Element, key: string) =>
  [...el.shadowRoot!.querySelectorAll(`[data-list="${key}"] .bar-row`)].map((g) => [
    g.querySelector('text.name')!.textContent!.trim(),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);
const row = (el: Element, key: string, product: string) =>
  el.shadowRoot!.querySelector<SVGGElement>(`[data-list="${key}"] .bar-row[data-key="${product}"]`)!;

// March in the analytics shop (test/fixtures/analytics-shop.ts), as in test/metrics/products.test.ts: the data ends on
// 25 March, so the window is 1–25 March and the prior period 4–28 February (all of February's orders).
//   p1 Headphones: $300, 3 units (prior $100); p3 Robot: $100, 2 units (prior $0, L4 returned);
//   p2 Novel: $80, 4 units (prior $20); p4 Cable: $30, 3 units, 1 of 4 delivered returned (prior $20).
describe('<mkt-products>', () => {
  let data: MktData;
  let el: MktProducts;
  let kpis: MktKpis;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${analyticsShop()}
        ><mkt-kpis></mkt-kpis><mkt-products limit="2"></mkt-products
      ></mkt-data>`,
    );
    el = data.querySelector('mkt-products')!;
    kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    data.setFilters({ dateFrom: '2025-03-01', dateTo: '2025-03-25' });
    await waitFor(() => list(el, 'best')[0]?.[1] === '$300 · 3 units', 'March');
    await settled(el);
  });
  after(() => data.remove());

  it('is defined, accessible and titled', async () => {
    expect(text(el, 'h2')).to.equal('Products');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('keeps its five metric buttons inside a phone-width card, each label on one line', async () => {
    data.style.width = '300px';
    try {
      await el.updateComplete;
      const group = el.shadowRoot!.querySelector('.segmented')!;
      const buttons = [...group.querySelectorAll('button')];
      expect(buttons).to.have.length(5);
      expect(group.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      const heights = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().height)));
      expect([...heights], '"Return rate" as tall as "GMV"').to.have.length(1);
    } finally {
      data.style.width = '';
    }
  });

  it('lists the best and worst products by GMV and the movers against the prior period', () => {
    expect(list(el, 'best')).to.deep.equal([
      ['Headphones', '$300 · 3 units'],
      ['Robot', '$100 · 2 units'],
    ]);
    expect(list(el, 'worst')).to.deep.equal([
      ['Cable', '$30 · 3 units'],
      ['Novel', '$80 · 4 units'],
    ]);
    // Changes: p1 +200 (+200 %), p3 +100 (nothing before), p2 +60, p4 +10; nothing fell.
    expect(list(el, 'gainers')).to.deep.equal([
      ['Headphones', '+$200 · +200%'],
      ['Robot', '+$100 · new'],
    ]);
    expect(text(el, '[data-list="losers"]')).to.equal('Falling GMV No product sold less than before.');
  });

  it('ranks by a rate only the products with enough volume, and says so', async () => {
    el.measure = 'return_rate';
    await el.updateComplete;
    // No product has 5 delivered lines (Cable has 4).
    expect(text(el, '[data-list="best"] .data-note')).to.equal('No product has 5 delivered lines or more.');
    el.minVolume = 3;
    await el.updateComplete;
    // 3+ delivered: Headphones 0 of 3, Novel 0 of 3, Cable 1 of 4 (Robot has 1). Best: lowest, ties by name.
    expect(list(el, 'best')).to.deep.equal([
      ['Headphones', '0.0% · 0 of 3 returned'],
      ['Novel', '0.0% · 0 of 3 returned'],
    ]);
    expect(list(el, 'worst')[0]).to.deep.equal(['Cable', '25.0% · 1 of 4 returned']);
    el.measure = 'conversion';
    el.minVolume = 2;
    await el.updateComplete;
    // Sessions touching each product in March: Novel 2 of 2 bought; Headphones 1 of 3, Robot 1 of 3; Cable 1 session.
    expect(list(el, 'best')).to.deep.equal([
      ['Novel', '100.0% · 2 of 2 sessions'],
      ['Headphones', '33.3% · 1 of 3 sessions'],
    ]);
    el.measure = 'gmv';
    el.minVolume = 5;
    await el.updateComplete;
  });

  it('filters the dashboard to a clicked product, keeps every product listed, and clears on a second click', async () => {
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$510');
    row(el, 'best', 'p3').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(data.filters.products).to.deep.equal(['p3']);
    // Robot's March GMV: L15 $100.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$100', 'the KPIs of Robot');
    await settled(el);
    expect(row(el, 'best', 'p3').getAttribute('aria-pressed')).to.equal('true');
    expect(list(el, 'best')).to.have.length(2);
    row(el, 'best', 'p3').focus();
    await sendKeys({ press: 'Enter' });
    expect(data.filters.products).to.deep.equal([]);
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$510', 'all the products again');
  });

  it('ranks by GMV only the products sold in the window', async () => {
    // 11–13 February: no sale; S6 (12 February) viewed Headphones and Cable, which o1 sold on 10 February.
    data.setFilters({ dateFrom: '2025-02-11', dateTo: '2025-02-13' });
    await waitFor(() => text(el, '[data-list="best"] .data-note') === 'No product sold in the period.', 'no sale');
    expect(text(el, '[data-list="worst"] .data-note')).to.equal('No product sold in the period.');
    // Prior period 8–10 February: o1 sold Headphones $100 and Cable $20.
    expect(list(el, 'losers')).to.deep.equal([
      ['Headphones', '-$100 · -100%'],
      ['Cable', '-$20 · -100%'],
    ]);
    data.setFilters({ dateFrom: '2025-03-01', dateTo: '2025-03-25' });
    await waitFor(() => list(el, 'best')[0]?.[1] === '$300 · 3 units', 'March again');
  });

  it('offers rating and conversion only where the dataset has reviews and page events', async () => {
    const other = await mount<MktData>(
      html`<mkt-data .source=${analyticsShop({ without: ['reviews', 'page_events'] })}
        ><mkt-products measure="conversion"></mkt-products
      ></mkt-data>`,
    );
    try {
      await whenReady(other);
      const p = other.querySelector('mkt-products')!;
      await settled(p);
      const button = (label: string) =>
        [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.segmented button')].find(
          (b) => b.textContent!.trim() === label,
        )!;
      expect(button('Rating').disabled).to.equal(true);
      expect(button('Conversion').disabled).to.equal(true);
      expect(button('Conversion').title).to.equal('Needs page events, which this dataset does not have');
      // conversion was asked for: GMV is shown instead.
      expect(button('GMV').getAttribute('aria-pressed')).to.equal('true');
      expect(list(p, 'best')[0]).to.deep.equal(['Headphones', '$400 · 4 units']);
    } finally {
      other.remove();
    }
  });
});
