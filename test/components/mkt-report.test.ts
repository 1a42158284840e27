import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/report/mkt-report.js';
import '../../src/components/revenue-trend/mkt-revenue-trend.js';
import '../../src/components/insights/mkt-insights.js';
import '../../src/components/kpis/mkt-kpis.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktReport } from '../../src/components/report/mkt-report.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { HOSTILE_CATEGORIES, hostileDataset } from '../fixtures/hostile-marketplace.js';
import { mount, settled, text, whenReady } from '../support/dom.js';

/** Stubs the element's two seams: what the print dialog would print, and what would be saved. */
function capture(report: MktReport) {
  const seen: { printed: Document | null; saved: { name: string; text: Promise<string> }[] } = {
    printed: null,
    saved: [],
  };
  const seams = report as unknown as { openPrintDialog(w: Window): void; save(b: Blob, n: string): void };
  seams.openPrintDialog = (w) => (seen.printed = w.document);
  seams.save = (blob, name) => seen.saved.push({ name, text: blob.text() });
  return seen;
}

const button = (report: MktReport, selector: string) => report.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;

describe('<mkt-report> on the tiny marketplace', () => {
  let data: MktData;
  let report: MktReport;
  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}>
        <mkt-report></mkt-report><mkt-kpis></mkt-kpis><mkt-revenue-trend heading="GMV by day"></mkt-revenue-trend>
        <mkt-insights></mkt-insights>
      </mkt-data>`,
    );
    report = data.querySelector('mkt-report')!;
    await whenReady(data);
    for (const w of data.querySelectorAll<MktWidget<unknown>>('mkt-report, mkt-kpis, mkt-revenue-trend, mkt-insights'))
      await settled(w);
  });
  after(() => data.remove());

  it('renders its buttons and scope, and is accessible', async () => {
    expect(text(report, 'h2')).to.equal('Executive report');
    expect(text(report, '.scope')).to.match(/^All data, Jan 10, 2025 – Mar 10, 2025:/);
    expect([...report.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include.members([
      'Print or save as PDF',
      'HTML',
      'Markdown',
    ]);
    await expect(report).shadowDom.to.be.accessible();
  });

  it('prints the report from a hidden frame, styled by a constructed sheet, with the KPIs and the charts', async () => {
    const seen = capture(report);
    button(report, '[part="print"]').click();
    const doc = seen.printed!;
    expect(doc, 'the print dialog opened').to.exist;
    expect(doc.querySelector('h1')!.textContent).to.equal('Executive report');
    // The tiny marketplace's completed lines: Electronics 300 + Books 60 + Toys 100 = $460, from c1 … c4; its prior
    // period lies before the data: no comparison.
    const cells = [...doc.querySelectorAll('.kpis tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(cells[0]).to.deep.equal(['GMV', '$460', '–', '–']);
    expect(cells[2]).to.deep.equal(['Active customers', '4', '–', '–']);
    expect(doc.querySelector('.period')!.textContent).to.equal('Period: Jan 10, 2025 – Mar 10, 2025');
    // The revenue trend's chart (the KPIs and the insights have none), as an image under its heading.
    expect([...doc.querySelectorAll('figcaption')].map((c) => c.textContent)).to.deep.equal(['GMV by day']);
    expect(doc.querySelector('figure img')!.getAttribute('src')).to.match(/^data:image\/svg\+xml;base64,/);
    // Styled: the stylesheet is adopted (h1 at 20pt = 26.67px), and nothing carries a style attribute or a script.
    expect(doc.adoptedStyleSheets).to.have.length(1);
    expect(getComputedStyle(doc.querySelector('h1')!).fontSize).to.equal('26.6667px');
    expect(doc.querySelectorAll('script, [style]')).to.have.length(0);
    // One frame, however often it prints.
    button(report, '[part="print"]').click();
    expect(report.shadowRoot!.querySelectorAll('iframe.print-frame')).to.have.length(1);
  });

  it('downloads the standalone HTML and the Markdown', async () => {
    const seen = capture(report);
    button(report, '[data-download="html"]').click();
    button(report, '[data-download="md"]').click();
    expect(seen.saved.map((s) => s.name.replace(/\d{4}-\d\d-\d\d/, 'DATE'))).to.deep.equal([
      'executive-report-DATE.html',
      'executive-report-DATE.md',
    ]);
    const [page, markdown] = await Promise.all(seen.saved.map((s) => s.text));
    expect(page).to.match(/^<!doctype html>/);
    expect(page).to.contain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;`);
    expect(markdown).to.match(/^# Executive report\n\nScope: All data {2}\n/);
    expect(markdown).to.contain('| GMV | $460 | – | – |');
    expect(markdown).to.contain('## Findings and recommended actions');
    expect(markdown).to.contain('![GMV by day](data:image/svg+xml;base64,');
  });
});

describe('<mkt-report> without insights, page events, or under hostile names', () => {
  it('says there are no findings to report when the page has no <mkt-insights>, and why conversion is missing', async () => {
    const data: MktData = await mount(
      html`<mkt-data .source=${tinyDataset({ without: ['page_events'] })}><mkt-report></mkt-report></mkt-data>`,
    );
    const report = data.querySelector('mkt-report')!;
    await whenReady(data);
    await settled(report);
    const markdown = report.reportMarkdown();
    expect(markdown).to.contain('No findings: the page has no \\<mkt-insights\\>.');
    expect(markdown).to.contain('| Conversion rate (needs page events) | – | – | – |');
    data.remove();
  });

  it('keeps hostile category names literal in the scope, the findings and the charts', async () => {
    const data: MktData = await mount(
      html`<mkt-data .source=${hostileDataset()}>
        <mkt-report></mkt-report><mkt-revenue-trend></mkt-revenue-trend><mkt-insights></mkt-insights>
      </mkt-data>`,
    );
    const report = data.querySelector('mkt-report')!;
    await whenReady(data);
    data.setFilters({ categories: [HOSTILE_CATEGORIES.Electronics] });
    for (const w of data.querySelectorAll<MktWidget<unknown>>('mkt-report, mkt-revenue-trend, mkt-insights'))
      await settled(w);
    const seen = capture(report);
    button(report, '[part="print"]').click();
    const doc = seen.printed!;
    expect(doc.querySelector('.scope')!.textContent).to.equal(`Scope: Categories: ${HOSTILE_CATEGORIES.Electronics}`);
    // Only the chart images: the names' <img> stayed text.
    expect([...doc.images].every((img) => img.closest('figure'))).to.be.true;
    expect(doc.querySelectorAll('script, [onerror], [style]')).to.have.length(0);
    expect(text(report, '.scope')).to.contain(HOSTILE_CATEGORIES.Electronics);
    expect(report.shadowRoot!.querySelector('.scope img')).to.equal(null);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    data.remove();
  });
});
