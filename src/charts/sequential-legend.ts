import { css, html, svg, type TemplateResult } from 'lit';
import { ticks as niceTicks } from 'd3';

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
  const { min, max, color, format, title } = options;
  const width = Math.max(120, options.width ?? 220);
  const count = Math.max(2, options.ticks ?? 4);
  const id = `mkt-ramp-${++gradientCounter}`;
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const x = (v: number) => (max > min ? ((v - min) / (max - min)) * (width - 1) : 0);
  // Round ticks, and the top of the scale when it is not one of them but has room beside the last.
  const ticks = niceTicks(min, max, count - 1);
  if (ticks.length === 0 || (ticks[ticks.length - 1] < max && x(max) - x(ticks[ticks.length - 1]) < 40)) ticks.pop();
  if (ticks[ticks.length - 1] !== max) ticks.push(max);
  const text = (t: number, i: number) =>
    i === ticks.length - 1 && options.clampedAbove ? `≥ ${format(t)}` : format(t);
  const shown = apart(ticks.map((t, i) => ({ t, x: x(t), text: text(t, i) })));
  return html`<div class="seq-legend" part="legend" aria-hidden="true">
    <span class="seq-legend-title">${title}</span>
    <svg width=${width + 24} height="34" viewBox="-12 0 ${width + 24} 34">
      <defs>
        <linearGradient id=${id}>
          ${stops.map((t) => svg`<stop offset=${`${t * 100}%`} stop-color=${color(min + (max - min) * t)}></stop>`)}
        </linearGradient>
      </defs>
      <rect x="0" y="0" width=${width} height="10" fill=${`url(#${id})`} rx="2"></rect>
      ${shown.map(
        (t, i) => svg`<g transform="translate(${t.x},0)" class="axis">
          <line y1="10" y2="14"></line>
          <text y="26" text-anchor=${i === 0 ? 'start' : i === shown.length - 1 ? 'end' : 'middle'}>${t.text}</text>
        </g>`,
      )}
    </svg>
  </div>`;
}

/** About the width of a tick label (11 px digits and signs are about 6.5 px wide). */
const CHAR = 6.5;

/**
 * The ticks whose labels do not overlap: the first (anchored at its start) and the last (at its end) always, and
 * the middle ones (centred) that keep 6 px from their kept neighbours.
 */
function apart<T extends { x: number; text: string }>(ticks: readonly T[]): T[] {
  if (ticks.length <= 2) return [...ticks];
  const last = ticks[ticks.length - 1];
  const lastStart = last.x - last.text.length * CHAR;
  const kept = [ticks[0]];
  let end = ticks[0].x + ticks[0].text.length * CHAR;
  for (const t of ticks.slice(1, -1)) {
    const half = (t.text.length * CHAR) / 2;
    if (t.x - half >= end + 6 && t.x + half <= lastStart - 6) {
      kept.push(t);
      end = t.x + half;
    }
  }
  return [...kept, last];
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
