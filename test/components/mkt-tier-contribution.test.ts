import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/tier-contribution/mkt-tier-contribution.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktTierContribution } from '../../src/components/tier-contribution/mkt-tier-contribution.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import type { MktOptionChangeEvent } from '../../src/events/option-change.js';

const cells = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('table.data tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
  );
const legend = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.legend li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<mkt-tier-contribution>', () => {
  let data: MktData;
  let tiers: MktTierContribution;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}
        ><mkt-tier-contribution heading="GMV by tier"></mkt-tier-contribution
      ></mkt-data>`,
    );
    tiers = data.querySelector('mkt-tier-contribution')!;
    await whenReady(data);
    await settled(tiers);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-tier-contribution')).to.exist;
    await expect(tiers).shadowDom.to.be.accessible();
  });

  it("shows each tier's share of GMV in the legend", () => {
    // Gold 300, silver 60, new 100 of 460: 65.2 %, 13.0 %, 21.7 %; no bronze seller sold.
    expect(legend(tiers)).to.deep.equal(['Gold 65.2%', 'Silver 13.0%', 'New 21.7%']);
  });

  it('stacks one column per month and reads it from the keyboard', async () => {
    expect(tiers.shadowRoot!.querySelectorAll('g.column')).to.have.length(3);
    // The data runs 10 Jan – 10 Mar: January and March are partial months, drawn faded and said so.
    expect(tiers.shadowRoot!.querySelectorAll('g.column.partial')).to.have.length(2);
    expect(text(tiers, '.note.partial')).to.equal('Faded: a month the date range holds only in part.');
    const plot = tiers.shadowRoot!.querySelector('.plot') as SVGElement;
    plot.focus();
    await tiers.updateComplete;
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await tiers.updateComplete;
    expect(text(tiers, '.tooltip')).to.equal('Jan 2025 Gold $100 Silver $40 New $0 Total $140');
    plot.blur();
  });

  it('shows the numbers as a table, by week when the granularity property changes', async () => {
    tiers.granularity = 'week';
    await waitFor(() => tiers.getAttribute('granularity') === 'week', 'reflection');
    await settled(tiers);
    (tiers.shadowRoot!.querySelector('button.toggle') as HTMLButtonElement).click();
    await tiers.updateComplete;
    // Weeks with sales: 6 Jan (t1), 13 Jan (t2), 3 Feb (t3), 17 Feb (t5), 3 Mar (t7), 10 Mar (t8).
    expect(cells(tiers).map((r) => r[0])).to.deep.equal([
      'Week of Jan 6, 2025',
      'Week of Jan 13, 2025',
      'Week of Feb 3, 2025',
      'Week of Feb 17, 2025',
      'Week of Mar 3, 2025',
      'Week of Mar 10, 2025',
    ]);
    expect(cells(tiers)[5]).to.deep.equal(['Week of Mar 10, 2025', '$0', '$0', '$100', '$100']);
  });

  it('follows the tier filter of the dashboard', async () => {
    data.setFilters({ tiers: ['silver'] });
    await waitFor(() => legend(tiers).length === 1, 'one tier');
    expect(legend(tiers)).to.deep.equal(['Silver 100.0%']);
    data.setFilters({ tiers: [] });
    await settled(tiers);
  });

  it('fires mkt-option-change from its granularity toggle, up through the dashboard', async () => {
    const fired: MktOptionChangeEvent[] = [];
    const listen = (e: MktOptionChangeEvent) => fired.push(e);
    data.addEventListener('mkt-option-change', listen);
    const month = [...tiers.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Month')!;
    month.click();
    data.removeEventListener('mkt-option-change', listen);
    expect(fired.map((e) => e.detail)).to.deep.equal([{ option: 'granularity', value: 'month' }]);
    expect(fired[0].target).to.equal(tiers);
    expect(tiers.granularity).to.equal('month');
  });

  it('works with a dashboard property assigned directly', async () => {
    const lone = await mount<MktTierContribution>(html`<mkt-tier-contribution></mkt-tier-contribution>`);
    lone.dashboard = data.state;
    await settled(lone);
    expect(legend(lone)).to.deep.equal(['Gold 65.2%', 'Silver 13.0%', 'New 21.7%']);
    lone.remove();
  });
});
