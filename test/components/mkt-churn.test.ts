import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/churn/mkt-churn.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktChurn } from '../../src/components/churn/mkt-churn.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

describe('<mkt-churn> on the tiny marketplace', () => {
  let data: MktData;
  let churn: MktChurn;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}><mkt-churn heading="Churn" days="20"></mkt-churn></mkt-data>`,
    );
    churn = data.querySelector('mkt-churn')!;
    await whenReady(data);
    await settled(churn);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-churn')).to.exist;
    await expect(churn).shadowDom.to.be.accessible();
  });

  it('days="20" reaches the SQL: one month start, 1 Feb, with c2 active and gone', () => {
    // Data 10 Jan – 10 Mar; N = 20 leaves only 1 Feb. Active in [12 Jan, 1 Feb): c2 (15 Jan); c2 buys next on 5 Mar,
    // after [1 Feb, 21 Feb) → churned: 1 of 1.
    expect(text(churn, 'h3')).to.equal('Churn rate, 20-day windows');
    const cells = [...churn.shadowRoot!.querySelectorAll('details tbody td')].map((td) => td.textContent!.trim());
    expect(cells).to.deep.equal(['Feb 1, 2025', '1', '1', '100.0%']);
    // By segment: c2 is a Champion (test/metrics/rfm.test.ts).
    expect(churn.shadowRoot!.querySelector('g.bar-row[data-key]')!.getAttribute('data-key')).to.equal('Champions');
  });

  it('says plainly when there are too few customers for the churn model', () => {
    expect(text(churn, '.layout > div:nth-child(3) .note')).to.contain('Not enough customers');
  });

  it('the breakdown toggle switches to cohorts', async () => {
    const [, byCohort] = churn.shadowRoot!.querySelectorAll<HTMLButtonElement>('.segmented button');
    byCohort.click();
    await waitFor(
      () => churn.shadowRoot!.querySelector('g.bar-row[data-key]')?.getAttribute('data-key') === '2025-01',
      'the cohort bars',
    );
    expect(churn.breakdown).to.equal('cohort');
  });
});

describe('<mkt-churn> on 41 customers, with a dashboard assigned directly', () => {
  it('fits the churn model, shows AUC, precision and recall, and ranks the early warnings by value at risk', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    const el: MktChurn = await mount(html`<mkt-churn days="30" .dashboard=${data.state}></mkt-churn>`);
    await settled(el);
    await expect(el).shadowDom.to.be.accessible();
    const metric = (name: string) => text(el, `[data-metric="${name}"]`);
    expect(metric('auc')).to.match(/^(0\.\d\d|1\.00|–)$/);
    expect(metric('precision')).to.match(/%|–/);
    const values = [...el.shadowRoot!.querySelectorAll('.layout > div:nth-child(4) tbody tr td:nth-child(6)')].map(
      (td) => Number(td.textContent!.replace(/[^\d.]/g, '')),
    );
    for (let i = 1; i < values.length; i++) expect(values[i]).to.be.at.most(values[i - 1]);
    el.remove();
    data.remove();
  });
});

describe('<mkt-churn> in a narrow card', () => {
  it('fits the early-warning table in a half-width card at 1280 px: headings and reasons wrap, figures do not', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    // A card of the demo's two-column grid at 1280 px is 610 px wide. With every cell on one line, this table
    // needed 759 px.
    const card: HTMLElement = await mount(
      html`<div style="width: 610px"><mkt-churn days="30" .dashboard=${data.state}></mkt-churn></div>`,
    );
    const el = card.querySelector('mkt-churn')!;
    await settled(el);
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    const table = wrap.querySelector('table')!;
    expect(table.querySelectorAll('tbody tr').length, 'early-warning rows').to.be.greaterThan(0);
    expect(table.scrollWidth, 'table width').to.be.at.most(wrap.clientWidth);
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    for (const td of table.querySelectorAll('td.num')) expect(lines(td), td.textContent!).to.equal(1);
    // Headings wrap between words only: no word of theirs is split across two lines.
    for (const th of table.querySelectorAll('thead th')) {
      const node = [...th.childNodes].find((n) => n instanceof Text && n.data.trim() !== '') as Text;
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, m[0]).to.equal(1);
      }
    }
    card.remove();
    data.remove();
  });
});
