import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/clv/mkt-clv.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktClv } from '../../src/components/clv/mkt-clv.js';
import { MktErrorEvent } from '../../src/events/error.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

describe('<mkt-clv>', () => {
  let data: MktData;
  let clv: MktClv;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${manyCustomersDataset()}><mkt-clv heading="Lifetime value"></mkt-clv></mkt-data>`,
    );
    clv = data.querySelector('mkt-clv')!;
    await whenReady(data);
    await settled(clv);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-clv')).to.exist;
    await expect(clv).shadowDom.to.be.accessible();
  });

  it('fits the models on the filtered customers and shows the parameters, tiles and a box per segment', () => {
    expect(text(clv, 'h2')).to.equal('Lifetime value');
    expect(text(clv, '[data-params]')).to.match(/BG\/NBD: r = [\d.]+, α = [\d.]+ weeks, a = [\d.]+, b = [\d.]+/);
    const customers = Number(text(clv, '[data-tile="customers"] .value'));
    expect(customers).to.be.within(35, 41);
    const boxes = clv.shadowRoot!.querySelectorAll('g.box').length;
    expect(boxes).to.equal(clv.shadowRoot!.querySelectorAll('tbody tr').length);
    expect(boxes).to.be.above(1);
    const counts = [...clv.shadowRoot!.querySelectorAll('tbody tr td:nth-child(2)')].map((td) =>
      Number(td.textContent),
    );
    expect(counts.reduce((s, v) => s + v, 0)).to.equal(customers);
  });

  it('horizon-weeks and discount-rate reach the DOM, and a longer horizon gives a larger CLV', async () => {
    const before = text(clv, '[data-tile="total"] .value');
    clv.setAttribute('horizon-weeks', '104');
    await waitFor(() => text(clv, '[data-tile="total"] .label') === 'CLV, 104 weeks', 'the new horizon');
    await settled(clv);
    const money = (s: string) => Number(s.replace(/[^\d.]/g, '')) * (s.includes('K') ? 1000 : 1);
    expect(money(text(clv, '[data-tile="total"] .value'))).to.be.above(money(before));
    clv.discountRate = 0.05;
    // settled() alone could return before the property change has started the new run.
    await waitFor(() => text(clv, '[data-params]').includes('discount 5.0% a month'), 'the new discount rate');
    await settled(clv);
    expect(text(clv, '[data-params]')).to.contain('discount 5.0% a month');
  });

  it('counts the customers of a date window by hand on the tiny marketplace', async () => {
    const tiny: MktData = await mount(html`<mkt-data .source=${tinyDataset()}><mkt-clv></mkt-clv></mkt-data>`);
    const el = tiny.querySelector('mkt-clv')!;
    await whenReady(tiny);
    await settled(el);
    // Completed orders by 10 Mar: c1, c2, c3, c4. A model on 4 customers is shown with a warning, or explained.
    const shown = text(el, '[data-tile="customers"] .value') || text(el, '.message');
    expect(shown).to.match(/^4$|4 customers/);
    tiny.remove();
  });
});

describe('<mkt-clv> with a dashboard assigned directly', () => {
  it('renders and reports no error', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    const errors: MktErrorEvent[] = [];
    const el: MktClv = await mount(
      html`<mkt-clv
        horizon-weeks="26"
        .dashboard=${data.state}
        @mkt-error=${(e: MktErrorEvent) => errors.push(e)}
      ></mkt-clv>`,
    );
    await settled(el);
    expect(text(el, '[data-tile="total"] .label')).to.equal('CLV, 26 weeks');
    expect(errors).to.deep.equal([]);
    el.remove();
    data.remove();
  });
});
