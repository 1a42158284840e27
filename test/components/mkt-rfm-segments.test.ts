import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import '../../src/components/rfm-segments/mkt-rfm-segments.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktKpis } from '../../src/components/kpis/mkt-kpis.js';
import type { MktRfmSegments } from '../../src/components/rfm-segments/mkt-rfm-segments.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { drawnFill, wcagRatio } from '../support/wcag.js';

describe('<mkt-rfm-segments>', () => {
  let data: MktData;
  let segments: MktRfmSegments;
  let kpis: MktKpis;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}>
        <mkt-kpis></mkt-kpis><mkt-rfm-segments heading="Segments"></mkt-rfm-segments>
      </mkt-data>`,
    );
    segments = data.querySelector('mkt-rfm-segments')!;
    kpis = data.querySelector('mkt-kpis')!;
    await whenReady(data);
    await settled(segments);
    await settled(kpis);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-rfm-segments')).to.exist;
    await expect(segments).shadowDom.to.be.accessible();
  });

  it('shows the rules segments of the tiny marketplace in the table and the treemap', () => {
    // See test/metrics/rfm.test.ts: c1 At Risk, c2 Champions, c3 About To Sleep, c4 Potential Loyalist.
    const names = [...segments.shadowRoot!.querySelectorAll('tbody tr')]
      .map((tr) => tr.getAttribute('data-segment'))
      .sort();
    expect(names).to.deep.equal(['About To Sleep', 'At Risk', 'Champions', 'Potential Loyalist']);
    expect(segments.shadowRoot!.querySelectorAll('g.tile').length).to.equal(4);
    // Champions = c2: revenue 140 of 460 = 30.4 %, 2 purchase days, last purchase 5 days before 10 Mar.
    const row = segments.shadowRoot!.querySelector('tr[data-segment="Champions"]')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());
    expect(cells.slice(1, 3)).to.deep.equal(['1', '30.4%']);
    expect(cells[4]).to.equal('2.0');
    expect(cells[5]).to.equal('5 d');
  });

  it("labels each tile in a colour that reaches WCAG's 4.5:1 on it", () => {
    const root = segments.shadowRoot!;
    const labels = [...root.querySelectorAll('.tile-label')];
    expect(labels.length).to.be.greaterThan(0);
    for (const label of labels) {
      const tile = root.querySelector(`g.tile[transform="${label.getAttribute('transform')}"] rect`)!;
      const fill = tile.getAttribute('fill')!;
      for (const text of label.querySelectorAll('text'))
        expect(wcagRatio(fill, drawnFill(text)), `${text.textContent} on ${fill}`).to.be.at.least(4.5);
    }
  });

  it('a click on a segment filters the dashboard, and the KPIs show those customers; a second click clears', async () => {
    const events: MktFilterChangeEvent[] = [];
    data.addEventListener(MktFilterChangeEvent.eventName, (e) => events.push(e as MktFilterChangeEvent));
    const tile = segments.shadowRoot!.querySelector<SVGGElement>('g.tile[data-key="Champions"]')!;
    tile.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.filters.segment === 'Champions', 'the segment filter');
    expect(events[0].detail).to.deep.equal({ segment: 'Champions' });
    // Champions = c2 only: orders t2 (40) and t7 (100) → GMV $140, 1 customer, AOV $70.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$140', 'KPIs of the segment');
    await settled(kpis);
    expect(text(kpis, '[data-kpi="customers"] .value')).to.equal('1');
    expect(text(kpis, '[data-kpi="aov"] .value')).to.equal('$70');
    // The widget ignores the segment filter for itself: all four segments are still there, one marked active.
    await settled(segments);
    expect(segments.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(4);
    expect(segments.shadowRoot!.querySelector('tr.active')!.getAttribute('data-segment')).to.equal('Champions');
    // The other tiles fade, and their labels with them.
    const labels = segments.shadowRoot!.querySelectorAll('.tile-label');
    expect(segments.shadowRoot!.querySelectorAll('.tile-label.dim')).to.have.length(labels.length - 1);
    expect(getComputedStyle(segments.shadowRoot!.querySelector('.tile-label.dim')!).opacity).to.equal('0.35');
    segments
      .shadowRoot!.querySelector<SVGGElement>('g.tile[data-key="Champions"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => data.filters.segment === null, 'the segment filter to clear');
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$460', 'all-customer KPIs');
  });

  it('a keyboard press on a table row button filters too', async () => {
    const button = segments.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-segment="At Risk"] button')!;
    button.click();
    await waitFor(() => data.filters.segment === 'At Risk', 'the At Risk filter');
    // At Risk = c1: t1 (100) + t3 (20) = $120.
    await waitFor(() => text(kpis, '[data-kpi="gmv"] .value') === '$120', 'KPIs of At Risk');
    data.setFilters({ segment: null });
  });

  it('reflects method and switches to K-means with the toggle', async () => {
    segments.method = 'kmeans';
    await segments.updateComplete;
    expect(segments.getAttribute('method')).to.equal('kmeans');
    await settled(segments);
    expect(text(segments, '.note')).to.contain('K-means');
    const sizes = [...segments.shadowRoot!.querySelectorAll('tbody tr td:nth-child(2)')].map((td) =>
      Number(td.textContent),
    );
    expect(sizes.reduce((s, v) => s + v, 0)).to.equal(4);
    segments.shadowRoot!.querySelector<HTMLButtonElement>('.segmented button')!.click();
    await segments.updateComplete;
    expect(segments.method).to.equal('rules');
  });
});

describe('<mkt-rfm-segments> with a dashboard assigned directly', () => {
  it('renders from the dashboard property of another <mkt-data>', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    const el: MktRfmSegments = await mount(
      html`<mkt-rfm-segments method="kmeans" k="3" .dashboard=${data.state}></mkt-rfm-segments>`,
    );
    await settled(el);
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(3);
    await expect(el).shadowDom.to.be.accessible();
    el.remove();
    data.remove();
  });
});
