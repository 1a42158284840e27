import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/payments/mkt-payments.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktPayments } from '../../src/components/payments/mkt-payments.js';
import type { MktOptionChangeEvent } from '../../src/events/option-change.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import {
  expectBadAttributeReported,
  expectCalmWithoutOrders,
  expectQueryFailureShown,
} from '../support/widget-failures.js';
import { renderChart } from '../support/svg-snapshot.js';
import { categoryView } from '../../src/components/payments/payment-views.js';
import { formatter } from '../../src/format/format.js';
import type { MixGroup } from '../../src/metrics/payments.js';

const figure = (el: Element, name: string) => text(el, `[data-figure="${name}"] dd`);
const barTexts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.bars .bar-row')].map((g) => [
    g.querySelector('text.name')!.textContent!.trim(),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);
const button = (el: Element, group: string, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`.segmented[aria-label="${group}"] button`)].find(
    (b) => b.textContent!.trim() === name,
  )!;

async function open(source: InMemoryDataset, attrs = ''): Promise<{ data: MktData; el: MktPayments }> {
  const data = await mount<MktData>(html`<mkt-data .source=${source}><mkt-payments></mkt-payments></mkt-data>`);
  const el = data.querySelector('mkt-payments')!;
  if (attrs) el.setAttribute('mode', attrs);
  await whenReady(data);
  await settled(el);
  return { data, el };
}

// The analytics shop's payments (test/fixtures/analytics-shop.ts): o1 card 120; o2 wallet 20; o3 card 50 (3
// instalments); o4 card 90 (6) + gift card 30; o5 bnpl 110 (4); o6 card 50; o7 card 50; o8 wallet 130; o9 card 100
// (3); o10 gift card 10. 760 in all: card 460, wallet 150, bnpl 110, gift card 40.
describe('<mkt-payments>', () => {
  let data: MktData;
  let el: MktPayments;
  const options: string[] = [];
  before(async () => {
    ({ data, el } = await open(analyticsShop()));
    el.addEventListener('mkt-option-change', (e: MktOptionChangeEvent) =>
      options.push(`${e.detail.option}=${e.detail.value}`),
    );
  });
  after(() => data.remove());

  it('is accessible and draws one bar per method by default', async () => {
    await expect(el).shadowDom.to.be.accessible();
    // 460 / 760 = 60.5 %, 150 / 760 = 19.7 %, 110 / 760 = 14.5 %, 40 / 760 = 5.3 %.
    expect(barTexts(el).map(([n, v]) => `${n}: ${v.split(' · ')[0]}`)).to.deep.equal([
      'Credit card: 60.5%',
      'Digital wallet: 19.7%',
      'Buy now pay later: 14.5%',
      'Gift card: 5.3%',
    ]);
  });

  it('splits each category’s value by method as a 100 % bar, largest category first', async () => {
    button(el, 'Show', 'Category').click();
    await waitFor(() => el.shadowRoot!.querySelector('.share-bars'), 'the category bars');
    // Electronics 460: card 205, bnpl 110, wallet 110, gift 35. Toys 200, all card. Books 100: card 55, wallet 40,
    // gift 5 (test/metrics/payments.test.ts). Segments in the order of the methods' total value (card, wallet, bnpl,
    // gift); the first as a share of its row: 205 / 460 = 44.6 %, 200 / 200, 55 / 100.
    const rows = [...el.shadowRoot!.querySelectorAll('.share-row')];
    expect(rows.map((r) => [r.getAttribute('data-key'), r.querySelector('text.value')!.textContent])).to.deep.equal([
      ['Electronics', '$460'],
      ['Toys', '$200'],
      ['Books', '$100'],
    ]);
    expect(rows.map((r) => [...r.querySelectorAll('.segment')].map((s) => s.getAttribute('data-part')))).to.deep.equal([
      ['credit_card', 'digital_wallet', 'buy_now_pay_later', 'gift_card'],
      ['credit_card'],
      ['credit_card', 'digital_wallet', 'gift_card'],
    ]);
    expect(rows[0].querySelector('.segment title')!.textContent).to.equal('Electronics: Credit card 44.6% · $205');
    expect(text(el, '.legend')).to.match(/Credit card\s*Digital wallet\s*Buy now pay later\s*Gift card/);
    expect(el.mode).to.equal('category');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('stacks the value paid per month by method, and switches to weeks', async () => {
    button(el, 'Show', 'Time').click();
    await waitFor(() => el.shadowRoot!.querySelector('g.column'), 'the columns');
    // February 190 (card 170, wallet 20), March 570 (card 290, wallet 130, bnpl 110, gift 40); both months held only
    // in part by the data (10 February – 25 March), so faded.
    const columns = () => [...el.shadowRoot!.querySelectorAll('g.column')];
    expect(columns()).to.have.length(2);
    expect(columns().every((c) => c.classList.contains('partial'))).to.equal(true);
    expect(text(el, '.note.partial')).to.equal('Faded: a month the date range holds only in part.');
    button(el, 'Granularity', 'Week').click();
    // Weeks (Mondays) with orders: Feb 10 (o1), Feb 10–16 also o2 (Feb 15), Feb 17 (o3), Mar 2 is a Sunday (week of
    // Feb 24: o4), Mar 3 (o5 o6 o7 o8 is Mar 12: week of Mar 10), Mar 17 (o9), Mar 24 (o10): Feb 10, Feb 17, Feb 24,
    // Mar 3, Mar 10, Mar 17, Mar 24 = 7 weeks.
    await waitFor(() => columns().length === 7, 'seven weekly columns');
    expect(el.granularity).to.equal('week');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says how much of the value was paid in instalments, and the value by number of instalments', async () => {
    button(el, 'Show', 'Instalments').click();
    await waitFor(() => el.shadowRoot!.querySelector('[data-figure="Paid in instalments"]'), 'the figures');
    // 150 (3) + 110 (4) + 90 (6) = 350 of 760 = 46.1 %, in 4 of 11 payments; at once 410 = 53.9 %.
    expect(figure(el, 'Paid in instalments')).to.equal('46.1%');
    expect(figure(el, 'Amount in instalments')).to.equal('$350');
    expect(figure(el, 'Payments in instalments')).to.equal('4 of 11');
    expect(barTexts(el)).to.deep.equal([
      ['At once', '53.9% · $410'],
      ['3 instalments', '19.7% · $150'],
      ['4 instalments', '14.5% · $110'],
      ['6 instalments', '11.8% · $90'],
    ]);
    expect(options).to.deep.equal(['mode=category', 'mode=time', 'granularity=week', 'mode=installments']);
  });

  it('follows the filters: Toys orders (o3 o7 o9) are all card, 200 of which 150 in instalments', async () => {
    data.setFilters({ categories: ['Toys'] });
    await waitFor(() => figure(el, 'Paid in instalments') === '75.0%', 'the Toys orders');
    expect(figure(el, 'Payments in instalments')).to.equal('2 of 3');
    data.setFilters({ categories: ['Nothing sold'] });
    await waitFor(() => text(el, '[part="message"]'), 'the empty message');
    expect(text(el, '[part="message"]')).to.equal('No payments for the selected orders.');
    data.setFilters({ categories: [] });
    await settled(el);
  });

  it('falls back to the methods for an unknown mode and says so with mkt-error', async () => {
    await expectBadAttributeReported(el, 'mode', 'pie');
    await waitFor(() => barTexts(el)[0]?.[0] === 'Credit card', 'the methods');
    expect(el.getAttribute('mode')).to.equal('pie');
    el.mode = 'installments';
    await settled(el);
  });

  it('says plainly when the dataset has no payments table', async () => {
    const other = await open(analyticsShop({ without: ['payments'] }), 'installments');
    try {
      expect(text(other.el, '[part="message"]')).to.equal('This dataset has no payments, which this view needs.');
    } finally {
      other.data.remove();
    }
  });

  it('says it is empty, with no error, when the data has no orders at all (no dates)', () =>
    expectCalmWithoutOrders(
      html`<mkt-data .source=${analyticsShop({ rows: { transactions: [], orders: [], payments: [] } })}
        ><mkt-payments></mkt-payments
      ></mkt-data>`,
      'mkt-payments',
    ));

  it('shows a failed query in place and sends mkt-error', () => expectQueryFailureShown(data, el, 'mkt_payments'));
});

describe('categoryView()', () => {
  it('draws the 12 largest categories and the rest as one bar that sums them', () => {
    // Categories c01..c14 paid 14, 13, …, 1; c13's 2 are 1 by card and 1 by wallet, the others all card. The 12
    // largest are c01..c12; c13 (2) and c14 (1) make one bar "2 other categories" of 3: card 2, wallet 1, so its
    // wallet segment is a third of the bar.
    const groups = Array.from({ length: 14 }, (_, i): MixGroup => ({
      grp: `c${String(i + 1).padStart(2, '0')}`,
      values: i === 12 ? { card: 1, wallet: 1 } : { card: 14 - i },
      total: 14 - i,
    }));
    const host = renderChart(categoryView(['card', 'wallet'], groups, { f: formatter(), locale: 'en-US', width: 600 }));
    try {
      const rows = [...host.shadowRoot!.querySelectorAll('.share-row')];
      expect(rows).to.have.length(13);
      expect(rows[12].getAttribute('data-key')).to.equal('2 other categories');
      expect(rows[12].querySelector('text.value')!.textContent).to.equal('$3');
      expect(rows[12].querySelector('[data-part="wallet"] title')!.textContent).to.equal(
        '2 other categories: Wallet 33.3% · $1',
      );
    } finally {
      host.remove();
    }
  });
});
