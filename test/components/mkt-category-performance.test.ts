import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import '../../src/components/category-performance/mkt-category-performance.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import type { MktCategoryPerformance } from '../../src/components/category-performance/mkt-category-performance.js';
import type { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const bars = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('g.bar-row')].map((g) => [
    g.getAttribute('data-key'),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);
const bar = (el: Element, name: string) => el.shadowRoot!.querySelector(`g.bar-row[data-key="${name}"]`) as SVGGElement;

describe('<mkt-category-performance>', () => {
  let data: MktData;
  let cats: MktCategoryPerformance;
  let kpis: MktKpis;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}>
        <mkt-kpis></mkt-kpis><mkt-category-performance heading="Categories"></mkt-category-performance>
      </mkt-data>`,
    );
    cats = data.querySelector('mkt-category-performance')!;
    kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(cats);
    await settled(kpis);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-category-performance')).to.exist;
    await expect(cats).shadowDom.to.be.accessible();
  });

  it('sorts categories by GMV, largest first', () => {
    // Electronics t1 t5 t7 = 300, Toys t8 = 100, Books t2 t3 = 60.
    expect(bars(cats)).to.deep.equal([
      ['Electronics', '$300'],
      ['Toys', '$100'],
      ['Books', '$60'],
    ]);
  });

  it('re-sorts when the metric property changes: orders, then conversion', async () => {
    cats.metric = 'orders';
    await cats.updateComplete;
    expect(cats.getAttribute('metric')).to.equal('orders');
    // Completed lines: Electronics 3, Books 2, Toys 1.
    expect(bars(cats)).to.deep.equal([
      ['Electronics', '3'],
      ['Books', '2'],
      ['Toys', '1'],
    ]);
    cats.metric = 'conversion';
    // Sessions are read only for the conversion rate: switching to it runs a query.
    await cats.updateComplete;
    await settled(cats);
    // Sessions by first product: Electronics S1, S4 both purchase = 100 %; Books S2, S5 and Toys S3 none (ties by name).
    expect(bars(cats)).to.deep.equal([
      ['Electronics', '100.0%'],
      ['Books', '0.0%'],
      ['Toys', '0.0%'],
    ]);
    cats.metric = 'gmv';
    await cats.updateComplete;
    await settled(cats);
  });

  it('filters the whole dashboard to a clicked category, and clears it on a second click', async () => {
    const events: MktFilterChangeEvent[] = [];
    const listen = (e: MktFilterChangeEvent) => events.push(e);
    document.addEventListener('mkt-filter-change', listen);
    expect(text(kpis, '[data-kpi="gmv"] .value')).to.equal('$460');
    bar(cats, 'Electronics').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.filters.categories.length === 1, 'the category filter');
    expect(data.filters.categories).to.deep.equal(['Electronics']);
    expect(events[0].detail).to.deep.equal({ categories: ['Electronics'] });
    // Electronics only: 300 in the KPI widget; the bars keep every category and mark Electronics pressed.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$300', 'the KPIs to follow the filter');
    await settled(cats);
    expect(bars(cats).map((b) => b[0])).to.deep.equal(['Electronics', 'Toys', 'Books']);
    expect(bar(cats, 'Electronics').getAttribute('aria-pressed')).to.equal('true');
    expect(bar(cats, 'Toys').classList.contains('dim')).to.equal(true);
    bar(cats, 'Electronics').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.filters.categories.length === 0, 'the category filter to clear');
    expect(events[1].detail).to.deep.equal({ categories: [] });
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$460', 'the KPIs to show everything again');
    document.removeEventListener('mkt-filter-change', listen);
  });

  it('filters with Enter and Space on a focused bar', async () => {
    await settled(cats);
    bar(cats, 'Toys').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => data.filters.categories[0] === 'Toys', 'Enter to filter');
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$100', 'Toys GMV in the KPIs');
    await settled(cats);
    bar(cats, 'Toys').focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => data.filters.categories.length === 0, 'Space to clear');
  });

  it('works with a dashboard property assigned directly', async () => {
    const lone = await mount<MktCategoryPerformance>(
      html`<mkt-category-performance metric="orders"></mkt-category-performance>`,
    );
    lone.dashboard = data.state;
    await settled(lone);
    expect(bars(lone)[0]).to.deep.equal(['Electronics', '3']);
    lone.remove();
  });
});

describe('<mkt-category-performance> without page events', () => {
  it('disables conversion and falls back to GMV', async () => {
    const data = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset({ without: ['page_events'] })}>
        <mkt-category-performance metric="conversion"></mkt-category-performance
      ></mkt-data>`,
    );
    const cats = data.querySelector('mkt-category-performance')!;
    await whenReady(data);
    await settled(cats);
    expect(bars(cats)[0]).to.deep.equal(['Electronics', '$300']);
    const conversion = [...cats.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Conversion',
    )!;
    expect(conversion.disabled).to.equal(true);
    data.remove();
  });
});

describe('<mkt-category-performance> with no orders', () => {
  it('shows its empty state for GMV even though sessions exist', async () => {
    const data = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset({ rows: { transactions: [] } })}>
        <mkt-category-performance></mkt-category-performance
      ></mkt-data>`,
    );
    const cats = data.querySelector('mkt-category-performance')!;
    await whenReady(data);
    await settled(cats);
    expect(cats.shadowRoot!.querySelector('.message.empty')).to.exist;
    // Conversion is about sessions, which are still there: three categories.
    cats.metric = 'conversion';
    // Sessions are read only for the conversion rate: switching to it runs a query.
    await cats.updateComplete;
    await settled(cats);
    expect(bars(cats).length).to.equal(3);
    data.remove();
  });
});
