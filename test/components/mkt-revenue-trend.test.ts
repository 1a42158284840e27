import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/revenue-trend/mkt-revenue-trend.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktRevenueTrend } from '../../src/components/revenue-trend/mkt-revenue-trend.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import type { MktOptionChangeEvent } from '../../src/events/option-change.js';

const cells = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table.data tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
  );
const press = (el: Element, selector: string) => (el.shadowRoot!.querySelector(selector) as HTMLElement).click();
const buttonByText = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label) as HTMLButtonElement;

describe('<mkt-revenue-trend>', () => {
  let data: MktData;
  let trend: MktRevenueTrend;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}><mkt-revenue-trend heading="GMV"></mkt-revenue-trend></mkt-data>`,
    );
    trend = data.querySelector('mkt-revenue-trend')!;
    await whenReady(data);
    await settled(trend);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-revenue-trend')).to.exist;
    await expect(trend).shadowDom.to.be.accessible();
  });

  it('draws a GMV line and shows monthly GMV in the table view, partial months named', async () => {
    expect(trend.shadowRoot!.querySelector('path.line:not(.prior)')!.getAttribute('d')).to.match(/^M/);
    buttonByText(trend, 'Table').click();
    await trend.updateComplete;
    // Completed GMV: January t1 + t2 = 140 (data from 10 Jan), February t3 + t5 = 120, March t7 + t8 = 200 (to 10 Mar).
    expect(cells(trend)).to.deep.equal([
      ['Jan 2025 (only Jan 10 – Jan 31)', '$140', '2'],
      ['Feb 2025', '$120', '2'],
      ['Mar 2025 (only Mar 1 – Mar 10)', '$200', '2'],
    ]);
    buttonByText(trend, 'Table').click();
    await trend.updateComplete;
  });

  it('marks the partial first and last months as incomplete: dashed into them, named in the legend', () => {
    // The data runs 10 Jan – 10 Mar: January and March are partial, February is whole.
    const dashed = trend.shadowRoot!.querySelectorAll('path.line.incomplete:not(.prior)');
    expect(dashed).to.have.length(1);
    expect(dashed[0].getAttribute('d')!.match(/M/g)).to.have.length(2);
    expect(trend.shadowRoot!.querySelectorAll('circle.partial-point')).to.have.length(2);
    expect(text(trend, '.legend .partial')).to.equal('Partial month: Jan 10 – Jan 31, Mar 1 – Mar 10');
  });

  it('draws the legend of a dashed line with gaps, as the line is drawn, not as a solid bar', () => {
    const swatch = trend.shadowRoot!.querySelector('.legend .partial .swatch') as HTMLElement;
    const style = getComputedStyle(swatch);
    // A 12 px square's 2 px dashed border showed one dash; the swatch is now 20 px of 4 px dashes and 3 px gaps.
    expect(swatch.getBoundingClientRect().width).to.be.at.least(14);
    expect(style.backgroundImage).to.match(/^repeating-linear-gradient\(to right, /);
    expect(style.backgroundImage).to.contain('rgba(0, 0, 0, 0) 4px');
    expect(style.borderTopStyle).to.equal('none');
  });

  it('reads each point with the keyboard', async () => {
    const plot = trend.shadowRoot!.querySelector('.plot') as SVGElement;
    plot.focus();
    await trend.updateComplete;
    expect(text(trend, '.tooltip')).to.contain('GMV $200');
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await trend.updateComplete;
    // The tiny marketplace's lines carry no order ids: each line is an order, and the tooltip says so.
    expect(text(trend, '.tooltip')).to.equal('Feb 2025 GMV $120 2 order lines');
    expect(text(trend, '[aria-live]')).to.equal('Feb 2025, GMV $120, 2 order lines');
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await trend.updateComplete;
    expect(trend.shadowRoot!.querySelector('.tooltip')).to.equal(null);
  });

  it('re-queries by week when the granularity property changes, and fires mkt-option-change from its toggle', async () => {
    const changes: unknown[] = [];
    const listen = (e: MktOptionChangeEvent) => changes.push(e.detail);
    document.addEventListener('mkt-option-change', listen);
    buttonByText(trend, 'Week').click();
    await waitFor(() => trend.getAttribute('granularity') === 'week', 'the attribute to reflect');
    await settled(trend);
    document.removeEventListener('mkt-option-change', listen);
    expect(changes).to.deep.equal([{ option: 'granularity', value: 'week' }]);
    expect(buttonByText(trend, 'Week').getAttribute('aria-pressed')).to.equal('true');
    buttonByText(trend, 'Table').click();
    await trend.updateComplete;
    // Mondays from 6 January (holding 10 Jan) to 10 March: 10 weeks.
    expect(cells(trend)).to.have.length(10);
    expect(cells(trend)[0]).to.deep.equal(['Week of Jan 6, 2025 (only Jan 10 – Jan 12)', '$100', '1']);
    buttonByText(trend, 'Table').click();
    trend.granularity = 'month';
    await settled(trend);
  });

  it('overlays the prior period and compares each week with the one 28 days earlier', async () => {
    data.setFilters({ dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    trend.granularity = 'week';
    trend.compare = true;
    await waitFor(() => trend.shadowRoot!.querySelector('path.line.prior'), 'the prior line');
    await settled(trend);
    buttonByText(trend, 'Table').click();
    await trend.updateComplete;
    // Prior 4–31 Jan moved on 28 days: t1 (100) lands in the week of 3 Feb, t2 (40) in that of 10 Feb; 1–2 Feb's
    // prior days (4–5 Jan) are before the data: no value.
    expect(cells(trend).map((r) => [r[1], r[3]])).to.deep.equal([
      ['$0', '–'],
      ['$20', '$100'],
      ['$0', '$40'],
      ['$100', '$0'],
      ['$0', '$0'],
    ]);
    expect(text(trend, '.note')).to.contain('prior period starts before the data');
    buttonByText(trend, 'Table').click();
    data.setFilters({ dateFrom: null, dateTo: null });
    trend.compare = false;
    trend.granularity = 'month';
    await settled(trend);
  });

  it('works with a dashboard property assigned directly', async () => {
    const lone = await mount<MktRevenueTrend>(html`<mkt-revenue-trend></mkt-revenue-trend>`);
    lone.dashboard = data.state;
    await settled(lone);
    press(lone, 'button.toggle');
    await lone.updateComplete;
    expect(cells(lone).map((r) => r[1])).to.deep.equal(['$140', '$120', '$200']);
    lone.remove();
  });
});
