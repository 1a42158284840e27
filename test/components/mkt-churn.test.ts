import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { churnModelSummary } from '../../src/components/churn/churn-parts.js';
import { classifierQuality } from '../../src/models/classifier-quality.js';
import { formatter } from '../../src/format/format.js';
import '../../src/components/data/mkt-data.js';
import '../../src/components/churn/mkt-churn.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktChurn } from '../../src/components/churn/mkt-churn.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { manyCustomersDataset, manyCustomersRows } from '../fixtures/customer-rows.js';
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

  it('says plainly when there are too few customers for the churn model, and so gives no risk', () => {
    expect(text(churn, '.layout > div:nth-child(3) .note')).to.contain('Not enough customers');
    expect(text(churn, '.layout > div:nth-child(4) .note')).to.equal('No risk without a churn model.');
  });

  it('says what churned means, and names the denominator of the pooled rates', () => {
    // Gaps between purchase days (test/metrics/churn.test.ts): c1 24 days, c2 49 days: 2 < 20, too few to read a cycle.
    expect(text(churn, '[data-definition]')).to.equal(
      'A customer counts as churned after 20 days without an order: only 2 repeat orders, too few to read the purchase cycle.',
    );
    // One month start, c2 active at it: 1 customer-month, of 1 customer.
    expect(text(churn, '[data-denominator]')).to.contain('pooled over 1 month starts');
    expect(text(churn, '[data-denominator]')).to.contain('(1 customer-months in all)');
    expect(churn.shadowRoot!.querySelector('g.bar-row[data-key] .value')!.textContent!.trim()).to.equal('100% of 1');
  });

  it('the breakdown toggle switches to cohorts', async () => {
    const byCohort = [...churn.shadowRoot!.querySelectorAll<HTMLButtonElement>('.segmented button')].find(
      (b) => b.textContent!.trim() === 'By cohort',
    )!;
    byCohort.click();
    await waitFor(
      () => churn.shadowRoot!.querySelector('g.bar-row[data-key]')?.getAttribute('data-key') === '2025-01',
      'the cohort bars',
    );
    expect(churn.breakdown).to.equal('cohort');
  });
});

describe('<mkt-churn> with the window from the purchase cycle', () => {
  it('on the tiny marketplace, too few repeat orders: the 90-day default, longer than the data', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${tinyDataset()}><mkt-churn></mkt-churn></mkt-data>`);
    const el = data.querySelector('mkt-churn')!;
    await whenReady(data);
    await settled(el);
    // Data 10 Jan – 10 Mar (60 days): no month start has 90 days on both sides.
    expect(text(el, '[part~="message"]')).to.contain('churn needs 90 days');
    data.remove();
  });
});

/** Repeat purchase gaps of the 41 customers, worked out here from the rows: the p90, by the inverse of the CDF. */
function p90Gap(): { p90: number; gaps: number } {
  const days = new Map<string, Set<string>>();
  for (const t of manyCustomersRows().transactions) {
    if (t.status !== 'completed') continue;
    const set = days.get(t.customer_id as string) ?? new Set<string>();
    set.add(t.order_date as string);
    days.set(t.customer_id as string, set);
  }
  const gaps: number[] = [];
  for (const set of days.values()) {
    const sorted = [...set].sort().map((d) => Date.parse(d) / 864e5);
    for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i] - sorted[i - 1]);
  }
  gaps.sort((a, b) => a - b);
  return { p90: gaps[Math.ceil(0.9 * gaps.length) - 1], gaps: gaps.length };
}

describe('<mkt-churn> on 41 customers with hostile ids, with a dashboard assigned directly', () => {
  const evil = (id: string) => `<img src=x onerror=window.__pwned=1>${id}`;
  let data: MktData;
  let el: MktChurn;
  before(async () => {
    data = await mount(html`<mkt-data .source=${manyCustomersDataset({ rename: evil })}></mkt-data>`);
    await whenReady(data);
    el = await mount(html`<mkt-churn .dashboard=${data.state}></mkt-churn>`);
    await settled(el);
  });
  after(() => {
    el.remove();
    data.remove();
  });

  it('reads the churn window from the purchase cycle and says so', async () => {
    const { p90, gaps } = p90Gap();
    expect(gaps).to.be.at.least(20);
    expect(text(el, 'h3')).to.equal(`Churn rate, ${p90}-day windows`);
    expect(text(el, '[data-definition]')).to.match(
      new RegExp(
        `^A customer counts as churned after ${p90} days without an order: 90% of repeat orders come within ${p90} days \\(${gaps} repeat orders, median \\d+ days\\)\\.$`,
      ),
    );
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the model against its base rate, in plain words', () => {
    const metric = (name: string) => text(el, `[data-metric="${name}"]`);
    expect(metric('base-rate')).to.match(/^\d+%$/);
    expect(metric('pr-auc')).to.match(/^(0\.\d\d|1\.00)$/);
    expect(metric('auc')).to.match(/^(0\.\d\d|1\.00|–)$/);
    const note = text(el, '.layout > div:nth-child(3) .note');
    expect(note).to.contain(`calling everyone churned is right that often`);
    expect(note).to.contain(`the base rate`);
  });

  it('lists customers at risk by value at risk, one risk each with its reasons, ids as text', () => {
    const rows = [...el.shadowRoot!.querySelectorAll('.layout > div:nth-child(4) tbody tr')];
    expect(rows.length).to.be.above(0);
    const cell = (tr: Element, n: number) => tr.querySelector(`td:nth-child(${n})`)!.textContent!.trim();
    const num = (s: string) => Number(s.replace(/[^\d.]/g, ''));
    for (const tr of rows) {
      expect(cell(tr, 1).startsWith('<img src=x onerror=window.__pwned=1>k')).to.be.true;
      expect(num(cell(tr, 3))).to.be.at.least(50);
      // Value at risk = risk × revenue; money shows whole dollars, risk whole percents.
      const revenue = num(cell(tr, 2));
      expect(num(cell(tr, 4))).to.be.closeTo((revenue * num(cell(tr, 3))) / 100, 1 + revenue * 0.006);
      expect(cell(tr, 5)).to.match(/days since the last purchase|purchase day|spent|a customer for|nothing above/);
    }
    const values = rows.map((tr) => num(cell(tr, 4)));
    for (let i = 1; i < values.length; i++) expect(values[i]).to.be.at.most(values[i - 1]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el, '[data-at-risk-count]')).to.match(/^\d+ of the \d+ customers who ordered in the last \d+ days/);
    expect(el.shadowRoot!.textContent).to.not.contain('P(alive)');
  });

  it('the window control sets a fixed window, and the sentence says it was set', async () => {
    const sixty = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.segmented button')].find(
      (b) => b.textContent!.trim() === '60 d',
    )!;
    sixty.click();
    await waitFor(() => text(el, 'h3') === 'Churn rate, 60-day windows', 'the 60-day view');
    expect(el.days).to.equal(60);
    expect(text(el, '[data-definition]')).to.contain('after 60 days without an order: set on the page; in this data');
    expect(sixty.getAttribute('aria-pressed')).to.equal('true');
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

describe('churnModelSummary()', () => {
  it('says that a test set of one outcome measures nothing, rather than showing a perfect score', () => {
    // Olist-like: all 450 test customers churned; precision, recall and PR-AUC are then 1 whatever the model.
    const q = classifierQuality([0.9, 0.8, 0.7, 0.6], [1, 1, 1, 1]);
    const box = document.createElement('div');
    const m = { train: 20, holdout: 4, holdoutRate: 1, auc: q.auc, precision: 1, recall: 1, quality: q, fitted: true };
    render(churnModelSummary(m, 60, formatter()), box);
    expect(box.querySelector('[data-metric]')).to.equal(null);
    expect(box.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'All of the 4 test customers churned: with only one outcome to predict, the test cannot say how good the model is. Try another window.',
    );
  });
});
