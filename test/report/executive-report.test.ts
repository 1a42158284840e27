import { expect } from '@open-wc/testing';
import { formatter } from '../../src/format/format.js';
import { returnSpikeFinding } from '../../src/models/finding-candidates.js';
import {
  escapeHtml,
  executiveReport,
  reportHtml,
  reportMarkdown,
  svgDataUrl,
  type ReportInput,
} from '../../src/report/executive-report.js';
import { REPORT_CSS, REPORT_CSS_HASH, reportStyleSheet } from '../../src/report/report-styles.js';
import { RETURN_SPIKE_ROWS } from '../fixtures/return-spike.js';

const f = formatter('en-US', 'USD');

// The Fashion return spike of test/models/findings.test.ts: 60/250 now vs 36/240 before, z = 2.51.
const spike = returnSpikeFinding(RETURN_SPIKE_ROWS, f)!;

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#4a7"/><text x="2" y="14">São Paulo ✓</text></svg>';

const input: ReportInput = {
  scope: 'All data',
  period: { from: '2025-03-01', to: '2025-03-31' },
  prior: { from: '2025-01-29', to: '2025-02-28' },
  generated: 'Mar 31, 2025',
  kpis: [
    { label: 'GMV', kind: 'money', value: 12_345.6, prior: 11_000, change: 0.1223 },
    { label: 'Active customers', kind: 'count', value: 1234, prior: 1300, change: -0.0508 },
  ],
  findings: [spike],
  charts: [],
};

/** Loads HTML into an iframe (srcdoc: the report's own CSP applies) and resolves with its document. */
async function frame(html: string, adopt = false): Promise<{ doc: Document; violations: string[]; done(): void }> {
  const iframe = document.createElement('iframe');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.srcdoc = html;
  document.body.append(iframe);
  await loaded;
  const doc = iframe.contentDocument!;
  const violations: string[] = [];
  doc.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
  if (adopt) doc.adoptedStyleSheets = [reportStyleSheet(doc)];
  await Promise.all([...doc.images].map((img) => img.decode().catch(() => undefined)));
  return { doc, violations, done: () => iframe.remove() };
}

describe('executive report', () => {
  it('reportMarkdown() lays out the KPIs, the findings with size, support, action and filter', () => {
    // GMV 12,345.6 → $12,346 (no cents); change +12.2%. Customers 1,234 vs 1,300: −5.1%.
    expect(reportMarkdown(input, f)).to.equal(
      [
        '# Executive report',
        '',
        'Scope: All data  ',
        'Period: Mar 1, 2025 – Mar 31, 2025, compared with Jan 29, 2025 – Feb 28, 2025',
        '',
        '## Key figures',
        '',
        '| KPI | Value | Prior period | Change |',
        '| --- | ---: | ---: | ---: |',
        '| GMV | $12,346 | $11,000 | +12.2% |',
        '| Active customers | 1,234 | 1,300 | -5.1% |',
        '',
        '## Findings and recommended actions',
        '',
        '1. **Returns of Fashion rose to 24.0% from 15.0% in the prior period, about $900 more returned.**',
        '   - Size: +9.0 pts',
        '   - Support: +9.0 pts (95% CI +2.0 to +15.9), z = 2.51, p = 0.04 (Bonferroni over 3 categories)',
        '   - Action: Review the listings, sizing information and suppliers of this category, starting with the most frequent return reasons.',
        '   - Filter: Show Fashion',
        '',
        '_Generated Mar 31, 2025 by marketkit._',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report, and embeds charts as SVG images', () => {
    const text = reportMarkdown(
      { ...input, kpis: [], findings: [], charts: [{ title: 'GMV', svg: SVG, caption: 'by day' }] },
      f,
    );
    expect(text).to.contain('No figures for this selection.');
    expect(text).to.contain('Nothing stands out under these filters.');
    expect(text).to.contain(`![GMV](${svgDataUrl(SVG)})`);
    expect(text).to.contain('_by day_');
    // No findings looked for (the page has no insights): said as such, escaped, in both forms.
    const none = { ...input, findings: [], findingsUnavailable: 'No <mkt-insights> here' };
    expect(reportMarkdown(none, f)).to.contain('\n\nNo \\<mkt-insights\\> here\n');
    expect(reportHtml(none, f)).to.contain('<p class="empty">No &lt;mkt-insights&gt; here</p>');
    expect(reportHtml(none, f)).not.to.contain('Nothing stands out');
  });

  it('svgDataUrl() keeps UTF-8 text and refuses what is not an SVG', () => {
    const url = svgDataUrl(SVG);
    const bytes = Uint8Array.from(atob(url.slice('data:image/svg+xml;base64,'.length)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).to.equal(SVG);
    expect(svgDataUrl(`<?xml version="1.0"?>\n${SVG}`)).to.match(/^data:image\/svg\+xml;base64,/);
    expect(() => svgDataUrl('<script>alert(1)</script>')).to.throw(TypeError);
    expect(() => svgDataUrl('<html><svg></svg></html>')).to.throw(TypeError);
  });

  it('keeps hostile data strings literal in HTML and Markdown', async () => {
    const evil = `<img src=x onerror="alert(1)"> & 'quote' <script>alert(2)</script>`;
    const hostile: ReportInput = {
      ...input,
      title: `Report ${evil}`,
      scope: evil,
      kpis: [{ label: evil, kind: 'count', value: 1, prior: null, change: null, note: evil }],
      findings: [{ ...spike, text: evil, filterLabel: evil }],
      charts: [{ title: `"${evil}`, svg: SVG, caption: evil }],
    };
    const { html, markdown } = executiveReport(hostile, f);
    expect(html).not.to.contain('<script');
    expect(html).not.to.contain('<img src=x');
    expect(escapeHtml(`<a href="x">'&'</a>`)).to.equal('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const { doc, done } = await frame(html);
    try {
      expect(doc.querySelectorAll('script')).to.have.length(0);
      expect(doc.querySelector('.scope')!.textContent).to.equal(`Scope: ${evil}`);
      expect(doc.querySelector('.finding')!.textContent).to.equal(`${evil}.`);
      expect(doc.querySelector('figure img')!.getAttribute('alt')).to.equal(`"${evil}`);
      // The only images are the chart's, and no element carries a handler or a style attribute.
      expect(doc.images).to.have.length(1);
      const all = [...doc.querySelectorAll('*')];
      expect(
        all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on') || a.name === 'style')),
      ).to.deep.equal([]);
    } finally {
      done();
    }
    // Markdown: tags and emphasis come out escaped, not as markup.
    expect(markdown).to.contain(
      'Scope: \\<img src=x onerror="alert(1)"\\> & \'quote\' \\<script\\>alert(2)\\</script\\>',
    );
  });

  it("REPORT_CSS_HASH is the stylesheet's SHA-256", async () => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(REPORT_CSS));
    const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(REPORT_CSS_HASH).to.equal(`'sha256-${base64}'`);
  });

  it('the HTML styles and prints under its own strict CSP: the stylesheet by hash, charts as data images', async () => {
    const html = reportHtml({ ...input, charts: [{ title: 'GMV', svg: SVG }] }, f);
    expect(html).to.contain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src ${REPORT_CSS_HASH}">`,
    );
    const { doc, violations, done } = await frame(html);
    try {
      // h1 at 20pt = 26.67px (the browser default is 2em = 32px): the hashed stylesheet applied.
      expect(getComputedStyle(doc.querySelector('h1')!).fontSize).to.equal('26.6667px');
      expect(getComputedStyle(doc.querySelector('td.change.up')!).color).to.equal('rgb(26, 127, 55)');
      expect(getComputedStyle(doc.querySelector('td.change.down')!).color).to.equal('rgb(207, 34, 46)');
      const img = doc.querySelector('figure img') as HTMLImageElement;
      expect(img.naturalWidth).to.equal(40);
      expect(violations).to.deep.equal([]);
      const sheet = doc.styleSheets[0];
      const rules = [...sheet.cssRules];
      // The iframe's own CSSOM classes: rules are told apart by their constructor's name.
      expect(rules.some((r) => r.constructor.name === 'CSSPageRule')).to.equal(true);
      expect(
        rules.some((r) => r.constructor.name === 'CSSMediaRule' && (r as CSSMediaRule).media.mediaText === 'print'),
      ).to.equal(true);
    } finally {
      done();
    }
  });

  it('a tampered stylesheet is refused by the CSP, and the adopted mode styles through a constructed sheet', async () => {
    const tampered = reportHtml(input, f).replace('font-size: 20pt', 'font-size: 21pt');
    const a = await frame(tampered);
    try {
      expect(getComputedStyle(a.doc.querySelector('h1')!).fontSize).to.equal('32px');
    } finally {
      a.done();
    }
    const adopted = reportHtml(input, f, { styles: 'adopted' });
    expect(adopted).not.to.contain('<style');
    expect(adopted).not.to.contain('<link');
    const b = await frame(adopted, true);
    try {
      expect(getComputedStyle(b.doc.querySelector('h1')!).fontSize).to.equal('26.6667px');
    } finally {
      b.done();
    }
    expect(reportHtml(input, f, { styles: 'linked', stylesheetHref: 'r.css?a="b"' })).to.contain(
      '<link rel="stylesheet" href="r.css?a=&quot;b&quot;">',
    );
    expect(() => reportHtml(input, f, { styles: 'linked' })).to.throw(TypeError);
  });
});
