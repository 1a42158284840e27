import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/** A legend of colour swatches; labels are text, never HTML. */
export function legend(items: readonly { label: string; color: string }[]): TemplateResult {
  return html`<ul class="legend" part="legend">
    ${items.map((i) => html`<li><span class="swatch" style=${styleMap({ background: i.color })}></span>${i.label}</li>`)}
  </ul>`;
}
