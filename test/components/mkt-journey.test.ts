import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/journey/mkt-journey.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktJourney } from '../../src/components/journey/mkt-journey.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { labelsOnFlows } from '../support/svg-snapshot.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const node = (el: Element, name: string) =>
  el.shadowRoot!.querySelector(`.node[data-node="${name}"]`)?.getAttribute('aria-label') ?? null;
const link = (el: Element, name: string) =>
  el.shadowRoot!.querySelector(`.link[data-link="${name}"]`)?.getAttribute('aria-label') ?? null;

describe('<mkt-journey>', () => {
  let data: MktData;
  let journey: MktJourney;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}><mkt-journey heading="Journeys"></mkt-journey></mkt-data>`,
    );
    journey = data.querySelector('mkt-journey')!;
    await whenReady(data);
    await settled(journey);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-journey')).to.exist;
    await expect(journey).shadowDom.to.be.accessible();
  });

  it('flows sessions from their source through the steps to a purchase or an exit', () => {
    // S1 organic, S4 email: all four steps; S3 social: view → cart, leaves; S2 direct, S5 paid: view only.
    expect(node(journey, 'Viewed a product')).to.equal(
      'Viewed a product. 5 sessions (100.0% of all). 100.0% of the step before',
    );
    expect(node(journey, 'Added to cart')).to.contain('3 sessions (60.0% of all). 60.0% of the step before');
    expect(node(journey, 'Left after viewing')).to.contain('2 sessions');
    expect(node(journey, 'Left with a cart')).to.contain('1 sessions');
    expect(node(journey, 'Purchased')).to.contain('2 sessions (40.0% of all)');
    expect(link(journey, 'social→Viewed a product')).to.equal('Social → Viewed a product. 1 sessions (20.0% of all)');
    expect(node(journey, 'Left before viewing')).to.equal(null);
  });

  it('lays its node labels beside the flows, never on them', () => {
    const svg = journey.shadowRoot!.querySelector<SVGSVGElement>('svg')!;
    expect(svg.querySelectorAll('.node text')).to.have.length(11);
    expect(labelsOnFlows(svg)).to.deep.equal([]);
  });

  it('draws a source’s share of every flow when the source is focused', async () => {
    journey.shadowRoot!.querySelector<SVGGElement>('.node[data-node="email"]')!.focus();
    await journey.updateComplete;
    // Email's one session goes source → view → cart → checkout → purchase: four flows.
    expect(journey.shadowRoot!.querySelectorAll('.overlay').length).to.equal(4);
    expect(text(journey, '.tooltip')).to.contain('Email');
    journey.shadowRoot!.querySelector<SVGGElement>('.node[data-node="email"]')!.blur();
  });

  it('highlights the paths through a focused step', async () => {
    journey.shadowRoot!.querySelector<SVGGElement>('.node[data-node="Started checkout"]')!.focus();
    await journey.updateComplete;
    const on = [...journey.shadowRoot!.querySelectorAll('.link.on')].map((l) => l.getAttribute('data-link')).sort();
    // Upstream: every source into view (5 links), view → cart, cart → checkout; downstream: checkout → purchase.
    expect(on).to.have.length(8);
    expect(on).to.include('Started checkout→Purchased');
    expect(on).not.to.include('Viewed a product→Left after viewing');
  });

  it('follows known visitors to a first and a repeat purchase in mode="repeat"', async () => {
    journey.mode = 'repeat';
    await waitFor(() => node(journey, 'First purchase'), 'the repeat paths');
    // c1 first came by email, c3 by social; each has one purchase session.
    expect(node(journey, 'First purchase')).to.contain('2 customers (100.0% of all)');
    expect(node(journey, 'Bought once')).to.contain('2 customers');
    expect(node(journey, 'Repeat purchase')).to.equal(null);
    expect(journey.getAttribute('mode')).to.equal('repeat');
    await expect(journey).shadowDom.to.be.accessible();
  });

  it('works with a dashboard assigned directly', async () => {
    const el: MktJourney = await mount(html`<mkt-journey></mkt-journey>`);
    el.dashboard = data.state;
    await settled(el);
    expect(node(el, 'Purchased')).to.contain('2 sessions');
    el.remove();
  });

  it('says in place that it needs page events', async () => {
    const other: MktData = await mount(
      html`<mkt-data .source=${tinyDataset({ without: ['page_events'] })}><mkt-journey></mkt-journey></mkt-data>`,
    );
    const el = other.querySelector('mkt-journey')!;
    await whenReady(other);
    await waitFor(() => text(el, '.message'), 'the notice');
    expect(text(el, '.message')).to.contain('no page events');
    other.remove();
  });
});
