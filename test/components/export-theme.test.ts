import { expect, html } from '@open-wc/testing';
import '../../src/index.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, whenReady } from '../support/dom.js';

type Widget = MktWidget<unknown>;
const TAGS = [
  'mkt-kpis',
  'mkt-revenue-trend',
  'mkt-tier-contribution',
  'mkt-category-performance',
  'mkt-seller-churn',
  'mkt-seller-health',
  'mkt-cohort-heatmap',
  'mkt-retention-curves',
  'mkt-funnel',
  'mkt-journey',
  'mkt-rfm-segments',
  'mkt-clv',
  'mkt-churn',
  'mkt-geo',
  'mkt-anomalies',
  'mkt-forecast',
  'mkt-what-if',
  'mkt-insights',
];
const menu = (el: Element) => el.shadowRoot!.querySelector<HTMLDetailsElement>('details.export');
const items = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.export-menu button')].map((b) => b.dataset.export);
const bg = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.card')!).backgroundColor;

describe('Export and themes, every element', function () {
  this.timeout(120000);
  let data: MktData;
  const el = (tag: string) => data.querySelector(tag) as Widget;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}>
        ${TAGS.map((t) => document.createElement(t))}
        <mkt-filters></mkt-filters>
      </mkt-data>`,
    );
    await whenReady(data);
    for (const t of TAGS) await settled(el(t));
  });
  after(() => data.remove());

  it('every element with data offers CSV, and the charts SVG and PNG too', async () => {
    await new Promise((r) => setTimeout(r, 50));
    const exported: string[] = [];
    for (const tag of TAGS) {
      const w = el(tag);
      const empty = w.shadowRoot!.querySelector('.message');
      if (empty) {
        expect(menu(w), `${tag} (${empty.textContent}) has no Download menu`).to.equal(null);
        continue;
      }
      expect(menu(w), `${tag} has a Download menu`).to.exist;
      expect(items(w), `${tag} exports CSV`).to.include('csv');
      exported.push(tag);
      const csv = w.exportCsv();
      expect(csv.split('\r\n').length, `${tag} CSV has a header and rows`).to.be.greaterThan(2);
      if (w.shadowRoot!.querySelector('.body svg')) {
        expect(items(w), `${tag} exports its chart`).to.include.members(['svg', 'png']);
        const svg = w.exportSvg();
        expect(svg, `${tag} SVG`).not.to.contain('var(');
        expect(svg).to.match(/^<svg[^>]* width="[\d.]+"/);
      }
    }
    // The tiny marketplace is too short for a forecast and too small for some models; the rest have data.
    expect(exported.length, exported.join(', ')).to.be.greaterThan(12);
  });

  it('the filters element has nothing to export and shows no menu', () => {
    const filters = data.querySelector('mkt-filters')!;
    expect(menu(filters)).to.equal(null);
  });

  it('the Download menu opens, closes on Escape and returns focus to its button', async () => {
    const trend = el('mkt-revenue-trend');
    const details = menu(trend)!;
    const summary = details.querySelector('summary')!;
    summary.focus();
    summary.click();
    expect(details.open).to.be.true;
    details.querySelector<HTMLButtonElement>('button')!.focus();
    details.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(details.open).to.be.false;
    expect(trend.shadowRoot!.activeElement).to.equal(summary);
  });

  it('the CSV of the revenue trend holds the table view rows with raw numbers', () => {
    // Completed GMV: January 140, February 120, March 200 (hand-worked in mkt-revenue-trend.test.ts).
    expect(el('mkt-revenue-trend').exportCsv()).to.equal(
      'Period start,Period end,GMV,Order lines\r\n2025-01-10,2025-01-31,140,2\r\n2025-02-01,2025-02-28,120,2\r\n2025-03-01,2025-03-10,200,2\r\n',
    );
  });

  it('exportPng() returns a PNG image', async () => {
    const blob = await el('mkt-revenue-trend').exportPng(1);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 4)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
  });

  it('a chart with a data view gets a Table toggle that shows its rows', async () => {
    const bars = el('mkt-category-performance');
    const toggle = bars.shadowRoot!.querySelector<HTMLButtonElement>('.table-toggle')!;
    toggle.click();
    await bars.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const header = [...bars.shadowRoot!.querySelectorAll('table.data th')].map((th) => th.textContent);
    expect(header.slice(0, 3)).to.deep.equal(['Category', 'GMV', 'Orders']);
    await expect(bars).shadowDom.to.be.accessible();
    toggle.click();
    await bars.updateComplete;
    expect(bars.shadowRoot!.querySelector('.body svg')).to.exist;
  });

  it('theme="dark" on <mkt-data> darkens every element, and an element\'s own theme wins', async () => {
    data.setAttribute('theme', 'dark');
    el('mkt-kpis').setAttribute('theme', 'light');
    await new Promise((r) => requestAnimationFrame(r));
    for (const tag of TAGS.filter((t) => t !== 'mkt-kpis')) expect(bg(el(tag)), tag).to.equal('rgb(22, 25, 29)');
    expect(bg(el('mkt-kpis'))).to.equal('rgb(255, 255, 255)');
    // Colours set from JS (SERIES tokens) and stylesheet colours follow the theme in the exported file too.
    const svg = el('mkt-revenue-trend').exportSvg();
    expect(svg).to.contain('fill="rgb(22, 25, 29)"');
    expect(svg).to.contain('fill="rgb(160, 168, 179)"'); // axis text: --mkt-muted of the dark theme
    data.removeAttribute('theme');
    el('mkt-kpis').removeAttribute('theme');
  });

  it('every element passes axe in the dark theme too (contrast of the dark tokens)', async () => {
    data.setAttribute('theme', 'dark');
    await new Promise((r) => requestAnimationFrame(r));
    for (const tag of TAGS) await expect(el(tag), tag).shadowDom.to.be.accessible();
    data.removeAttribute('theme');
  });

  it('theme="light" on <mkt-data> keeps its elements light', async () => {
    data.setAttribute('theme', 'light');
    await new Promise((r) => requestAnimationFrame(r));
    expect(bg(el('mkt-funnel'))).to.equal('rgb(255, 255, 255)');
    data.removeAttribute('theme');
  });
});
