/**
 * The executive report's stylesheet: screen and print (A4 pages, no figure or finding split across pages). It is
 * only ever a stylesheet (a `<style>` element allowed by its hash, a linked file, or a constructed sheet): the
 * report's HTML has no style attributes.
 */
export const REPORT_CSS = `@page { size: A4; margin: 18mm 16mm; }
:root { color-scheme: light; }
body { margin: 0; color: #1f2328; background: #fff; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.report { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 0.25rem; }
h2 { font-size: 13pt; margin: 1.5rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #d0d7de; }
.scope, .period, .generated { margin: 0; color: #57606a; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 0.3rem 0.5rem; text-align: left; border-bottom: 1px solid #d0d7de; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: #1a7f37; }
.down { color: #cf222e; }
.note { display: block; color: #57606a; font-size: 9pt; }
ol.findings { padding-left: 1.25rem; }
ol.findings li { margin: 0 0 0.8rem; break-inside: avoid; }
.finding { margin: 0; font-weight: 600; }
.detail { margin: 0.1rem 0; color: #424a53; }
.detail b { color: #1f2328; }
figure { margin: 1rem 0; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #d0d7de; }
figcaption { margin-top: 0.25rem; color: #57606a; font-size: 9.5pt; }
.empty { color: #57606a; }
footer { margin-top: 2rem; color: #57606a; font-size: 9pt; }
@media print {
  .report { max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;

/**
 * The CSP source that allows exactly {@link REPORT_CSS} in a `<style>` element: its SHA-256, base64
 * (test/report/executive-report.test.ts recomputes it, so an edit of the CSS that forgets it fails there).
 */
export const REPORT_CSS_HASH = "'sha256-41quYUf1AdtY4GK0YUHmyvNnYK54efCEgNoA7g9rgFY='";

/**
 * The stylesheet as a constructed sheet for `target.adoptedStyleSheets` (allowed under any style-src). A constructed
 * sheet serves only the document it was made for: pass the report's (an iframe's `contentDocument`).
 */
export function reportStyleSheet(target: Document = document): CSSStyleSheet {
  const view = target.defaultView as (Window & typeof globalThis) | null;
  if (!view) throw new TypeError('reportStyleSheet needs a document shown in a window (an attached iframe)');
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(REPORT_CSS);
  return sheet;
}
