import { html, nothing, svg, type TemplateResult } from 'lit';
import { scaleLinear } from 'd3';
import { onActivate } from './cursor-keys.js';

export interface Bar {
  /** Identifies the bar: its `data-key`, and what a click selects. */
  readonly key: string;
  readonly label: string;
  /** null: no value (an empty bar). */
  readonly value: number | null;
  /** The value as read beside the bar: "12.5% · 3 of 24". */
  readonly text: string;
}

/** Bars the user can select (toggle a filter): each one a focusable button. */
export interface BarsSelection {
  readonly selected: ReadonlySet<string>;
  readonly toggle: (key: string) => void;
  /** The bar's accessible name. */
  readonly label: (bar: Bar, selected: boolean) => string;
  readonly enter?: (event: Event, bar: Bar) => void;
  readonly leave?: () => void;
}

export interface BarsOptions {
  readonly width: number;
  /** Height of one row (default 24). */
  readonly rowHeight?: number;
  /** Room for the labels, left of the bars. */
  readonly labelWidth: number;
  /** Room for the value text, right of the bars' track. */
  readonly valueWidth: number;
  /** The value at the full length of a bar (default the largest value, at least `minMax`). */
  readonly max?: number;
  readonly minMax?: number;
  /** Draw a track behind each bar, the full length. */
  readonly track?: boolean;
  /** The value text at the end of the bar (default: after the track). */
  readonly valueAtBar?: boolean;
  /** The chart in words (an image), or null to hide it from assistive tech (a table says it instead). */
  readonly label: string | null;
  readonly select?: BarsSelection;
  /** Labels above the bars, left-aligned (narrow charts; pass `labelWidth: 0`): the row grows by 16 px for them. */
  readonly labelsAbove?: boolean;
  /** Shorten a label that does not fit its room (about 6.5 px a character at 12 px) with an ellipsis. */
  readonly fitLabels?: boolean;
  /** The `part` of each bar's row. */
  readonly part?: string;
}

const ABOVE = 16;

/** `text` shortened to about `room` px, with an ellipsis. */
function fit(text: string, room: number): string {
  const chars = Math.max(4, Math.floor(room / 6.5));
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/**
 * Horizontal bars, one row each: label, (track), bar and value text. Plain, an image with a label; with
 * `select`, every bar is a focusable toggle button (Enter or Space) and the chart a group.
 */
export function bars(rows: readonly Bar[], options: BarsOptions): TemplateResult {
  const above = options.labelsAbove ? ABOVE : 0;
  const row = (options.rowHeight ?? 24) + above;
  const { width, labelWidth } = options;
  const barW = Math.max(40, width - labelWidth - options.valueWidth);
  const top = options.max ?? Math.max(options.minMax ?? 1e-9, ...rows.map((r) => r.value ?? 0));
  const x = scaleLinear().domain([0, top]).range([0, barW]).clamp(true);
  const height = rows.length * row;
  const select = options.select;
  const bar = (r: Bar, i: number) => {
    const w = Math.round(x(r.value ?? 0) * 100) / 100;
    const on = select?.selected.has(r.key) ?? false;
    const name = options.fitLabels ? fit(r.label, above ? width : labelWidth - 10) : r.label;
    const middle = above + (row - above) / 2;
    const hidden = select ? 'true' : nothing;
    const marks = svg`${
      above
        ? svg`<text class="name" x="0" y=${above - 4} aria-hidden=${hidden}>${name}</text>`
        : svg`<text class="name" x=${labelWidth - 8} y=${row / 2} dy="0.32em" text-anchor="end" aria-hidden=${hidden}>${name}</text>`
    }
      ${options.track ? svg`<rect class="track" x=${labelWidth} y=${above + 4} width=${barW} height=${row - above - 8} rx="3"></rect>` : nothing}
      <rect class="bar" x=${labelWidth} y=${above + 4} width=${Math.max(r.value ? 1 : 0, w)} height=${row - above - 8} rx="3"></rect>
      <text class="value" x=${labelWidth + (options.valueAtBar ? w + 4 : barW + 6)} y=${middle} dy="0.32em"
        aria-hidden=${hidden}>${r.text}</text>`;
    if (!select)
      return svg`<g class="bar-row" part=${options.part ?? nothing} data-key=${r.key} transform="translate(0,${i * row})">${marks}</g>`;
    const toggle = () => select.toggle(r.key);
    return svg`<g class="bar-row mark ${on ? 'selected' : select.selected.size > 0 ? 'dim' : ''}" part=${options.part ?? nothing} data-key=${r.key}
        transform="translate(0,${i * row})" tabindex="0" role="button" aria-pressed=${on ? 'true' : 'false'}
        aria-label=${select.label(r, on)} @click=${toggle}
        @keydown=${onActivate(toggle)}
        @pointerenter=${(e: PointerEvent) => select.enter?.(e, r)} @focus=${(e: FocusEvent) => select.enter?.(e, r)}
        @pointerleave=${() => select.leave?.()} @blur=${() => select.leave?.()}>${marks}</g>`;
  };
  return html`<svg
    class="bars"
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role=${options.label === null ? nothing : select ? 'group' : 'img'}
    aria-label=${options.label ?? nothing}
    aria-hidden=${options.label === null ? 'true' : nothing}
  >
    ${rows.map(bar)}
  </svg>`;
}
