import { expect, html, oneEvent } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/retention-curves/mkt-retention-curves.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktRetentionCurves } from '../../src/components/retention-curves/mkt-retention-curves.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const label = (el: Element, cohort: string) =>
  el.shadowRoot!.querySelector(`.curve[data-key="${cohort}"] .line`)?.getAttribute('aria-label') ?? null;

describe('<mkt-retention-curves>', () => {
  let data: MktData;
  let curves: MktRetentionCurves;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}
        ><mkt-retention-curves heading="Retention" periods="3"></mkt-retention-curves
      ></mkt-data>`,
    );
    curves = data.querySelector('mkt-retention-curves')!;
    await whenReady(data);
    await settled(curves);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-retention-curves')).to.exist;
    await expect(curves).shadowDom.to.be.accessible();
  });

  it('draws a line per cohort observed after month 0 and the size-weighted average', () => {
    // January {c1, c2}: 50% in months 1 and 2; February {c3}: 0% in month 1; March has no month 1 yet.
    expect(label(curves, '2025-01')).to.equal(
      'Jan 2025 cohort (2 customers): active 50.0% in month 1, 50.0% in month 2',
    );
    expect(label(curves, '2025-02')).to.equal('Feb 2025 cohort (1 customer): active 0.0% in month 1');
    expect(label(curves, '2025-03')).to.equal(null);
    // Month 1: (1 + 0) / (2 + 1) = 33.3%; month 2: January alone, 50%.
    expect(label(curves, 'avg')).to.equal('Average (weighted): active 33.3% in month 1, 50.0% in month 2');
  });

  it('dashes each line into March, which the data holds only to the 10th, and says so in the legend', () => {
    const dashed = (key: string) =>
      curves.shadowRoot!.querySelector(`.curve[data-key="${key}"] path.line.incomplete`) !== null;
    // January: month 1 (February) whole, month 2 (March) in part; the average's month 2 is January's alone.
    expect([dashed('2025-01'), dashed('avg')]).to.deep.equal([true, true]);
    expect(text(curves, '.legend li.partial')).to.equal('Dashed: Mar 2025, counted in part');
    data.setFilters({ dateTo: '2025-02-28' });
  });

  it('draws no dashes when the window ends with a month', async () => {
    await waitFor(() => !curves.shadowRoot!.querySelector('.legend li.partial'), 'the partial legend to go');
    await settled(curves);
    expect(curves.shadowRoot!.querySelector('path.line.incomplete')).to.equal(null);
    data.setFilters({ dateTo: null });
    await waitFor(() => curves.shadowRoot!.querySelector('.legend li.partial'), 'March in part again');
    await settled(curves);
  });

  it('highlights a cohort on focus, with a tooltip', async () => {
    curves.shadowRoot!.querySelector<SVGPathElement>('.curve[data-key="2025-01"] .line')!.focus();
    await waitFor(() => curves.shadowRoot!.querySelector('.curve.on[data-key="2025-01"]'), 'the highlighted cohort');
    expect(text(curves, '.tooltip')).to.contain('Jan 2025 cohort, month 2');
  });

  it('switches to revenue retention through the `measure` property', async () => {
    curves.measure = 'revenue';
    await curves.updateComplete;
    // January cohort: 20 / 140 = 14.3% in month 1, 100 / 140 = 71.4% in month 2.
    expect(label(curves, '2025-01')).to.contain('revenue vs month 0 14.3% in month 1, 71.4% in month 2');
    expect(curves.getAttribute('measure')).to.equal('revenue');
    curves.measure = 'retention';
  });

  it('filters the dashboard to a cohort on Enter', async () => {
    const line = curves.shadowRoot!.querySelector<SVGPathElement>('.curve[data-key="2025-02"] .line')!;
    setTimeout(() => line.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })));
    const event = (await oneEvent(curves, MktFilterChangeEvent.eventName)) as MktFilterChangeEvent;
    expect(event.detail).to.deep.equal({ cohort: '2025-02' });
    await waitFor(() => data.filters.cohort === '2025-02', 'the cohort filter');
    data.setFilters({ cohort: null });
  });

  it('works with a dashboard assigned directly, for sellers', async () => {
    const el: MktRetentionCurves = await mount(
      html`<mkt-retention-curves entity="sellers" periods="3"></mkt-retention-curves>`,
    );
    el.dashboard = data.state;
    await settled(el);
    // Sellers s1, s2 (January): both sell in February, s1 in March.
    expect(label(el, '2025-01')).to.equal('Jan 2025 cohort (2 sellers): active 100.0% in month 1, 50.0% in month 2');
    el.remove();
  });
});
