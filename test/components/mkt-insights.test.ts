import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/insights/mkt-insights.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktInsights } from '../../src/components/insights/mkt-insights.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { openEngine, sql } from '../support/engine.js';
import { sellerChurnByCategorySql } from '../../src/metrics/insights.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';
import { expectQueryFailureShown } from '../support/widget-failures.js';
import { generateDatasetIPC } from '../../generator/core/write-dataset.js';

describe('<mkt-insights>', () => {
  let data: MktData;
  let el: MktInsights;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}><mkt-insights heading="Insights"></mkt-insights></mkt-data>`,
    );
    el = data.querySelector('mkt-insights')!;
    await whenReady(data);
    await settled(el);
  });
  after(() => data.remove());

  it('is defined and accessible', async () => {
    expect(customElements.get('mkt-insights')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('ranks the findings of the tiny marketplace as worked out by hand', () => {
    // Late: gold 0/3, silver 1/2 (t3), new 1/2 (t8; t4 returned on time) → silver and new 50% = 12.5× the 4% target,
    //   magnitude capped at 3, reach 2/7: 0.8 × 3 × 2/7 = 0.686 (tie broken by name: new).
    // Electronics 300 / 460 = 65% of GMV: 0.4 × (0.652 × 3 − 1) × 0.652 = 0.250.
    // Texas 240 / 460 = 52%: 0.4 × (0.522 × 3 − 1) × 0.522 = 0.118.
    // RFM (R, F, M): c2 (4, 4, 5) is a Champion (test/metrics/rfm.test.ts): 1 of 4 customers, 140 / 460 = 30% of
    //   revenue: 0.040.
    // No prior period and a 60-day window (no churn split); no category has 30 sessions.
    expect(el.findings.map((x) => x.text)).to.deep.equal([
      'Late shipments of the New tier are 50.0%, 12.5× the 4% target',
      'Electronics brings 65% of GMV',
      'Texas brings 52% of GMV',
      'Champions are 25% of customers and 30% of revenue',
    ]);
    expect(el.findings[0].score).to.be.closeTo((0.8 * 3 * 2) / 7, 1e-9);
    expect(text(el, '.finding .text')).to.equal('Late shipments of the New tier are 50.0%, 12.5× the 4% target');
  });

  it("a finding's button filters to its view", async () => {
    let detail: unknown = null;
    const listen = (e: MktFilterChangeEvent) => (detail = e.detail);
    data.addEventListener('mkt-filter-change', listen);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.finding[data-kind="category-share"] .show')!.click();
    data.removeEventListener('mkt-filter-change', listen);
    expect(detail).to.deep.equal({ categories: ['Electronics'] });
    await waitFor(() => data.state.filters.categories.length === 1, 'the category filter');
    data.setFilters({ categories: [] });
    await waitFor(() => el.findings.length === 4, 'the unfiltered findings');
  });

  it('recomputes under a date filter and announces it politely', async () => {
    // February 120 (Books 20, Electronics 100) vs 4–31 January 140 (Electronics 100, Books 40): −14.3%, Books −$20.
    data.setFilters({ dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    await waitFor(() => el.findings.some((x) => x.kind === 'gmv-change'), 'the GMV change finding');
    await settled(el);
    expect(el.findings.find((x) => x.kind === 'gmv-change')!.text).to.equal(
      'GMV is down 14.3% vs the prior period, led by Books (−$20)',
    );
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent!.trim()).to.match(/^Insights updated: \d findings?\. First: /);
    data.setFilters({ dateFrom: null, dateTo: null });
    await waitFor(() => el.findings.length === 4, 'all-time findings');
    await settled(el);
  });

  it('downloads the same findings as Markdown through a Blob link', async () => {
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.download')!;
    expect(link.getAttribute('download')).to.equal('executive-summary.md');
    el.shadowRoot!.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(link.href).to.match(/^blob:/);
    const md = await (await fetch(link.href)).text();
    expect(md).to.equal(el.markdown());
    expect(md).to.contain('# Executive summary');
    expect(md).to.contain('1. Late shipments of the New tier are 50.0%, 12.5× the 4% target.');
    expect(md).to.contain('4. Champions are 25% of customers and 30% of revenue.');
  });

  it('says how sure each finding is, and which analyses it could not run', () => {
    // The late-shipment finding is descriptive: no tier differs significantly from the others (1 of 2, 1 of 2, 0 of 3).
    expect(text(el, '.finding .evidence')).to.equal('A description of the data, not a test.');
    // The tiny marketplace has neither campaigns nor support tickets.
    expect(text(el, '[data-note="skipped"]')).to.equal(
      'Not run: campaign returns (no campaigns table); customer satisfaction (no support tickets table).',
    );
  });

  it('the limit property caps the list', async () => {
    el.limit = 2;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.finding').length).to.equal(2);
    el.limit = 6;
  });

  it('shows a failed query in place and sends mkt-error', () => expectQueryFailureShown(data, el, 'mkt_orders'));
});

describe('<mkt-insights> on a generated marketplace', function () {
  this.timeout(180000);
  it('ranks tested findings with their size, support and filter among the insights', async () => {
    const { manifest, tables } = await generateDatasetIPC({ seed: 7, scale: 0.01 });
    const data = await mount<MktData>(
      html`<mkt-data .source=${{ manifest, files: tables }}><mkt-insights limit="50"></mkt-insights></mkt-data>`,
    );
    try {
      const el = data.querySelector('mkt-insights')!;
      await whenReady(data);
      await settled(el);
      const tested = el.findings.filter((x) => x.support !== null);
      expect(tested.length, el.findings.map((x) => x.kind).join(', ')).to.be.above(0);
      // One list, highest score first, tested candidates and descriptive insights together.
      const scores = el.findings.map((x) => x.score);
      expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
      const item = el.shadowRoot!.querySelector(`.finding[data-kind="${tested[0].kind}"]`)!;
      expect(item.querySelector('.size')!.textContent).to.equal(`${tested[0].size.text}.`);
      expect(item.querySelector('.support')!.textContent!.trim()).to.match(/likely|robust standard deviations/);
      // The generated shop has every optional table.
      expect(el.shadowRoot!.querySelector('[data-note="skipped"]')).to.equal(null);
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      data.remove();
    }
  });
});

describe('sellerChurnByCategorySql()', () => {
  it('counts a seller active in the base period with no sale in the recent one as churned', async () => {
    const { engine, close } = await openEngine(tinyDataset());
    // Base 10 Jan – 8 Feb, recent 9 Feb – 10 Mar. Books (s2): t2 15 Jan, t3 3 Feb, none after → churned.
    // Electronics (s1): t1 10 Jan and t5 20 Feb → active. Toys (s3): completed only t8 on 10 Mar → not active before.
    const result = await sql(
      engine,
      sellerChurnByCategorySql(EMPTY_FILTERS, {
        base: { from: '2025-01-10', to: '2025-02-08' },
        recent: { from: '2025-02-09', to: '2025-03-10' },
      }),
    );
    expect(result).to.deep.equal([
      { category: 'Books', active: 1, churned: 1 },
      { category: 'Electronics', active: 1, churned: 0 },
    ]);
    await close();
  });
});
