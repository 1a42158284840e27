import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { downloadBlob, exportFileName, serializeSvg, svgToPng, toCsv, type ExportTable } from '../../charts/export.js';
import { dataTable, type TableColumn } from '../../charts/data-table.js';
import { MktErrorEvent } from '../../events/error.js';
import { tableToggle } from './table-toggle.js';

/** The numbers behind a chart as a table (see `MktWidget.dataView`). */
export interface DataView<R> {
  readonly caption: string;
  readonly columns: readonly TableColumn<R>[];
  readonly rows: readonly R[];
}

/** What the Download menu offers. */
export type ExportFormat = 'csv' | 'svg' | 'png';

/** What the export controller asks its widget. */
export interface ExportSource<T> {
  /** The result on screen, when there is one and it is not empty. */
  shown(): T | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  dataView(result: T): DataView<any> | null;
  exportTable(result: T): ExportTable | null;
  /** Whether `exportTable(result)` is not null, without building it where the widget knows. */
  hasExportTable(result: T): boolean;
  /** The `<svg>` to export. */
  chart(): SVGSVGElement | null;
  /** The widget's title, for the menu's label and the SVG's title. */
  heading(): string;
}

type ExportHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The numbers and the chart of a widget, taken out: CSV of its rows, SVG / PNG of its chart, the Download menu
 * that offers them, and the "Table" toggle that shows the rows in place of the chart (its text alternative).
 */
export class ExportController<T> implements ReactiveController {
  /** A chart is on screen (the Download menu offers SVG and PNG). */
  private hasChart = false;
  /** The "Table" toggle is on. */
  private tableShown = false;
  private readonly offered = new WeakMap<object, { table: boolean; csv: boolean }>();

  constructor(
    private readonly host: ExportHost,
    private readonly source: ExportSource<T>,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // Whether there is a chart, not which one: measuring sizes here would force a layout after every update.
    const has = this.source.shown() !== undefined && this.chartCandidates().length > 0;
    // After this update, not during it: the chart is only known once rendered.
    if (has !== this.hasChart)
      queueMicrotask(() => {
        this.hasChart = has;
        this.host.requestUpdate();
      });
  }

  /**
   * The largest `<svg>` of the body that is not a legend's, a table's, hidden or nested; sized by its width and
   * height attributes where it has them (no layout), else by its box.
   */
  largestChart(): SVGSVGElement | null {
    let best: SVGSVGElement | null = null;
    let area = 0;
    for (const svg of this.chartCandidates()) {
      const [w, h] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
      const box = w > 0 && h > 0 ? { width: w, height: h } : svg.getBoundingClientRect();
      if (box.width * box.height > area) [best, area] = [svg, box.width * box.height];
    }
    return best;
  }

  private chartCandidates(): SVGSVGElement[] {
    return [...this.host.renderRoot.querySelectorAll<SVGSVGElement>('.body svg')].filter(
      (svg) => !svg.closest('.seq-legend, .legend, table, .visually-hidden') && !svg.parentElement?.closest('svg'),
    );
  }

  /**
   * Whether a result has a table view and CSV rows, worked out once per result: building the export table on
   * every render to see whether there is one cost more than drawing some charts.
   */
  private offers(result: T): { table: boolean; csv: boolean } {
    const work = () => ({
      table: this.source.dataView(result) !== null,
      csv: this.source.hasExportTable(result),
    });
    if (typeof result !== 'object' || result === null) return work();
    let found = this.offered.get(result);
    if (!found) this.offered.set(result, (found = work()));
    return found;
  }

  csv(): string {
    const result = this.source.shown();
    const table = result === undefined ? null : this.source.exportTable(result);
    if (!table) throw new Error(`<${this.host.localName}> has no data to export.`);
    return toCsv(table);
  }

  svg(): string {
    const chart = this.source.shown() === undefined ? null : this.source.chart();
    if (!chart) throw new Error(`<${this.host.localName}> shows no chart to export.`);
    const card = this.host.renderRoot.querySelector('.card');
    const bg = card ? getComputedStyle(card).backgroundColor : '';
    return serializeSvg(chart, {
      background: bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' ? bg : '#ffffff',
      title: chart.getAttribute('aria-label') ?? (this.source.heading() || this.host.localName),
    });
  }

  png(scale = 2): Promise<Blob> {
    return svgToPng(this.svg(), scale);
  }

  async download(format: ExportFormat): Promise<void> {
    const name = exportFileName(this.host.localName, format);
    if (format === 'csv') downloadBlob(new Blob(['\ufeff', this.csv()], { type: 'text/csv;charset=utf-8' }), name);
    else if (format === 'svg') downloadBlob(new Blob([this.svg()], { type: 'image/svg+xml' }), name);
    else downloadBlob(await this.png(), name);
  }

  /** The header's "Table" toggle, for a result with a data view. */
  renderToggle(): TemplateResult | typeof nothing {
    const shown = this.source.shown();
    if (shown === undefined || !this.offers(shown).table) return nothing;
    return tableToggle(this.tableShown, () => this.toggleTable(), 'toggle table-toggle');
  }

  private toggleTable(): void {
    this.tableShown = !this.tableShown;
    this.host.requestUpdate();
  }

  /** The chart, or its data view as a table while the "Table" toggle is on. */
  renderView(value: T, chart: () => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    const view = this.tableShown ? this.source.dataView(value) : null;
    if (!view) return chart();
    return html`<div class="table-view" part="table-view" role="region" aria-label=${view.caption} tabindex="0">
      ${dataTable(view.caption, view.columns, view.rows)}
    </div>`;
  }

  /** A disclosure menu (a `<details>`: keyboard and screen readers work natively); Escape closes it. */
  renderMenu(): TemplateResult | typeof nothing {
    const result = this.source.shown();
    const csv = result !== undefined && this.offers(result).csv;
    if (!csv && !this.hasChart) return nothing;
    const item = (format: ExportFormat, label: string, what: string) =>
      html`<li>
        <button type="button" data-export=${format} @click=${(e: Event) => this.menuDownload(e, format)}>
          ${label} <span class="what">${what}</span>
        </button>
      </li>`;
    return html`<details class="export" part="export" @keydown=${this.onKey} @focusout=${this.onFocusOut}>
      <summary part="export-button" aria-label=${`Download ${this.source.heading() || 'data'}`}>Download</summary>
      <ul class="export-menu" part="export-menu">
        ${csv ? item('csv', 'CSV', 'data') : nothing}
        ${this.hasChart ? html`${item('svg', 'SVG', 'chart')}${item('png', 'PNG', 'image')}` : nothing}
      </ul>
    </details>`;
  }

  private async menuDownload(event: Event, format: ExportFormat): Promise<void> {
    const menu = (event.currentTarget as Element).closest('details');
    if (menu) menu.open = false;
    menu?.querySelector('summary')?.focus();
    try {
      await this.download(format);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.host.dispatchEvent(new MktErrorEvent({ code: 'export-failed', message, source: this.host.localName }));
    }
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const menu = e.currentTarget as HTMLDetailsElement;
    if (e.key !== 'Escape' || !menu.open) return;
    e.stopPropagation();
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };

  private readonly onFocusOut = (e: FocusEvent) => {
    const menu = e.currentTarget as HTMLDetailsElement;
    if (!menu.contains(e.relatedTarget as Node | null)) menu.open = false;
  };
}
