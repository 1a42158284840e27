import { html, nothing } from 'lit';

/**
 * Short warnings about a result, shown in the widget (MktWidget's `.issues` box), not only in a tooltip: a model
 * fit that did not converge, a score that cannot tell customers apart. Nothing when there are none.
 */
export function warningsBox(warnings: readonly string[], name: string) {
  if (warnings.length === 0) return nothing;
  return html`<div class="issues" part="warnings" role="note" data-warnings=${name}>
    ${
      warnings.length === 1
        ? warnings[0]
        : html`<ul>
            ${warnings.map((w) => html`<li>${w}</li>`)}
          </ul>`
    }
  </div>`;
}
