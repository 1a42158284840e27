import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/__NAME__/__TAG__.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { Mkt__PASCAL__ } from '../../src/components/__NAME__/__TAG__.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, waitFor, whenReady } from '../support/dom.js';

const drawn = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('g.bar-row')].map((g) => [
    g.getAttribute('data-key'),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);

describe('<__TAG__>', () => {
  let data: MktData;
  let el: Mkt__PASCAL__;
  before(async () => {
    data = await mount(html`<mkt-data .source=${tinyDataset()}><__TAG__></__TAG__></mkt-data>`);
    el = data.querySelector('__TAG__')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('__TAG__')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('draws GMV of completed orders by category, largest first', () => {
    // Electronics t1 + t5 + t7 = 300; Toys t8 = 100 (t4 returned, t6 cancelled); Books t2 + t3 = 60.
    expect(drawn(el)).to.deep.equal([
      ['Electronics', '$300'],
      ['Toys', '$100'],
      ['Books', '$60'],
    ]);
  });

  it('follows the dashboard filters', async () => {
    data.setFilters({ categories: ['Books'] });
    await waitFor(() => drawn(el).length === 1, 'the Books filter to apply');
    expect(drawn(el)).to.deep.equal([['Books', '$60']]);
    data.setFilters({ categories: [] });
    await waitFor(() => drawn(el).length === 3, 'all categories again');
  });
});
