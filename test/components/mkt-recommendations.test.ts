import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/recommendations/mkt-recommendations.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktRecommendations } from '../../src/components/recommendations/mkt-recommendations.js';
import { nextBestProducts } from '../../src/components/recommendations/next-best.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const barTexts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.bars .bar-row')].map((g) => [
    g.querySelector('text.name')!.textContent!.trim(),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);
const picker = (el: Element) => el.shadowRoot!.querySelector<HTMLSelectElement>('[part="picker"] select')!;
const choose = (el: Element, value: string) => {
  picker(el).value = value;
  picker(el).dispatchEvent(new Event('change'));
};

// Baskets of the analytics shop (as in test/metrics/co-purchase.test.ts): the 9 orders with a bought line,
//   o1 {p1 p4}  o2 {p2}  o3 {p3}  o4 {p1 p2}  o5 {p1 p4}  o6 {p2 p4}  o8 {p1 p2 p4}  o9 {p3}  o10 {p4}
// p1 Headphones in 4, p2 Novel in 4, p3 Robot in 2, p4 Cable in 5; p1 & p4 together in 3, p1 & p2 in 2, p2 & p4 in 2.
describe('<mkt-recommendations>', () => {
  let data: MktData;
  let el: MktRecommendations;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${analyticsShop()}><mkt-recommendations></mkt-recommendations></mkt-data>`,
    );
    el = data.querySelector('mkt-recommendations')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined, accessible and titled', async () => {
    expect(text(el, 'h2')).to.equal('Bought together');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('lists the most frequent pairs with confidence and lift, and offers the items by baskets', () => {
    // p1 → p4: 3 of p1's 4 baskets (75 %), lift 3·9 / (4·5) = 1.35 (p4 → p1: 3 of 5). p1 → p2 and p2 → p1:
    // 2 of 4 (50 %), lift 2·9 / (4·4) = 1.125; p2 → p4 2 of 4 (p4 → p2 2 of 5), lift 2·9 / (4·5) = 0.9.
    // Each pair once, in its direction of higher confidence (Headphones → Novel and back tie at 50 %: the first).
    expect(barTexts(el)).to.deep.equal([
      ['Headphones → Cable', '75% also · lift 1.35 · 3 together'],
      ['Headphones → Novel', '50% also · lift 1.13 · 2 together'],
      ['Novel → Cable', '50% also · lift 0.90 · 2 together'],
    ]);
    expect([...picker(el).options].map((o) => o.textContent!.trim())).to.deep.equal([
      'any item: the most frequent pairs',
      'Cable',
      'Headphones',
      'Novel',
      'Robot',
    ]);
    expect(text(el, '[data-note="definitions"]')).to.match(/^Over 9 orders that bought something\./);
  });

  it('answers for the product picked, and says when nothing is bought with it', async () => {
    choose(el, 'p1');
    await waitFor(() => barTexts(el).length === 2, 'the rules of Headphones');
    expect(barTexts(el)).to.deep.equal([
      ['Cable', '75% also · lift 1.35 · 3 together'],
      ['Novel', '50% also · lift 1.13 · 2 together'],
    ]);
    choose(el, 'p3');
    await waitFor(() => el.shadowRoot!.querySelector('[data-note="none"]'), 'no rule for Robot');
    expect(text(el, '[data-note="none"]')).to.equal(
      'Nothing is bought with Robot by 2 or more orders in this selection.',
    );
    choose(el, '');
    await waitFor(() => barTexts(el).length === 3, 'the pairs again');
  });

  it('follows a product filter set elsewhere, learning from every product', async () => {
    data.setFilters({ products: ['p4'] });
    // Cable → Headphones 3 of 5 (60 %), Cable → Novel 2 of 5 (40 %, lift 0.9).
    await waitFor(() => barTexts(el).length === 2, 'the rules of Cable');
    expect(barTexts(el).map(([name]) => name)).to.deep.equal(['Headphones', 'Novel']);
    expect(picker(el).value).to.equal('p4');
    data.setFilters({ products: [] });
    await waitFor(() => barTexts(el).length === 3, 'the pairs again');
  });

  it('works on categories and on customer baskets', async () => {
    el.level = 'category';
    // Electronics in o1 o4 o5 o6 o8 o10 (6), Books in o2 o4 o6 o8 (4), both in o4 o6 o8: Books → Electronics
    // 3 / 4 = 75 % (Electronics → Books 3 / 6 = 50 %, left out), lift 3·9 / (4·6) = 1.125. Toys is bought alone.
    await waitFor(() => barTexts(el)[0]?.[0] === 'Books → Electronics', 'the category pairs');
    expect(barTexts(el)).to.deep.equal([['Books → Electronics', '75% also · lift 1.13 · 3 together']]);
    el.level = 'product';
    el.basket = 'customer';
    el.item = 'p1';
    // Customers c1 {p1 p2 p4} c2 {p2} c3 {p3} c4 {p1 p4} c5 {p2 p4} c6 {p1 p2 p4}: p1's 3 customers all bought p4
    // (lift 3·6 / (3·4) = 1.5), 2 of them p2 (lift 2·6 / (3·4) = 1).
    await waitFor(() => barTexts(el)[0]?.[1] === '100% also · lift 1.50 · 3 together', 'customer baskets');
    expect(barTexts(el)[1]).to.deep.equal(['Novel', '67% also · lift 1.00 · 2 together']);
    el.basket = 'order';
    el.item = '';
    await waitFor(() => barTexts(el).length === 3, 'the pairs again');
  });

  it('suggests next best products per customer, for an early-warning list', async () => {
    // c2 owns p2 → p1 (50 %, lift 1.125); c3's p3 is in no pair; c4 owns p1 p4 → p2 by p1 (lift 1.125; p4 → p2 has
    // lift 0.9); c5 owns p2 p4 → p1 by p4 (60 %, lift 1.35).
    const expected = [
      ['c2', 'p1', 'Headphones', 'p2'],
      ['c4', 'p2', 'Novel', 'p1'],
      ['c5', 'p1', 'Headphones', 'p4'],
    ];
    const pick = (rows: { customer_id: string; y: string; y_name: string; x: string }[]) =>
      rows.map((r) => [r.customer_id, r.y, r.y_name, r.x]);
    expect(pick(await el.nextBestProducts(['c2', 'c3', 'c4', 'c5']))).to.deep.equal(expected);
    // The same from the dashboard, even filtered to one product (the rules still learn from every product).
    data.setFilters({ products: ['p3'] });
    expect(pick(await nextBestProducts(data.state, ['c2', 'c3', 'c4', 'c5']))).to.deep.equal(expected);
    data.setFilters({ products: [] });
  });

  it('says that data without order ids has no baskets of orders', async () => {
    const other = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset()}><mkt-recommendations></mkt-recommendations></mkt-data>`,
    );
    try {
      await whenReady(other);
      const r = other.querySelector('mkt-recommendations')!;
      await settled(r);
      expect(text(r, '[data-note="none"]')).to.match(/^No order ids in this data: each order line is its own basket/);
    } finally {
      other.remove();
    }
  });
});
