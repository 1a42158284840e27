import { html, type TemplateResult } from 'lit';
import { styleProps } from './style-props.js';

/** A legend of colour swatches; labels are text, never HTML. */
export function legend(items: readonly { label: string; color: string }[]): TemplateResult {
  return html`<ul class="legend" part="legend">
    ${items.map((i) => html`<li><span class="swatch" ${styleProps({ background: i.color })}></span>${i.label}</li>`)}
  </ul>`;
}
