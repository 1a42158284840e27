import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/data/mkt-data.js';
import '../../src/components/what-if/mkt-what-if.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWhatIf } from '../../src/components/what-if/mkt-what-if.js';
import type { MktScenarioChangeEvent } from '../../src/events/scenario-change.js';
import { DEFAULT_ASSUMPTIONS as WHAT_IF_ASSUMPTIONS } from '../../src/models/what-if.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const cell = (el: MktWhatIf, row: string, col: string) => text(el, `tr[data-row="${row}"] .${col}`);

describe('<mkt-what-if>', () => {
  let data: MktData;
  let el: MktWhatIf;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}><mkt-what-if heading="What if"></mkt-what-if></mkt-data>`,
    );
    el = data.querySelector('mkt-what-if')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-what-if')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the baseline of the tiny marketplace, unchanged without a scenario', () => {
    // Completed: GMV 100+40+20+100+100+100 = 460; cost 60+24+12+60+60+60 = 276; margin 184; 6 order lines.
    expect(cell(el, 'gmv', 'base')).to.equal('$460');
    expect(cell(el, 'margin', 'base')).to.equal('$184');
    expect(cell(el, 'orders', 'base')).to.equal('6');
    expect(cell(el, 'gmv', 'next')).to.equal('$460');
    expect(cell(el, 'gmv', 'change')).to.equal('0%');
  });

  it('a +10% price on Electronics only (attributes): GMV $446, margin $194', async () => {
    // Electronics: GMV 300, cost 180, 3 lines. Demand 1.1^−1.5 = 0.866784: GMV 300 × 1.1 × 0.866784 = 286.04, cost
    // 156.02. Totals: GMV 460 − 300 + 286.04 = 446.04; cost 276 − 180 + 156.02 = 252.02; margin 194.02 (+5.4%).
    el.setAttribute('scope', 'category:Electronics');
    el.setAttribute('price-change', '10');
    await el.updateComplete;
    expect(cell(el, 'gmv', 'next')).to.equal('$446');
    expect(cell(el, 'margin', 'next')).to.equal('$194');
    expect(cell(el, 'margin', 'change')).to.equal('+5.4%');
    expect(el.projection!.projected.orders).to.be.closeTo(3 + 3 * 0.866784, 1e-5);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select')!.value).to.equal('category:Electronics');
  });

  it('editing an assumption input re-projects and fires mkt-scenario-change with the scenario and projection', async () => {
    // Elasticity −1: demand 1/1.1, so Electronics GMV stays 300 × 1.1 / 1.1 = 300 and the total 460; its cost
    // 180 / 1.1 = 163.64: total cost 276 − 180 + 163.64 = 259.64, margin 460 − 259.64 = 200.36.
    const fired: MktScenarioChangeEvent[] = [];
    const listen = (e: MktScenarioChangeEvent) => fired.push(e);
    data.addEventListener('mkt-scenario-change', listen);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="price-elasticity"]')!;
    input.value = '-1';
    input.dispatchEvent(new Event('change'));
    await waitFor(() => fired.length > 0, 'mkt-scenario-change');
    data.removeEventListener('mkt-scenario-change', listen);
    expect(fired).to.have.length(1);
    const { projection, ...scenario } = fired[0].detail;
    expect(scenario).to.deep.equal({
      scope: 'category:Electronics',
      priceChange: 10,
      discount: 0,
      conversion: null,
      lateRate: null,
      priceElasticity: -1,
      promoElasticity: WHAT_IF_ASSUMPTIONS.promoElasticity,
      lateOrderLoss: WHAT_IF_ASSUMPTIONS.lateOrderLoss * 100,
    });
    expect(projection!.projected.gmv).to.be.closeTo(460, 1e-9);
    expect(projection!.projected.margin).to.be.closeTo(460 - (276 - 180 + 180 / 1.1), 1e-9);
    expect(el.priceElasticity).to.equal(-1);
    expect(cell(el, 'gmv', 'next')).to.equal('$460');
    expect(cell(el, 'margin', 'next')).to.equal('$200');
  });

  it('a lower late rate on Books lifts its orders by the assumed loss per point', async () => {
    // Books late rate = 1 late (t3) of 2 shipped (t2, t3) = 50%. To 40%: 10 points × 1% = +10% demand.
    // Books GMV 60 → 66; total 466. Reset first so the price change is gone.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.reset')!.click();
    el.scope = 'category:Books';
    await el.updateComplete;
    const late = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="late"]')!;
    expect(late.value).to.equal('50');
    late.value = '40';
    late.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(cell(el, 'gmv', 'next')).to.equal('$466');
  });

  it('conversion is editable per tier: gold converts 2 of 2 sessions', async () => {
    el.scope = 'tier:gold';
    await waitFor(
      () => el.shadowRoot!.querySelector<HTMLInputElement>('input[name="conversion"]')?.value === '100',
      'gold conversion 100%',
    );
    // Gold (Electronics) 100% → 50%: demand × 0.5 on GMV 300: 460 − 150 = 310.
    const conv = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="conversion"]')!;
    conv.value = '50';
    conv.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(cell(el, 'gmv', 'next')).to.equal('$310');
    expect(cell(el, 'gmv', 'change')).to.equal('-32.6%');
    // Tiers read as the filters and the charts name them.
    const tierOptions = [...el.shadowRoot!.querySelectorAll('optgroup[label="Seller tier"] option')];
    expect(tierOptions.map((o) => o.textContent!.trim())).to.include.members(['Gold', 'Silver']);
    expect(text(el, '.factors')).to.match(/^The Gold tier: price/);
  });

  it('keeps the inputs of fields side by side level when a label wraps (the late-shipment rate at 1280 px)', async () => {
    data.style.width = '1200px';
    try {
      await el.updateComplete;
      const fields = [...el.shadowRoot!.querySelectorAll('.levers .field:not(.wide)')];
      const top = (e: Element) => Math.round(e.getBoundingClientRect().top);
      const labelHeights = fields.map((f) => f.querySelector('span')!.getBoundingClientRect().height);
      expect(Math.max(...labelHeights), 'a label on two lines').to.be.greaterThan(1.5 * Math.min(...labelHeights));
      expect(new Set(fields.map((f) => top(f))).size, 'the four fields on one row').to.equal(1);
      const inputTops = [...new Set(fields.map((f) => top(f.querySelector('input')!)))];
      expect(inputTops, 'the four inputs level').to.have.length(1);
    } finally {
      data.style.width = '';
    }
  });

  it('applies a number as it is typed, while the field keeps the focus', async () => {
    // Everything 10% dearer at the default elasticity −1.5: GMV 460 × 1.1 × 1.1^−1.5 = 460 × 1.1^−0.5 = 438.59.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.reset')!.click();
    el.scope = 'all';
    await el.updateComplete;
    let fired = 0;
    el.addEventListener('mkt-scenario-change', () => fired++);
    const price = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="price"]')!;
    price.focus();
    price.select();
    await sendKeys({ type: '10' });
    await waitFor(() => cell(el, 'gmv', 'next') === '$439', 'the typed price change to apply');
    expect(el.shadowRoot!.activeElement, 'the field still has the focus').to.equal(price);
    expect(el.priceChange).to.equal(10);
    expect(fired, 'an mkt-scenario-change for the typed number').to.be.greaterThan(0);
    const before = fired;
    price.blur();
    await new Promise((r) => setTimeout(r, 400));
    expect(fired, 'no second mkt-scenario-change on blur').to.equal(before);
  });

  it('leaves a partly typed number as it is until it is a valid one', async () => {
    const price = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="price"]')!;
    price.focus();
    price.select();
    await sendKeys({ type: '-' });
    await new Promise((r) => setTimeout(r, 600));
    expect(el.priceChange, 'a lone minus sign is not a number yet').to.equal(10);
    await sendKeys({ type: '5' });
    await waitFor(() => el.priceChange === -5, 'the typed −5 to apply');
    expect(price.value).to.equal('-5');
    price.blur();
  });
});
