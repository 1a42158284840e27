import { css, html, svg, type TemplateResult } from 'lit';
import { ticks as niceTicks } from 'd3';
import { textWidth } from './text-width.js';

let gradientCounter = 0;

export interface SequentialLegendOptions {
  /** The legend's title, e.g. "Retention". */
  readonly title: string;
  /** Maps a value of [min, max] to a colour. */
  readonly color: (value: number) => string;
  readonly min: number;
  readonly max: number;
  readonly format: (value: number) => string;
  /** About this many ticks; defaults to 4. */
  readonly ticks?: number;
  /** Label the last tick "≥ max" (the scale clamps above it). */
  readonly clampedAbove?: boolean;
  readonly width?: number;
}

/** A colour ramp with ticks, for a sequential colour scale (heatmaps). Hidden from assistive tech: cells carry their values. */
export function sequentialLegend(options: SequentialLegendOptions): TemplateResult {
  const { min, max, color, title } = options;
  const width = Math.max(120, options.width ?? 220);
  const id = `mkt-ramp-${++gradientCounter}`;
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const x = (v: number) => (max > min ? ((v - min) / (max - min)) * (width - 1) : 0);
  const ticks = legendTicks(options, x);
  return html`<div class="seq-legend" part="legend" aria-hidden="true">
    <span class="seq-legend-title">${title}</span>
    <svg width=${width + 24} height="34" viewBox="-12 0 ${width + 24} 34">
      <defs>
        <linearGradient id=${id}>
          ${stops.map((t) => svg`<stop offset=${`${t * 100}%`} stop-color=${color(min + (max - min) * t)}></stop>`)}
        </linearGradient>
      </defs>
      <rect x="0" y="0" width=${width} height="10" fill=${`url(#${id})`} rx="2"></rect>
      ${ticks.map(
        ({ value, label, anchor }) => svg`<g transform="translate(${x(value)},0)" class="axis">
          <line y1="10" y2="14"></line>
          <text y="26" text-anchor=${anchor}>${label}</text>
        </g>`,
      )}
    </svg>
  </div>`;
}

/** Width of a label in the legend's 11 px text. */
const labelWidth = (label: string) => textWidth(label, 11);

/**
 * Round ticks, and the top of the scale, whose labels do not overlap: both ends always (the top replaces a round
 * tick too close to it), and of the ticks between, those that leave a gap beside their neighbours at this width.
 */
function legendTicks(options: SequentialLegendOptions, x: (v: number) => number) {
  const { min, max, format } = options;
  const values = niceTicks(min, max, Math.max(2, options.ticks ?? 4) - 1).filter((t) => t < max);
  if (values[0] !== min) values.unshift(min);
  values.push(max);
  const labels = values.map((v, i) => (i === values.length - 1 && options.clampedAbove ? `≥ ${format(v)}` : format(v)));
  const span = (i: number): [number, number] => {
    const at = x(values[i]);
    const w = labelWidth(labels[i]);
    return i === 0 ? [at, at + w] : i === values.length - 1 ? [at - w, at] : [at - w / 2, at + w / 2];
  };
  const gap = 6;
  const last = values.length - 1;
  const kept = [0];
  for (let i = 1; i < last; i++) {
    const [left, right] = span(i);
    if (left >= span(kept[kept.length - 1])[1] + gap && right + gap <= span(last)[0]) kept.push(i);
  }
  // A ramp too narrow for both ends keeps the top.
  if (span(last)[0] < span(0)[1] + gap) kept.shift();
  kept.push(last);
  return kept.map((i) => ({
    value: values[i],
    label: labels[i],
    anchor: i === 0 ? 'start' : i === last ? 'end' : 'middle',
  }));
}

/** Styles of `sequentialLegend()`; add them to the element's styles beside `chartStyles`. */
export const sequentialLegendStyles = css`
  .seq-legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin-top: 0.5rem;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .seq-legend svg {
    overflow: visible;
  }
`;
