import { html, type TemplateResult } from 'lit';

export interface TableColumn<R> {
  readonly label: string;
  readonly value: (row: R) => string;
  readonly numeric?: boolean;
  /** The unformatted value, for the CSV export (the displayed text otherwise). */
  readonly raw?: (row: R) => unknown;
  /** Draws the cell (a button, ...) instead of the `value` text; CSV exports still take `value`. */
  readonly cell?: (row: R) => TemplateResult;
  /** The cell names its row (a `<th scope="row">`). */
  readonly rowHeader?: boolean;
  /** A class for the column's cells, beside `num` (for styles of the element's own). */
  readonly class?: string;
}

/** The data behind a chart as a plain table: the chart's text alternative and its "table view". */
export function dataTable<R>(caption: string, columns: readonly TableColumn<R>[], rows: readonly R[]): TemplateResult {
  return html`<table class="data" part="table">
    <caption class="visually-hidden">
      ${caption}
    </caption>
    <thead>
      <tr>
        ${columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            ${columns.map((c) =>
              c.rowHeader
                ? html`<th scope="row" class=${cellClass(c)}>${c.cell ? c.cell(r) : c.value(r)}</th>`
                : html`<td class=${cellClass(c)}>${c.cell ? c.cell(r) : c.value(r)}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const cellClass = (c: TableColumn<never>) => [c.numeric ? 'num' : '', c.class ?? ''].filter(Boolean).join(' ');

/** A column of numbers: `text` of the value shown, the value itself in the CSV export. */
export function numberColumn<R>(
  label: string,
  raw: (row: R) => number | null,
  text: (value: number | null) => string,
): TableColumn<R> {
  return { label, value: (row) => text(raw(row)), raw, numeric: true };
}
