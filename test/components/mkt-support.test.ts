import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/support/mkt-support.js';
import '../../src/components/seller-health/mkt-seller-health.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktSupport } from '../../src/components/support/mkt-support.js';
import type { MktSellerHealth } from '../../src/components/seller-health/mkt-seller-health.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { durationText } from '../../src/format/duration.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const figure = (el: Element, name: string) => text(el, `[data-figure="${name}"] dd`);
const barTexts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.bars .bar-row')].map((g) => [
    g.querySelector('text.name')!.textContent!.trim(),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);

// The analytics shop's five tickets (test/fixtures/analytics-shop.ts), over its ten orders:
//   tk1 o3 new seller s3, 2 h to answer, 48 h to resolve, CSAT 2; tk2 o4 silver s2, 24 h, 48 h, CSAT 4;
//   tk3 o6 gold s1, 0.5 h, 12 h, CSAT 5; tk4 o8 silver s2, 48 h, open; tk5 no order, 1 h, 3 h, CSAT 3.
describe('<mkt-support>', () => {
  let data: MktData;
  let el: MktSupport;
  let health: MktSellerHealth;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${analyticsShop()}
        ><mkt-support></mkt-support><mkt-seller-health></mkt-seller-health
      ></mkt-data>`,
    );
    el = data.querySelector('mkt-support')!;
    health = data.querySelector('mkt-seller-health')!;
    await whenReady(data);
    await settled(el);
    await settled(health);
  });
  after(() => data.remove());

  it('is defined, accessible and titled', async () => {
    expect(text(el, 'h2')).to.equal('Customer service');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('sums up tickets, contact rate, CSAT and median / p90 times', () => {
    // 5 tickets / 10 orders = 500 per 1,000. CSAT answers 2 4 5 3: 2 of 4 are 4–5 (50 %), mean 3.5.
    // First responses 0.5 1 2 24 48 h: median 2 h, p90 24 + 0.6 × 24 = 38.4 h. Resolutions 3 12 48 48 h (tk4 open):
    // median 30 h, p90 48 h = 2 days.
    expect(
      ['Tickets', 'Per 1,000 orders', 'CSAT (4–5 of 5)', 'First response', 'Resolution'].map((n) => figure(el, n)),
    ).to.deep.equal(['5', '500', '50% · 3.5 mean', '2 h · p90 38 h', '30 h · p90 2 d']);
    expect(text(el, '[data-note="open"]')).to.equal('1 still open');
  });

  it('compares seller tiers by tickets per 1,000 orders, worst first, the ticket of no order or seller last', () => {
    // silver: tk2 tk4 over o2 o4 o6 o8 = 500; new: tk1 over o3 o7 o9 = 333; gold: tk3 over six orders = 167.
    expect(barTexts(el)).to.deep.equal([
      ['Silver', '500 per 1,000 orders · 2 tickets'],
      ['New', '333 per 1,000 orders · 1 ticket'],
      ['Gold', '167 per 1,000 orders · 1 ticket'],
      ['No order or seller', '– per 1,000 orders · 1 ticket'],
    ]);
  });

  it('switches to CSAT (lowest first) and to response times by reason (slowest first)', async () => {
    el.measure = 'csat';
    await el.updateComplete;
    // Share of 4–5 answers: tk5 (3) 0 %, new tk1 (2) 0 %, gold tk3 (5) 100 %, silver tk2 (4) 100 % (tk4 unrated).
    expect(barTexts(el)).to.deep.equal([
      ['No order or seller', '0% satisfied · 1 rated'],
      ['New', '0% satisfied · 1 rated'],
      ['Gold', '100% satisfied · 1 rated'],
      ['Silver', '100% satisfied · 1 rated'],
    ]);
    el.measure = 'response';
    el.shadowRoot!.querySelector<HTMLButtonElement>('.segmented[aria-label="Group by"] button:nth-child(3)')!.click();
    await waitFor(() => barTexts(el)[0]?.[0] === 'where is my order', 'the reasons');
    expect(el.by).to.equal('reason');
    expect(barTexts(el).map(([name, value]) => `${name}: ${value}`)).to.deep.equal([
      'where is my order: median 2 d · p90 2 d',
      'late delivery: median 24 h · p90 24 h',
      'damaged item: median 2 h · p90 2 h',
      'account question: median 1 h · p90 1 h',
      'return or refund: median 30 min · p90 30 min',
    ]);
    el.by = 'tier';
    el.measure = 'rate';
    await settled(el);
  });

  it('durationText() reads minutes, hours and days', () => {
    expect([0.5, 2, 2.25, 38.4, 47.9, 48, 60, null].map((h) => durationText(h))).to.deep.equal([
      '30 min',
      '2 h',
      '2.3 h',
      '38 h',
      '48 h',
      '2 d',
      '2.5 d',
      '–',
    ]);
    expect(durationText(2.25, 'de-DE')).to.equal('2,3 h');
  });

  it('<mkt-seller-health> says how much the tickets weigh in its score', () => {
    // Weights 0.4 0.25 0.2 0.15 and 0.1 + 0.1 for tickets: 0.2 / 1.2 = 17 %.
    expect(text(health, '[data-note="tickets"]')).to.equal(
      'Support tickets weigh 17% of the score: responses later than 24 hours and CSAT answers of 1–2.',
    );
  });

  it('says plainly when the dataset has no support tickets, and seller health then says nothing of them', async () => {
    const other = await mount<MktData>(
      html`<mkt-data .source=${analyticsShop({ without: ['support_tickets'] })}
        ><mkt-support></mkt-support><mkt-seller-health></mkt-seller-health
      ></mkt-data>`,
    );
    try {
      await whenReady(other);
      const support = other.querySelector('mkt-support')!;
      const sellers = other.querySelector('mkt-seller-health')!;
      await settled(support);
      await settled(sellers);
      expect(text(support, '[part="message"]')).to.equal('This dataset has no support tickets, which this view needs.');
      expect(sellers.shadowRoot!.querySelector('[data-note="tickets"]')).to.equal(null);
    } finally {
      other.remove();
    }
  });
});
