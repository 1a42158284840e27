import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/seller-churn/mkt-seller-churn.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktSellerChurn } from '../../src/components/seller-churn/mkt-seller-churn.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const rowsOf = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('g.bar-row[data-key]')].map((g) => [
    g.getAttribute('data-key'),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);

describe('<mkt-seller-churn>', () => {
  let data: MktData;
  let churn: MktSellerChurn;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}><mkt-seller-churn heading="Seller churn"></mkt-seller-churn></mkt-data>`,
    );
    churn = data.querySelector('mkt-seller-churn')!;
    await whenReady(data);
    await settled(churn);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-seller-churn')).to.exist;
    await expect(churn).shadowDom.to.be.accessible();
  });

  it('says the 60-day window of the data is too short for 60-day churn', () => {
    // 10 Jan – 10 Mar is 60 days: nothing is left before the last 60.
    expect(text(churn, '.message.empty')).to.contain('60 days or shorter');
  });

  it('shows churn by tier when the days property shortens N', async () => {
    churn.days = 30;
    await waitFor(() => churn.getAttribute('days') === '30', 'reflection');
    await settled(churn);
    // Active 10 Jan – 8 Feb: s1 (gold), s2 (silver); in the last 30 days only s1 sells.
    expect(rowsOf(churn)).to.deep.equal([
      ['gold', '0.0% · 0 of 1'],
      ['silver', '100.0% · 1 of 1'],
    ]);
    expect(text(churn, '.definition')).to.contain('Feb 9, 2025');
    await expect(churn).shadowDom.to.be.accessible();
  });

  it('fires mkt-error when its query fails', async () => {
    const broken = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset()}><mkt-seller-churn days="5"></mkt-seller-churn></mkt-data>`,
    );
    const el = broken.querySelector('mkt-seller-churn')!;
    await whenReady(broken);
    await settled(el);
    const errors: MktErrorEvent[] = [];
    el.addEventListener('mkt-error', (e) => errors.push(e));
    await broken.state.engine!.exec('DROP TABLE mkt_orders');
    broken.setFilters({ regions: ['Texas'] });
    await waitFor(() => errors.length > 0, 'an mkt-error');
    expect(errors[0].detail.source).to.equal('mkt-seller-churn');
    broken.remove();
  });

  it('works with a dashboard property assigned directly', async () => {
    const lone = await mount<MktSellerChurn>(html`<mkt-seller-churn days="5"></mkt-seller-churn>`);
    lone.dashboard = data.state;
    await settled(lone);
    // Last 5 days 6–10 March: s1's last sale was 5 March.
    expect(rowsOf(lone)).to.deep.equal([
      ['gold', '100.0% · 1 of 1'],
      ['silver', '100.0% · 1 of 1'],
    ]);
    lone.remove();
  });
});
