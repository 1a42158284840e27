import { html, type TemplateResult } from 'lit';

export interface TableColumn<R> {
  readonly label: string;
  readonly value: (row: R) => string;
  readonly numeric?: boolean;
  /** The unformatted value, for the CSV export (the displayed text otherwise). */
  readonly raw?: (row: R) => unknown;
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
            ${columns.map((c) => html`<td class=${c.numeric ? 'num' : ''}>${c.value(r)}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
