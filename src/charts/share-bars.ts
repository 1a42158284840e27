import { html, nothing, svg, type TemplateResult } from 'lit';

export interface ShareRow {
  readonly key: string;
  readonly label: string;
  /** The value of each part (a missing part counts 0); drawn as its share of the row's total. */
  readonly values: Readonly<Record<string, number>>;
  /** Read beside the bar: the row's total, its largest part. */
  readonly text: string;
}

export interface ShareBarsOptions {
  readonly width: number;
  /** Room for the labels, left of the bars, and for the text, right of them. */
  readonly labelWidth: number;
  readonly valueWidth: number;
  /** The parts, left first. */
  readonly keys: readonly string[];
  readonly color: (key: string) => string;
  /** A segment's tooltip (`<title>`): "Credit card 62% · R$ 1,200". */
  readonly title: (row: ShareRow, key: string, share: number) => string;
  /** The chart in words (an image). */
  readonly label: string;
  /** Height of one row (default 24). */
  readonly rowHeight?: number;
  /** Labels above the bars, left-aligned (narrow charts; pass `labelWidth: 0`): the row grows by 16 px for them. */
  readonly labelsAbove?: boolean;
}

const ABOVE = 16;

/**
 * Horizontal 100 % stacked bars, one row per group: each part's share of the row's total as a segment, left to
 * right in the order of `keys`, with a label left and a text right. An image with a label; the numbers belong in a
 * table beside it.
 */
export function shareBars(rows: readonly ShareRow[], options: ShareBarsOptions): TemplateResult {
  const { width, labelWidth, keys } = options;
  const above = options.labelsAbove ? ABOVE : 0;
  const row = (options.rowHeight ?? 24) + above;
  const [top, middle] = [above + 4, above + (row - above) / 2];
  const barW = Math.max(40, width - labelWidth - options.valueWidth);
  const r = (v: number) => Math.round(v * 100) / 100;
  const bar = (d: ShareRow, i: number) => {
    const total = keys.reduce((s, k) => s + Math.max(0, d.values[k] ?? 0), 0);
    let left = 0;
    const segments = keys.map((k) => {
      const share = total > 0 ? Math.max(0, d.values[k] ?? 0) / total : 0;
      const x = left;
      left += share * barW;
      return share > 0
        ? svg`<rect class="segment" data-part=${k} x=${r(labelWidth + x)} y=${top} width=${r(share * barW)}
            height=${row - above - 8} fill=${options.color(k)}><title>${options.title(d, k, share)}</title></rect>`
        : nothing;
    });
    return svg`<g class="share-row" data-key=${d.key} transform="translate(0,${i * row})">
      ${
        above
          ? svg`<text class="name" x="0" y=${above - 4}>${d.label}</text>`
          : svg`<text class="name" x=${labelWidth - 8} y=${middle} dy="0.32em" text-anchor="end">${d.label}</text>`
      }
      <rect class="track" x=${labelWidth} y=${top} width=${barW} height=${row - above - 8}></rect>
      ${segments}
      <text class="value" x=${labelWidth + barW + 6} y=${middle} dy="0.32em">${d.text}</text>
    </g>`;
  };
  const height = rows.length * row;
  return html`<svg
    class="bars share-bars"
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label=${options.label}
  >
    ${rows.map(bar)}
  </svg>`;
}
