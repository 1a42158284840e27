import { html, nothing, svg, type TemplateResult } from 'lit';
import { scaleBand, scaleLinear } from 'd3';
import { axisLeft } from './axes.js';
import type { CursorController } from './cursor.js';
import { timeTickFormat } from './time-format.js';

export interface StackedColumn {
  /** The period's first day, as a UTC date. */
  readonly x: Date;
  /** The value of each layer (a missing layer counts 0). */
  readonly values: Readonly<Record<string, number>>;
  /** The period is incomplete (a partial week or month): drawn faded, so it does not read as a fall. */
  readonly partial?: boolean;
}

export interface StackedBarsOptions {
  readonly width: number;
  readonly height: number;
  /** The layers, bottom first. */
  readonly keys: readonly string[];
  readonly color: (key: string) => string;
  readonly locale?: string;
  readonly yFormat: (value: number) => string;
  /** The chart in words: the label of its focusable plot. */
  readonly label: string;
  /** Read column by column with the arrow keys (one tab stop), with a tooltip and a live region. */
  readonly cursor: {
    readonly controller: CursorController;
    readonly lines: (index: number) => readonly string[];
  };
}

const MARGIN = { top: 10, right: 8, bottom: 26, left: 58 };

/**
 * Stacked columns over time periods: one column per period, one layer per key, a y axis from 0 and a label under
 * about one column in every 70 px. The plot is one focus stop read column by column (see CursorController).
 */
export function stackedBars(columns: readonly StackedColumn[], options: StackedBarsOptions): TemplateResult {
  const { width, height, keys } = options;
  const w = width - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  const ids = columns.map((c) => c.x.toISOString());
  const total = (c: StackedColumn) => keys.reduce((s, k) => s + (c.values[k] ?? 0), 0);
  const x = scaleBand<string>().domain(ids).range([0, w]).padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...columns.map(total))])
    .nice(4)
    .range([h, 0]);
  const centre = (i: number) => (x(ids[i]) ?? 0) + x.bandwidth() / 2;
  const step = Math.max(1, Math.ceil(70 / Math.max(1, x.step())));
  const tickFormat = timeTickFormat(
    options.locale ?? 'en-US',
    columns.filter((_, i) => i % step === 0).map((c) => c.x),
  );
  const { controller, lines } = options.cursor;
  const active = controller.track({
    points: columns.map((c, i) => ({ x: MARGIN.left + centre(i), y: MARGIN.top + y(total(c)) })),
    lines,
    width,
  });
  const r = (v: number) => Math.round(v * 100) / 100;
  return html`<svg width=${width} height=${height} viewBox="0 0 ${width} ${height}">
    <g transform="translate(${MARGIN.left},${MARGIN.top})">
      ${axisLeft(y, { ticks: 4, format: options.yFormat, grid: w })}
      <g class="axis axis-x" aria-hidden="true" transform="translate(0,${h})">
        <line class="domain" x1="0" x2=${w}></line>
        ${columns.map((c, i) =>
          i % step === 0 ? svg`<text x=${r(centre(i))} y="17" text-anchor="middle">${tickFormat(c.x)}</text>` : nothing,
        )}
      </g>
      ${columns.map((c, i) => {
        let base = 0;
        return svg`<g class=${['column', i === active ? 'active' : '', c.partial ? 'partial' : ''].filter(Boolean).join(' ')}>${keys.map(
          (k) => {
            const y0 = y(base);
            base += c.values[k] ?? 0;
            return svg`<rect x=${r(x(ids[i]) ?? 0)} y=${r(y(base))} width=${r(x.bandwidth())}
            height=${r(Math.max(0, y0 - y(base)))} fill=${options.color(k)}></rect>`;
          },
        )}</g>`;
      })}
      <rect
        class="hit plot"
        part="plot"
        tabindex="0"
        role="group"
        width=${w}
        height=${h}
        aria-label=${options.label}
        @pointermove=${controller.pointerMove}
        @pointerleave=${controller.hide}
        @keydown=${controller.keyDown}
        @focus=${controller.focus}
        @blur=${controller.hide}
      ></rect>
    </g>
  </svg>`;
}
