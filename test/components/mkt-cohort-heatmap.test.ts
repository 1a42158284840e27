import { expect, html, oneEvent } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktCohortHeatmap } from '../../src/components/cohort-heatmap/mkt-cohort-heatmap.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { drawnFill, wcagRatio } from '../support/wcag.js';

const cells = (el: Element, cohort: string) =>
  [...el.shadowRoot!.querySelectorAll(`.cell[data-key="${cohort}"]`)].map((c) => c.getAttribute('data-value'));

describe('<mkt-cohort-heatmap>', () => {
  let data: MktData;
  let heatmap: MktCohortHeatmap;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}
        ><mkt-cohort-heatmap heading="Cohorts" periods="3"></mkt-cohort-heatmap
      ></mkt-data>`,
    );
    heatmap = data.querySelector('mkt-cohort-heatmap')!;
    await whenReady(data);
    await settled(heatmap);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-cohort-heatmap')).to.exist;
    await expect(heatmap).shadowDom.to.be.accessible();
  });

  it('draws customer retention per cohort month, blank where not yet observed', () => {
    // January {c1, c2}: c1 buys again in February, c2 in March. February {c3}: no return. March {c4}.
    expect(cells(heatmap, '2025-01')).to.deep.equal(['1', '0.5', '0.5']);
    expect(cells(heatmap, '2025-02')).to.deep.equal(['1', '0', null]);
    expect(cells(heatmap, '2025-03')).to.deep.equal(['1', null, null]);
    // Weighted average, month 1: (1 + 0) / (2 + 1).
    expect(Number(cells(heatmap, 'avg')[1])).to.be.closeTo(1 / 3, 1e-12);
    expect(text(heatmap, 'h2')).to.equal('Cohorts');
  });

  for (const theme of ['light', 'dark'] as const)
    it(`writes each cell's figure in a colour that reaches WCAG's 4.5:1 on the cell, in the ${theme} theme`, async () => {
      data.theme = theme;
      await heatmap.updateComplete;
      let checked = 0;
      for (const row of heatmap.shadowRoot!.querySelectorAll('g.row')) {
        const rects = [...row.querySelectorAll('rect.cell')];
        const labels = [...row.querySelectorAll('text.cell-label')];
        expect(labels).to.have.length(rects.length);
        rects.forEach((rect, k) => {
          if (rect.classList.contains('blank')) return;
          const fill = rect.getAttribute('fill')!;
          expect(wcagRatio(fill, drawnFill(labels[k])), `${labels[k].textContent} on ${fill}`).to.be.at.least(4.5);
          checked++;
        });
      }
      // 3 + 2 + 1 observed cells and the average's 3.
      expect(checked).to.equal(9);
      data.theme = undefined;
    });

  it('shows seller cohorts and revenue retention when the properties change', async () => {
    heatmap.entity = 'sellers';
    heatmap.measure = 'revenue';
    await waitFor(
      () =>
        cells(heatmap, '2025-01')[1] !== null &&
        cells(heatmap, 'avg').length &&
        heatmap.shadowRoot!.querySelector('.cell[data-key="2025-03"]') &&
        !heatmap.shadowRoot!.querySelector('.cell[data-key="2025-02"]'),
      'seller cohorts',
    );
    // Sellers s1, s2 first sell in January (100 + 40); February they sell 20 + 100 = 120, March 100.
    expect(cells(heatmap, '2025-01').map(Number)).to.deep.equal([1, 120 / 140, 100 / 140]);
    expect(heatmap.getAttribute('entity')).to.equal('sellers');
    heatmap.measure = 'churn';
    await heatmap.updateComplete;
    // s2 last sells in month 1: churned by month 2 is 1 of 2.
    expect(cells(heatmap, '2025-01')).to.deep.equal(['0', '0', '0.5']);
    heatmap.entity = 'customers';
    heatmap.measure = 'retention';
    await waitFor(() => heatmap.shadowRoot!.querySelector('.cell[data-key="2025-02"]'), 'customer cohorts again');
    await settled(heatmap);
  });

  it('draws `periods` columns', async () => {
    heatmap.periods = 2;
    await waitFor(() => cells(heatmap, '2025-01').length === 2, 'two columns');
    heatmap.periods = 3;
    await waitFor(() => cells(heatmap, '2025-01').length === 3, 'three columns');
  });

  it('filters the dashboard to a clicked cohort and clears it on a second click', async () => {
    const cell = () => heatmap.shadowRoot!.querySelector<SVGRectElement>('.cell[data-key="2025-02"][data-column="0"]')!;
    setTimeout(() => cell().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    const event = await oneEvent(heatmap, MktFilterChangeEvent.eventName);
    expect((event as MktFilterChangeEvent).detail).to.deep.equal({ cohort: '2025-02' });
    await waitFor(() => data.filters.cohort === '2025-02', 'the cohort filter');
    await waitFor(() => heatmap.shadowRoot!.querySelector('.row.selected'), 'the selected row');
    // The heatmap ignores the cohort filter: every cohort is still drawn.
    expect(cells(heatmap, '2025-01')).to.deep.equal(['1', '0.5', '0.5']);
    cell().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitFor(() => data.filters.cohort === null, 'the cohort filter to clear');
  });

  it('shows a tooltip for the focused cell and moves focus with the arrow keys', async () => {
    const first = heatmap.shadowRoot!.querySelector<SVGRectElement>('.cell[tabindex="0"]')!;
    first.focus();
    await heatmap.updateComplete;
    expect(text(heatmap, '.tooltip')).to.contain('Jan 2025 cohort, month 0');
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitFor(() => heatmap.shadowRoot!.activeElement?.getAttribute('data-column') === '1', 'focus on month 1');
    await heatmap.updateComplete;
    expect(text(heatmap, '.tooltip')).to.contain('1 of 2 customers (50.0%)');
  });

  it('shows the tooltip of the cell under the pointer, and hides it over the row labels', async () => {
    const cell = heatmap.shadowRoot!.querySelector('.cell[data-key="2025-02"][data-column="0"]')!;
    cell.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
    await heatmap.updateComplete;
    expect(text(heatmap, '.tooltip')).to.contain('Feb 2025 cohort, month 0');
    const label = heatmap.shadowRoot!.querySelector('.row-label')!;
    label.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
    await heatmap.updateComplete;
    expect(heatmap.shadowRoot!.querySelector('.tooltip')).to.equal(null);
  });
});

describe('<mkt-cohort-heatmap> with a dashboard assigned directly', () => {
  it('renders from the `dashboard` property of a <mkt-data> elsewhere', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${tinyDataset()}></mkt-data>`);
    await whenReady(data);
    const heatmap: MktCohortHeatmap = await mount(html`<mkt-cohort-heatmap periods="2"></mkt-cohort-heatmap>`);
    heatmap.dashboard = data.state;
    await settled(heatmap);
    expect(cells(heatmap, '2025-01')).to.deep.equal(['1', '0.5']);
    heatmap.remove();
    data.remove();
  });
});
