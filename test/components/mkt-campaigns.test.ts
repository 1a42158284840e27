import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/campaigns/mkt-campaigns.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktCampaigns } from '../../src/components/campaigns/mkt-campaigns.js';
import type { MktOptionChangeEvent } from '../../src/events/option-change.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

const figure = (el: Element, name: string) => text(el, `[data-figure="${name}"] dd`);
const barTexts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.bars .bar-row')].map((g) => [
    g.querySelector('text.name')!.textContent!.trim(),
    g.querySelector('text.value')!.textContent!.trim(),
  ]);

async function open(source: InMemoryDataset): Promise<{ data: MktData; el: MktCampaigns }> {
  const data = await mount<MktData>(html`<mkt-data .source=${source}><mkt-campaigns></mkt-campaigns></mkt-data>`);
  const el = data.querySelector('mkt-campaigns')!;
  await whenReady(data);
  await settled(el);
  return { data, el };
}

// The analytics shop's campaigns (test/fixtures/analytics-shop.ts): k1 Spring email, 1–10 March, 100 spent, credited
// with o4 and o5 (230, cost 136, new customer c4); k2 Search push, 6–15 March, 200 spent, credited with o6 and o8
// (170 completed, cost 100, new customers c5 and c6); k3 Summer social, June, 300 spent, nothing credited.
describe('<mkt-campaigns>', () => {
  let data: MktData;
  let el: MktCampaigns;
  before(async () => {
    ({ data, el } = await open(analyticsShop()));
  });
  after(() => data.remove());

  it('is defined, accessible and titled', async () => {
    expect(customElements.get('mkt-campaigns')).to.exist;
    expect(text(el, 'h2')).to.equal('Campaigns');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('sums spend, attributed revenue, ROAS, ROI and cost per new customer over every campaign', () => {
    // Spend 600, revenue 400: ROAS 0.67×; profit 94 + 70 + 0 = 164: ROI (164 − 600) / 600 = −72.7 %;
    // 3 new customers (c4, c5, c6): 200 each.
    expect(
      ['Spend', 'Attributed revenue', 'ROAS', 'ROI', 'Cost per new customer'].map((n) => figure(el, n)),
    ).to.deep.equal(['$600', '$400', '0.67×', '-72.7%', '$200']);
    expect(text(el, '[data-note="attribution"]')).to.match(/^Last-touch attribution: an order counts for the campaign/);
  });

  it('draws one ROAS bar per campaign, largest spend first, and spend against revenue by month', () => {
    // k1 ROI (94 − 100) / 100 = −6 %; k2 (70 − 200) / 200 = −65 %; k3 −100 %.
    expect(barTexts(el)).to.deep.equal([
      ['Summer social', '0.00× · ROI -100% · $300 spent'],
      ['Search push', '0.85× · ROI -65% · $200 spent'],
      ['Spring email', '2.30× · ROI -6% · $100 spent'],
    ]);
    // March (k1 + k2) and June (k3), April and May between them at zero: four points a line.
    const trend = el.shadowRoot!.querySelector('[part="trend"] svg')!;
    expect(trend.querySelectorAll('path.line')).to.have.length(2);
    expect(trend.querySelector('path.line.spend')!.getAttribute('d')!.match(/[ML]/g)).to.have.length(4);
  });

  it('takes the campaign days inside the date filter, and rolls campaigns up by channel', async () => {
    data.setFilters({ dateFrom: '2025-03-01', dateTo: '2025-03-31' });
    await waitFor(() => figure(el, 'Spend') === '$300', 'March spend');
    // k3 (June) is out; ROAS 400 / 300; ROI (164 − 300) / 300 = −45.3 %; CAC 300 / 3.
    expect(['ROAS', 'ROI', 'Cost per new customer'].map((n) => figure(el, n))).to.deep.equal([
      '1.33×',
      '-45.3%',
      '$100',
    ]);
    // One month: no line to draw.
    expect(el.shadowRoot!.querySelector('[part="trend"]')).to.equal(null);
    const sent: MktOptionChangeEvent[] = [];
    el.addEventListener('mkt-option-change', (e) => sent.push(e), { once: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.segmented button:last-child')!.click();
    await waitFor(() => barTexts(el)[0]?.[0] === 'Paid search', 'the channel bars');
    expect(barTexts(el).map(([name]) => name)).to.deep.equal(['Paid search', 'Email']);
    expect(sent[0].detail).to.deep.equal({ option: 'by', value: 'channel' });
    expect(el.getAttribute('by')).to.equal('channel');
    el.by = 'campaign';
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => figure(el, 'Spend') === '$600', 'all the spend again');
  });

  it('says that spend is not split when a category narrows the revenue', async () => {
    expect(el.shadowRoot!.querySelector('[data-note="unsplit"]')).to.equal(null);
    data.setFilters({ categories: ['Books'] });
    // Books lines credited: k1 L6 20; k2 L9 40 and L14 20. Spend stays 600.
    await waitFor(() => figure(el, 'Attributed revenue') === '$80', 'the Books revenue');
    expect(figure(el, 'Spend')).to.equal('$600');
    expect(text(el, '[data-note="unsplit"]')).to.contain('Spend is not split by category');
    data.setFilters({ categories: [] });
    await waitFor(() => figure(el, 'Attributed revenue') === '$400', 'all the revenue again');
  });

  it('says plainly when the dataset has no campaigns table', async () => {
    const other = await open(analyticsShop({ without: ['campaigns'] }));
    try {
      expect(text(other.el, '[part="message"]')).to.equal(
        'This dataset has no campaigns table, which this view needs.',
      );
    } finally {
      other.data.remove();
    }
  });

  it('says when no order names a campaign (campaign_id left out of the files)', async () => {
    const other = await open(analyticsShop({ omit: { transactions: ['campaign_id'], page_events: ['campaign_id'] } }));
    try {
      expect(figure(other.el, 'Attributed revenue')).to.equal('$0');
      expect(text(other.el, '[data-note="unattributed"]')).to.contain('No order in this selection names a campaign');
    } finally {
      other.data.remove();
    }
  });
});
