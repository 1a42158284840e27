import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from './style-props.js';

export interface LegendItem {
  readonly label: string;
  /** The swatch's colour; or a dashed line (`dashed`), muted or in the first series' colour (`accent`). */
  readonly color?: string;
  readonly dashed?: boolean;
  readonly accent?: boolean;
  readonly class?: string;
}

/** A legend of colour swatches (or dashed lines); labels are text, never HTML. Nothing when there are no items. */
export function legend(items: readonly LegendItem[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<ul class="legend" part="legend">
    ${items.map(
      (i) =>
        html`<li class=${i.class ?? nothing}>
          <span
            class="swatch ${i.dashed ? 'dashed' : ''} ${i.accent ? 'accent' : ''}"
            ${styleProps({ background: i.color })}
          ></span
          >${i.label}
        </li>`,
    )}
  </ul>`;
}
