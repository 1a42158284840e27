import type { Formatter } from '../format/format.js';
import { recommendedAction, type RankedFinding } from '../models/findings.js';
import { escapeMarkdown } from '../models/insights.js';
import { REPORT_CSS, REPORT_CSS_HASH } from './report-styles.js';

/**
 * The executive report: the KPIs and their change, the ranked findings with their size, support and recommended
 * action, and the key charts, as Markdown and as a printable HTML document (the browser saves it as PDF). Pure: the
 * caller gathers the inputs under the current filters.
 *
 * Safety: every data string is escaped (HTML: `& < > " '`; Markdown: its formatting characters, line breaks folded).
 * Charts go in as images, `data:image/svg+xml;base64,…`: their markup never mixes with the report's, and an SVG
 * image cannot run script. The HTML has no script and no style attribute; its stylesheet (src/report/report-styles.ts)
 * arrives as `styles` says:
 * - `embedded` (default): a `<style>` element, allowed by the document's own Content-Security-Policy through its
 *   hash (`default-src 'none'; img-src data:; style-src 'sha256-…'`): a downloaded file that renders and prints alone;
 * - `linked`: `<link rel="stylesheet" href=stylesheetHref>`;
 * - `adopted`: no stylesheet in the markup; the caller adopts `reportStyleSheet()`. This is the way to print from a
 *   page under a strict CSP: a document written into an iframe inherits the page's policy, which allows no inline
 *   `<style>`, but constructed stylesheets are not subject to style-src.
 */
export interface ReportKpi {
  readonly label: string;
  readonly value: number | null;
  readonly prior: number | null;
  /** Relative change vs the prior period; null when there is nothing to compare with. */
  readonly change: number | null;
  readonly kind: 'money' | 'count' | 'percent';
  /** Shown under the value, e.g. "per order line: no order ids". */
  readonly note?: string;
}

export interface ReportChart {
  readonly title: string;
  /** A standalone SVG document, e.g. from `serializeSvg()` (src/charts/export.ts). */
  readonly svg: string;
  readonly caption?: string;
}

export interface ReportInput {
  readonly title?: string;
  /** The filters in words, e.g. "Fashion · Gold tier" or "All data". */
  readonly scope: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly prior?: { readonly from: string; readonly to: string } | null;
  /** When it was made, already formatted. */
  readonly generated: string;
  readonly kpis: readonly ReportKpi[];
  /** Ranked already (`rankFindings()`); the report keeps their order. */
  readonly findings: readonly RankedFinding[];
  /** Said instead of "Nothing stands out" when no findings were looked for (e.g. the page has no insights). */
  readonly findingsUnavailable?: string;
  readonly charts: readonly ReportChart[];
}

export interface ReportOptions {
  readonly styles?: 'embedded' | 'linked' | 'adopted';
  readonly stylesheetHref?: string;
}

export interface ExecutiveReport {
  readonly markdown: string;
  readonly html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const SVG_START = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/;

/** The SVG as a data URL (UTF-8, base64); a string that is not an SVG document is refused. */
export function svgDataUrl(svg: string): string {
  if (!SVG_START.test(svg)) throw new TypeError('A report chart must be an SVG document (<svg …>)');
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function kpiText(k: ReportKpi, f: Formatter) {
  const value = (v: number | null) =>
    k.kind === 'money' ? f.money(v) : k.kind === 'percent' ? f.percent(v, 1) : f.count(v);
  return { value: value(k.value), prior: value(k.prior), change: k.change === null ? '–' : f.change(k.change) };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const md = (text: string) => escapeMarkdown(oneLine(text));

function periodText(input: ReportInput, f: Formatter): string {
  const range = (p: { from: string; to: string }) => `${f.date(p.from)} – ${f.date(p.to)}`;
  return input.prior ? `${range(input.period)}, compared with ${range(input.prior)}` : range(input.period);
}

function findingDetails(x: RankedFinding): [string, string][] {
  return [
    ['Size', x.size.text],
    ['Support', x.support ? x.support.text : 'descriptive (no test)'],
    ['Action', recommendedAction(x)],
    ...(x.filterLabel ? [['Filter', x.filterLabel] as [string, string]] : []),
  ];
}

const noFindings = (input: ReportInput) => input.findingsUnavailable ?? 'Nothing stands out under these filters.';

/** The report as Markdown: one file, charts as data-URL images (most Markdown viewers show them). */
export function reportMarkdown(input: ReportInput, f: Formatter): string {
  const lines = [
    `# ${md(input.title ?? 'Executive report')}`,
    '',
    `Scope: ${md(input.scope)}  `,
    `Period: ${md(periodText(input, f))}`,
    '',
    '## Key figures',
    '',
  ];
  if (input.kpis.length === 0) lines.push('No figures for this selection.');
  else {
    lines.push('| KPI | Value | Prior period | Change |', '| --- | ---: | ---: | ---: |');
    for (const k of input.kpis) {
      const t = kpiText(k, f);
      const note = k.note ? ` (${md(k.note)})` : '';
      lines.push(`| ${md(k.label)}${note} | ${md(t.value)} | ${md(t.prior)} | ${md(t.change)} |`);
    }
  }
  lines.push('', '## Findings and recommended actions', '');
  if (input.findings.length === 0) lines.push(md(noFindings(input)));
  input.findings.forEach((x, i) => {
    lines.push(`${i + 1}. **${md(x.text)}.**`);
    for (const [label, text] of findingDetails(x)) lines.push(`   - ${label}: ${md(text)}`);
  });
  if (input.charts.length > 0) {
    lines.push('', '## Charts');
    for (const c of input.charts) {
      lines.push('', `![${md(c.title)}](${svgDataUrl(c.svg)})`);
      if (c.caption) lines.push('', `_${md(c.caption)}_`);
    }
  }
  lines.push('', `_Generated ${md(input.generated)} by marketkit._`, '');
  return lines.join('\n');
}

function stylesheet(options: ReportOptions): { csp: string; head: string } {
  const base = "default-src 'none'; img-src data:";
  switch (options.styles ?? 'embedded') {
    case 'embedded':
      return { csp: `${base}; style-src ${REPORT_CSS_HASH}`, head: `<style>${REPORT_CSS}</style>` };
    case 'linked':
      if (!options.stylesheetHref) throw new TypeError("styles: 'linked' needs a stylesheetHref");
      return {
        csp: `${base}; style-src * blob: data:`,
        head: `<link rel="stylesheet" href="${escapeHtml(options.stylesheetHref)}">`,
      };
    case 'adopted':
      return { csp: base, head: '' };
  }
}

/** The report as a standalone, printable HTML document. */
export function reportHtml(input: ReportInput, f: Formatter, options: ReportOptions = {}): string {
  const e = (text: string) => escapeHtml(oneLine(text));
  const { csp, head } = stylesheet(options);
  const kpis = input.kpis.length
    ? `<table><thead><tr><th>KPI</th><th class="num">Value</th><th class="num">Prior period</th><th class="num">Change</th></tr></thead><tbody>${input.kpis
        .map((k) => {
          const t = kpiText(k, f);
          const trend = k.change === null || k.change === 0 ? '' : k.change > 0 ? ' up' : ' down';
          const note = k.note ? `<span class="note">${e(k.note)}</span>` : '';
          return `<tr><td>${e(k.label)}${note}</td><td class="num">${e(t.value)}</td><td class="num">${e(t.prior)}</td><td class="num change${trend}">${e(t.change)}</td></tr>`;
        })
        .join('')}</tbody></table>`
    : '<p class="empty">No figures for this selection.</p>';
  const findings = input.findings.length
    ? `<ol class="findings">${input.findings
        .map(
          (x) =>
            `<li><p class="finding">${e(x.text)}.</p>${findingDetails(x)
              .map(([label, text]) => `<p class="detail"><b>${label}:</b> ${e(text)}</p>`)
              .join('')}</li>`,
        )
        .join('')}</ol>`
    : `<p class="empty">${e(noFindings(input))}</p>`;
  const charts = input.charts.length
    ? `<section class="charts"><h2>Charts</h2>${input.charts
        .map(
          (c) =>
            `<figure><img src="${svgDataUrl(c.svg)}" alt="${e(c.title)}"><figcaption>${e(c.caption ? `${c.title}: ${c.caption}` : c.title)}</figcaption></figure>`,
        )
        .join('')}</section>`
    : '';
  const title = e(input.title ?? 'Executive report');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
<main class="report">
<header><h1>${title}</h1><p class="scope">Scope: ${e(input.scope)}</p><p class="period">Period: ${e(periodText(input, f))}</p></header>
<section class="kpis"><h2>Key figures</h2>${kpis}</section>
<section><h2>Findings and recommended actions</h2>${findings}</section>
${charts}
<footer>Generated ${e(input.generated)} by marketkit.</footer>
</main>
</body>
</html>
`;
}

/** Both forms at once. */
export function executiveReport(input: ReportInput, f: Formatter, options: ReportOptions = {}): ExecutiveReport {
  return { markdown: reportMarkdown(input, f), html: reportHtml(input, f, options) };
}
