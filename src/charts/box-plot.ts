import { html, svg, type TemplateResult } from 'lit';
import { scaleBand, scaleLinear } from 'd3';
import { axisBottom } from './axes.js';

export interface Box {
  readonly key: string;
  readonly label: string;
  /** 5th, 25th, 50th, 75th and 95th percentiles: whiskers, box and median. */
  readonly quantiles: readonly [number, number, number, number, number];
  readonly color: string;
}

export interface BoxPlotOptions {
  readonly width: number;
  /** Room for the labels, left of the boxes (a label longer than it is shortened). */
  readonly labelWidth: number;
  /** Height of one row (default 24). */
  readonly rowHeight?: number;
  readonly format: (value: number) => string;
  /** The chart in words. */
  readonly label: string;
}

const r = (v: number) => Math.round(v * 100) / 100;

/**
 * Horizontal box plots, one row each, on one linear axis from 0: box from the 25th to the 75th percentile, a line
 * at the median, whiskers to the 5th and 95th (so that a few extreme values do not flatten the boxes).
 */
export function boxPlot(rows: readonly Box[], options: BoxPlotOptions): TemplateResult {
  const { width, labelWidth } = options;
  const margin = { top: 4, right: 12, bottom: 24, left: labelWidth };
  const height = margin.top + margin.bottom + (options.rowHeight ?? 24) * rows.length;
  const max = Math.max(1, ...rows.map((b) => b.quantiles[4]));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = scaleBand<string>()
    .domain(rows.map((b) => b.key))
    .range([margin.top, height - margin.bottom])
    .padding(0.3);
  const chars = Math.floor(labelWidth / 6.2);
  const fit = (text: string) => (text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`);
  return html`<svg
    part="chart"
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label=${options.label}
  >
    <g transform="translate(0,${height - margin.bottom})">
      ${axisBottom(x, {
        ticks: Math.max(2, Math.floor(width / 90)),
        format: options.format,
        grid: height - margin.bottom - margin.top,
      })}
    </g>
    ${rows.map((b) => {
      const [p5, q1, med, q3, p95] = b.quantiles.map((v) => r(x(v)));
      const top = r(y(b.key) ?? 0);
      const h = r(y.bandwidth());
      const mid = r(top + h / 2);
      const [whiskerTop, whiskerBottom] = [r(top + h * 0.25), r(top + h * 0.75)];
      const c = b.color;
      return svg`<g class="box" data-key=${b.key}>
        <text class="box-label" x=${margin.left - 6} y=${mid} dy="0.32em" text-anchor="end">${fit(b.label)}</text>
        <line x1=${p5} x2=${q1} y1=${mid} y2=${mid} stroke=${c}></line>
        <line x1=${q3} x2=${p95} y1=${mid} y2=${mid} stroke=${c}></line>
        <line x1=${p5} x2=${p5} y1=${whiskerTop} y2=${whiskerBottom} stroke=${c}></line>
        <line x1=${p95} x2=${p95} y1=${whiskerTop} y2=${whiskerBottom} stroke=${c}></line>
        <rect x=${q1} y=${top} width=${r(Math.max(1, q3 - q1))} height=${h} fill=${c} stroke=${c}></rect>
        <line class="median" x1=${med} x2=${med} y1=${top} y2=${r(top + h)} stroke=${c}></line>
      </g>`;
    })}
  </svg>`;
}
