import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { integerIn } from '../base/attribute-check.js';
import { downloadBlob, exportFileName, type ExportTable } from '../../charts/export.js';
import { queryKpis, type KpiResult } from '../kpis/kpi-list.js';
import { reportHtml, reportMarkdown, type ReportInput } from '../../report/executive-report.js';
import { reportStyleSheet } from '../../report/report-styles.js';
import { dashboardCharts, dashboardFindings, reportInput, scopeWords } from './report-input.js';
import { reportStyles } from './mkt-report.styles.js';

/**
 * The executive report of the dashboard, for the current filters, in one click: the KPIs with their change against
 * the prior period, the ranked findings and recommended actions of the page's `<mkt-insights>`, and the page's
 * charts as images (each widget's own SVG export, as on screen). **Print or save as PDF** opens the browser's print
 * dialog on the report (an A4 print stylesheet); **HTML** downloads it as one standalone file (its own
 * Content-Security-Policy, no script); **Markdown** downloads the same content as Markdown. Data strings are
 * escaped in both (src/report/executive-report.ts).
 *
 * Under a strict Content-Security-Policy the print view works as is: the report is written into a hidden frame of
 * this element and styled with a constructed stylesheet (allowed under any `style-src`), with no inline style and
 * no script.
 *
 * A separate element rather than a button of `<mkt-insights>`: the report gathers the whole dashboard (KPIs, every
 * chart), not only the findings, and a page may want one without the other.
 *
 * @summary One click to a printable executive report (HTML / PDF) and its Markdown, for the current filters.
 * @fires mkt-error - As every widget (`query-failed`, `attribute-invalid`, `export-failed`).
 * @csspart card - The widget's frame.
 * @csspart actions - The row of buttons.
 * @csspart print - The "Print or save as PDF" button.
 * @csspart download - The HTML and Markdown download buttons.
 */
@customElement('mkt-report')
export class MktReport extends MktWidget<KpiResult> {
  static override styles = [...MktWidget.styles, reportStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** The report's title. */
  @property({ attribute: 'report-title' }) reportTitle = 'Executive report';
  /** Most charts in the report, in page order. */
  @property({ type: Number }) charts = 8;

  private get chartLimit(): number {
    return this.validAttribute('charts', this.charts, integerIn(0, 30), 8, 'a whole number from 0 to 30');
  }

  protected override query(context: QueryContext): Promise<KpiResult> {
    return queryKpis(context);
  }

  protected override isEmpty(result: KpiResult): boolean {
    return result.kpis.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No data to report on.';
  }

  /** The report's content now: the KPIs of the current result, the findings and charts on the page. */
  reportInput(): ReportInput | null {
    const kpis = this.task.value;
    if (!kpis || !this.dashboard) return null;
    const charts = dashboardCharts(this, this.chartLimit);
    return reportInput(kpis, this.dashboard.filters, dashboardFindings(this), charts, this.format, this.reportTitle);
  }

  /** The report as a standalone HTML document ('' before the KPIs are in). */
  reportHtml(): string {
    const input = this.reportInput();
    return input ? reportHtml(input, this.format) : '';
  }

  /** The report as Markdown ('' before the KPIs are in). */
  reportMarkdown(): string {
    const input = this.reportInput();
    return input ? reportMarkdown(input, this.format) : '';
  }

  /** Writes the report into a hidden frame and opens the print dialog on it. */
  print(): void {
    const input = this.reportInput();
    if (!input) return;
    this.renderRoot.querySelector('iframe.print-frame')?.remove();
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.title = input.title ?? 'Executive report';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    this.renderRoot.append(frame);
    const doc = frame.contentDocument!;
    doc.open();
    doc.write(reportHtml(input, this.format, { styles: 'adopted' }));
    doc.close();
    doc.adoptedStyleSheets = [reportStyleSheet(doc)];
    this.openPrintDialog(frame.contentWindow!);
  }

  /** The browser's print dialog (a seam for tests). */
  protected openPrintDialog(view: Window): void {
    view.focus();
    view.print();
  }

  /** Saves a file (a seam for tests). */
  protected save(blob: Blob, fileName: string): void {
    downloadBlob(blob, fileName);
  }

  private download(kind: 'html' | 'md') {
    const text = kind === 'html' ? this.reportHtml() : this.reportMarkdown();
    if (!text) return;
    const type = kind === 'html' ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8';
    this.save(new Blob([text], { type }), exportFileName('executive-report', kind));
  }

  protected override exportTable(result: KpiResult): ExportTable {
    return {
      columns: ['KPI', 'Value', 'Prior period value', 'Change vs prior'],
      rows: result.kpis.map((k) => [k.label, k.value, k.prior, k.change]),
    };
  }

  protected override renderResult(r: KpiResult) {
    const f = this.format;
    const filters = this.dashboard?.filters;
    return html`<p class="scope">
        ${filters ? scopeWords(filters) : 'All data'}, ${f.date(r.periods.current.from)} –
        ${f.date(r.periods.current.to)}: the key figures, the ranked findings and recommended actions, and up to
        ${this.chartLimit} charts of this page.
      </p>
      <div class="actions" part="actions">
        <button type="button" class="primary" part="print" @click=${() => this.print()}>Print or save as PDF</button>
        <button type="button" part="download" data-download="html" @click=${() => this.download('html')}>HTML</button>
        <button type="button" part="download" data-download="md" @click=${() => this.download('md')}>Markdown</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-report': MktReport;
  }
}
