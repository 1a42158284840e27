import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/value-tiers/mkt-value-tiers.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktValueTiers } from '../../src/components/value-tiers/mkt-value-tiers.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import type { MktOptionChangeEvent } from '../../src/events/option-change.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { expectMountedQueryFailureShown } from '../support/widget-failures.js';

const figure = (el: Element, name: string) => text(el, `[data-figure="${name}"] dd`);
const barTexts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.bars .bar-row')].map(
    (g) =>
      `${g.querySelector('text.name')!.textContent!.trim()}: ${g.querySelector('text.value')!.textContent!.trim()}`,
  );
const input = (el: Element, tier: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`.cutoffs input[data-tier="${tier}"]`)!;
function type(el: Element, tier: string, value: string) {
  const field = input(el, tier);
  field.value = value;
  field.dispatchEvent(new Event('change'));
}

// The analytics shop's completed GMV (test/metrics/concentration.test.ts): customers c2 20, c5 40, c3 100, c4 120,
// c6 130, c1 240 (total 650); sellers s2 100, s3 100, s1 450 (total 650).
describe('<mkt-value-tiers>', () => {
  let data: MktData;
  let el: MktValueTiers;
  const errors: MktErrorEvent[] = [];
  const options: string[] = [];
  before(async () => {
    data = await mount(html`<mkt-data .source=${analyticsShop()}><mkt-value-tiers></mkt-value-tiers></mkt-data>`);
    el = data.querySelector('mkt-value-tiers')!;
    data.addEventListener('mkt-error', (e) => errors.push(e));
    el.addEventListener('mkt-option-change', (e: MktOptionChangeEvent) =>
      options.push(`${e.detail.option}=${e.detail.value}`),
    );
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined, accessible and titled', async () => {
    expect(text(el, 'h2')).to.equal('Value tiers');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('sums up the customers: Gini, top 1 / 10 / 20 % shares and who brings half of GMV', () => {
    // Gini: coefficients 2i − 7 = −5 −3 −1 1 3 5 over 20 40 100 120 130 240: 1390 / (6 · 650) = 0.356.
    // Top p = 1 − L(1 − p), L linear between i / 6: L(0.99) = (410 + 0.94 · 240) / 650 → top 1 % 14.4 / 650 = 2.2 %;
    // L(0.9) = (410 + 0.4 · 240) / 650 → 144 / 650 = 22.2 %; L(0.8) = (280 + 0.8 · 130) / 650 → 266 / 650 = 40.9 %.
    expect(
      ['Customers', 'Gini', 'Top 1% share', 'Top 10% share', 'Top 20% share'].map((n) => figure(el, n)),
    ).to.deep.equal(['6', '0.36', '2.2%', '22.2%', '40.9%']);
    // Half of 650 = 325: c1 240 + c6 130 = 370 reach it, c1 alone does not. c1 holds 240 / 650 = 36.9 %.
    expect(text(el, '[data-note="risk"]')).to.equal(
      'Half of GMV comes from 2 customers of 6 (33.3%); the largest alone brings 36.9%.',
    );
  });

  it('cuts the customers into tiers at the top 1, 10 and 40 %, with the spend where each starts', () => {
    // A tier starts at rank ⌈f · 6⌉ from the top: 1 % and 10 % → rank 1 (240), 40 % → rank 3 (120). Gold is empty
    // (the one at 240 is Platinum). Silver 120 + 130 = 250 / 650 = 38 %; Bronze 20 + 40 + 100 = 160 / 650 = 25 %.
    expect(barTexts(el)).to.deep.equal([
      'Platinum · top 1% · from $240: 37% of GMV · 1 customer',
      'Gold · top 10% · from $240: 0% of GMV · 0 customers',
      'Silver · top 40% · from $120: 38% of GMV · 2 customers',
      'Bronze · the rest: 25% of GMV · 3 customers',
    ]);
  });

  it('takes new cut-offs from its fields and sends mkt-option-change', async () => {
    type(el, 'Platinum', '20');
    type(el, 'Gold', '50');
    type(el, 'Silver', '80');
    // Ranks ⌈1.2⌉ = 2 (130), 3 (120), ⌈4.8⌉ = 5 (40): Platinum 240 + 130 = 370 (57 %), Gold 120 (18 %),
    // Silver 100 + 40 = 140 (22 %), Bronze 20 (3 %).
    await waitFor(() => barTexts(el)[0]?.startsWith('Platinum · top 20%'), 'the new cut-offs');
    expect(el.tiers).to.equal('20,50,80');
    expect(el.getAttribute('tiers')).to.equal('20,50,80');
    expect(options).to.deep.equal(['tiers=20,10,40', 'tiers=20,50,40', 'tiers=20,50,80']);
    expect(barTexts(el)).to.deep.equal([
      'Platinum · top 20% · from $130: 57% of GMV · 2 customers',
      'Gold · top 50% · from $120: 18% of GMV · 1 customer',
      'Silver · top 80% · from $40: 22% of GMV · 2 customers',
      'Bronze · the rest: 3% of GMV · 1 customer',
    ]);
  });

  it('says in the widget and with mkt-error when cut-offs cannot be used, keeps what was typed, shows the defaults', async () => {
    type(el, 'Gold', '5');
    await waitFor(() => el.shadowRoot!.querySelector('[data-warnings="attributes"]'), 'the warning');
    expect(text(el, '[data-warnings="attributes"]')).to.contain('The tier cut-offs "20,5,80" cannot be used');
    expect(input(el, 'Gold').value).to.equal('5');
    expect(input(el, 'Gold').getAttribute('aria-invalid')).to.equal('true');
    await waitFor(() => errors.some((e) => e.detail.code === 'attribute-invalid'), 'an mkt-error');
    expect(errors.map((e) => e.detail.message)).to.deep.equal([
      '<mkt-value-tiers> tiers="20,5,80" is not valid: expected three top percentages of spend for Platinum, Gold and Silver, each larger, 0–100 (e.g. "1,10,40"). Using "1,10,40".',
    ]);
    await waitFor(() => barTexts(el)[0]?.startsWith('Platinum · top 1%'), 'the default cut-offs');
    el.tiers = '1,10,40';
    await settled(el);
    expect(el.shadowRoot!.querySelector('[data-warnings="attributes"]')).to.equal(null);
  });

  it('switches to sellers and says the concentration risk in plain words', async () => {
    el.shadowRoot!.querySelector<HTMLButtonElement>(
      '.segmented[aria-label="Whose spend"] button:nth-child(2)',
    )!.click();
    await waitFor(() => figure(el, 'Sellers'), 'the sellers');
    expect(el.entity).to.equal('sellers');
    expect(options.at(-1)).to.equal('entity=sellers');
    // 100 100 450: Gini (−2 · 100 + 0 + 2 · 450) / (3 · 650) = 14/39 = 0.36. L(0.99) = (200 + 0.97 · 450) / 650 →
    // top 1 % 13.5 / 650 = 2.1 %; L(0.9) = (200 + 0.7 · 450) / 650 → 135 / 650 = 20.8 %; L(0.8) → 270 / 650 = 41.5 %.
    expect(
      ['Sellers', 'Gini', 'Top 1% share', 'Top 10% share', 'Top 20% share'].map((n) => figure(el, n)),
    ).to.deep.equal(['3', '0.36', '2.1%', '20.8%', '41.5%']);
    // s1 alone holds 450 / 650 = 69.2 %, more than half.
    expect(text(el, '[data-note="risk"]')).to.equal(
      'Concentration risk: Half of GMV comes from 1 seller of 3 (33.3%); the largest alone brings 69.2%. Were the largest seller to leave, GMV would fall by that share.',
    );
    // Ranks 1 (450), 1, ⌈1.2⌉ = 2 (100): Platinum s1; Silver s2 s3 (200 / 650 = 31 %); Bronze nobody.
    expect(barTexts(el)).to.deep.equal([
      'Platinum · top 1% · from $450: 69% of GMV · 1 seller',
      'Gold · top 10% · from $450: 0% of GMV · 0 sellers',
      'Silver · top 40% · from $100: 31% of GMV · 2 sellers',
      'Bronze · the rest: 0% of GMV · 0 sellers',
    ]);
    el.entity = 'customers';
    await settled(el);
  });

  it('draws the Lorenz curve through the hand-worked points, and the line of equality', () => {
    const paths = [...el.shadowRoot!.querySelectorAll('[part="lorenz"] path.line')];
    expect(paths.map((p) => p.getAttribute('class'))).to.deep.equal(['line equality', 'line']);
    // Seven points (0 and i / 6): the curve's path has a move and six lines.
    expect(paths[1].getAttribute('d')!.match(/[ML]/g)!.length).to.equal(7);
  });

  it('follows the filters, and says so when nothing was bought', async () => {
    data.setFilters({ categories: ['Books'], dateFrom: '2025-03-01' });
    // March Books: c1 20, c6 20, c5 40.
    await waitFor(() => figure(el, 'Customers') === '3', `the filtered customers, not ${figure(el, 'Customers')}`);
    data.setFilters({ categories: [], dateFrom: '2025-03-21', dateTo: '2025-03-24' }); // o9 is on 03-20, o10 on 03-25.
    await waitFor(() => text(el, '[part="message"]'), 'the empty message');
    expect(text(el, '[part="message"]')).to.equal('No completed orders in the selected period.');
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => figure(el, 'Customers') === '6', 'all customers again');
  });

  it('shows a failing query in place and reports it with mkt-error', () =>
    expectMountedQueryFailureShown(
      html`<mkt-data .source=${analyticsShop()}><mkt-value-tiers entity="sellers"></mkt-value-tiers></mkt-data>`,
      'mkt-value-tiers',
    ));
});
