import { expect, html, oneEvent } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/funnel/mkt-funnel.js';
import '../../src/components/journey/mkt-journey.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktFunnel } from '../../src/components/funnel/mkt-funnel.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const aria = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector)?.getAttribute('aria-label') ?? '';

describe('<mkt-funnel>', () => {
  let data: MktData;
  let funnel: MktFunnel;
  before(async () => {
    data = await mount(html`<mkt-data .source=${tinyDataset()}><mkt-funnel heading="Funnel"></mkt-funnel></mkt-data>`);
    funnel = data.querySelector('mkt-funnel')!;
    await whenReady(data);
    await settled(funnel);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-funnel')).to.exist;
    await expect(funnel).shadowDom.to.be.accessible();
  });

  it('counts sessions per step with share, step conversion and drop-off', () => {
    // 5 sessions all view; S1, S3, S4 add to cart; S1, S4 check out and purchase.
    expect(text(funnel, '.base')).to.equal('5 sessions');
    expect(aria(funnel, '[data-step="carted"]')).to.equal(
      'Added to cart. 3 sessions (60.00% of all). 60.0% of "Viewed a product" continued; 40.0% dropped off',
    );
    expect(aria(funnel, '[data-step="checked_out"]')).to.contain(
      '2 sessions (40.00% of all). 66.7% of "Added to cart" continued; 33.3% dropped off',
    );
    expect(aria(funnel, '[data-step="purchased"]')).to.contain('100.0% of "Started checkout" continued');
    // Cart abandonment: 1 − 2 purchases / 3 carts.
    expect(text(funnel, '.summary')).to.equal('Session conversion 40.00% · cart abandonment 33.3%');
  });

  it('compares categories as small multiples and filters by a clicked category', async () => {
    funnel.breakdown = 'category';
    await waitFor(() => funnel.shadowRoot!.querySelector('[data-group="Electronics"]'), 'the category multiples');
    await settled(funnel);
    await expect(funnel).shadowDom.to.be.accessible();
    // Electronics: S1, S4 both go all the way; Books: S2, S5 only view; Toys: S3 view → cart.
    expect(text(funnel, '[data-group="Electronics"] .visually-hidden')).to.contain(
      '2 sessions, 2 with a purchase (100.00%)',
    );
    expect(text(funnel, '[data-group="Toys"] .visually-hidden')).to.contain('View → cart: 100.0% (all: 60.0%)');
    expect(funnel.getAttribute('breakdown')).to.equal('category');
    const toys = funnel.shadowRoot!.querySelector<HTMLElement>('[data-group="Toys"]')!;
    setTimeout(() => toys.click());
    const event = (await oneEvent(funnel, MktFilterChangeEvent.eventName)) as MktFilterChangeEvent;
    expect(event.detail).to.deep.equal({ categories: ['Toys'] });
    await waitFor(() => funnel.shadowRoot!.querySelector('[data-group="Toys"].selected'), 'Toys selected');
    // The by-category view ignores the category filter: all three categories stay.
    expect(funnel.shadowRoot!.querySelectorAll('.multiple').length).to.equal(3);
    data.setFilters({ categories: [] });
  });

  it('shows sessions and conversion per traffic source', async () => {
    funnel.breakdown = 'source';
    await waitFor(() => funnel.shadowRoot!.querySelector('[data-group="organic_search"]'), 'the source multiples');
    expect(text(funnel, '[data-group="organic_search"] .name')).to.equal('Organic search');
    expect(text(funnel, '[data-group="organic_search"] .meta')).to.equal('1 sessions · 100.0% convert');
    expect(text(funnel, '[data-group="direct"] .meta')).to.equal('1 sessions · 0.0% convert');
    funnel.breakdown = 'none';
  });

  it('works with a dashboard assigned directly', async () => {
    const el: MktFunnel = await mount(html`<mkt-funnel></mkt-funnel>`);
    el.dashboard = data.state;
    await settled(el);
    expect(text(el, '.base')).to.equal('5 sessions');
    el.remove();
  });
});

describe('<mkt-funnel> without page events', () => {
  it('says in place that it needs page events', async () => {
    const data: MktData = await mount(
      html`<mkt-data .source=${tinyDataset({ without: ['page_events'] })}><mkt-funnel></mkt-funnel></mkt-data>`,
    );
    const funnel = data.querySelector('mkt-funnel')!;
    await whenReady(data);
    await waitFor(() => text(funnel, '.message'), 'the notice');
    expect(text(funnel, '.message')).to.equal(
      'This dataset has no page events (storefront sessions), which this view needs.',
    );
    data.remove();
  });

  it('answers the funnel by any breakdown and the session journeys with one scan', async () => {
    const page = await mount<MktData>(
      html`<mkt-data .source=${tinyDataset()}>
        <mkt-funnel></mkt-funnel><mkt-funnel breakdown="source"></mkt-funnel
        ><mkt-funnel breakdown="category"></mkt-funnel>
        <mkt-journey></mkt-journey>
      </mkt-data>`,
    );
    await whenReady(page);
    for (const el of page.querySelectorAll('mkt-funnel, mkt-journey')) await settled(el as MktFunnel);
    const scans = page.state.engine!.history.filter((h) => h.sql.includes('FROM mkt_sessions'));
    expect(scans.map((h) => h.sql)).to.have.length(1);
    // Still the right numbers in each: 5 sessions overall, and the journey names the sources.
    expect(text(page.querySelector('mkt-funnel')!, '.base')).to.equal('5 sessions');
    page.remove();
  });
});
