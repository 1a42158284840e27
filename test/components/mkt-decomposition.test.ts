import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/decomposition/mkt-decomposition.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { DecompositionResult, MktDecomposition } from '../../src/components/decomposition/mkt-decomposition.js';
import type { MktOptionChangeEvent } from '../../src/events/option-change.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import {
  expectBadAttributeReported,
  expectCalmWithoutOrders,
  expectQueryFailureShown,
} from '../support/widget-failures.js';

const result = (el: MktDecomposition) => (el as unknown as { task: { value?: DecompositionResult } }).task.value!;
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

// The analytics shop (test/fixtures/analytics-shop.ts) sells from 10 February to 25 March 2025: 19 + 25 = 44 days.
// Completed GMV per day: 10 Feb 120 (o1), 15 Feb 20 (o2), 2 Mar 120 (o4), 5 Mar 110 (o5), 7 Mar 40 (o6, L10
// returned), 12 Mar 130 (o8), 20 Mar 100 (o9), 25 Mar 10 (o10); o3 was returned and o7 cancelled: 650 in all.
describe('<mkt-decomposition>', () => {
  let data: MktData;
  let el: MktDecomposition;
  const options: string[] = [];
  before(async () => {
    data = await mount(html`<mkt-data .source=${analyticsShop()}><mkt-decomposition></mkt-decomposition></mkt-data>`);
    el = data.querySelector('mkt-decomposition')!;
    el.addEventListener('mkt-option-change', (e: MktOptionChangeEvent) =>
      options.push(`${e.detail.option}=${e.detail.value}`),
    );
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is titled and accessible', async () => {
    expect(text(el, 'h2')).to.equal('Trend and seasonality');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('decomposes every day of the window, parts adding up to the data', () => {
    const r = result(el);
    expect(r.days).to.have.length(44);
    expect([r.days[0], r.days[43]]).to.deep.equal(['2025-02-10', '2025-03-25']);
    expect(sum(r.data)).to.equal(650);
    const byDay = Object.fromEntries(r.days.map((d, i) => [d, r.data[i]]));
    expect([byDay['2025-02-10'], byDay['2025-03-07'], byDay['2025-03-08'], byDay['2025-02-20']]).to.deep.equal([
      120, 40, 0, 0,
    ]);
    const parts = r.decomposition!.parts;
    r.data.forEach((v, t) => expect(sum(parts.map((p) => p.values[t]))).to.be.closeTo(v, 1e-9));
    expect(sum(parts.map((p) => p.share))).to.be.closeTo(1, 1e-12);
  });

  it('draws one panel per part with its share, says it in a sentence, and why there is no yearly part', () => {
    const panels = [...el.shadowRoot!.querySelectorAll<HTMLElement>('figure.panel')];
    expect(panels.map((p) => p.dataset.part)).to.deep.equal(['trend', 'weekly', 'remainder']);
    const shares = result(el).decomposition!.parts.map((p) => `${Math.round(p.share * 100)}% of the variation`);
    expect(panels.map((p) => p.querySelector('.share')!.textContent)).to.deep.equal(shares);
    expect(text(el, '.summary')).to.match(/^Of the variation in daily GMV over these 44 days, the trend/);
    expect(text(el, '[data-note="no-yearly"]')).to.equal(
      '44 days: a yearly pattern needs two full years (730 days), so only the weekly one is taken out; a yearly swing stays in the trend.',
    );
    // Every panel spans the same days: the same x for the first and last point.
    const ends = panels.map((p) => {
      const d = p.querySelector('path.line:not(.data)')!.getAttribute('d')!;
      return [d.match(/^M([\d.]+)/)![1], d.match(/L([\d.]+),[-\d.]+$/)![1]];
    });
    expect(new Set(ends.map((e) => e.join()))).to.have.property('size', 1);
  });

  it('reads a day with the arrow keys: the data and each part', async () => {
    const plot = el.shadowRoot!.querySelector<SVGRectElement>('.plot')!;
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' }));
    await el.updateComplete;
    const live = text(el, '[aria-live]');
    expect(live).to.contain('Feb 10, 2025');
    expect(live).to.contain('GMV $120');
    expect(live).to.contain('Trend');
    plot.blur();
  });

  it('switches to completed orders per day', async () => {
    el.shadowRoot!.querySelector<HTMLButtonElement>('.segmented[aria-label="Metric"] button:nth-child(2)')!.click();
    // Orders with a completed line: o1 o2 o4 o5 o6 o8 o9 o10 = 8.
    await waitFor(() => result(el)?.metric === 'orders', 'the orders');
    expect(sum(result(el).data)).to.equal(8);
    expect(text(el, '.summary')).to.match(/^Of the variation in daily orders/);
    expect(options).to.deep.equal(['metric=orders']);
    el.metric = 'gmv';
    await settled(el);
  });

  it('says it needs 14 days when the date range is shorter, and nothing when nothing sold', async () => {
    data.setFilters({ dateFrom: '2025-03-01', dateTo: '2025-03-10' });
    await waitFor(() => text(el, '[part="message"]'), 'the message');
    expect(text(el, '[part="message"]')).to.equal(
      'Taking the weekly pattern apart needs at least 14 days: widen the date range.',
    );
    data.setFilters({ dateFrom: '2025-02-10', dateTo: '2025-03-25', categories: ['Nothing sold'] });
    await waitFor(() => text(el, '[part="message"]') === 'No sales match the current filters.', 'the empty message');
    data.setFilters({ categories: [] });
    await settled(el);
  });

  it('falls back to GMV for an unknown metric and says so with mkt-error', async () => {
    await expectBadAttributeReported(el, 'metric', 'profit');
    el.removeAttribute('metric');
    el.metric = 'gmv';
    await settled(el);
  });

  it('says it is empty, with no error, when the data has no orders at all (no dates)', () =>
    expectCalmWithoutOrders(
      html`<mkt-data .source=${analyticsShop({ rows: { transactions: [], orders: [], payments: [] } })}
        ><mkt-decomposition></mkt-decomposition
      ></mkt-data>`,
      'mkt-decomposition',
    ));

  it('shows a failed query in place and sends mkt-error', () => expectQueryFailureShown(data, el, 'mkt_orders'));
});
