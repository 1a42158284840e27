import { html, svg, type TemplateResult } from 'lit';
import type { CursorController } from './cursor.js';

export interface FunnelStep {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The count and share at the bar's end: "17,727 · 8.6%". */
  readonly text: string;
  /** The line under the bar: "↳ 8.6% from view · 91.4% drop off". */
  readonly note: string;
  /** The tooltip's lines; joined, the step's accessible name. */
  readonly lines: readonly string[];
}

export interface FunnelStepsOptions {
  readonly width: number;
  /** The value of a full bar (all sessions). */
  readonly total: number;
  readonly color: string;
  readonly label: string;
  readonly cursor: CursorController;
}

const ROW = 62;

/** Funnel steps, one row each: name and figures, a bar against a full-length track, and the step's conversion. */
export function funnelSteps(steps: readonly FunnelStep[], options: FunnelStepsOptions): TemplateResult {
  const { width, cursor } = options;
  const height = steps.length * ROW;
  const x = (v: number) => (options.total > 0 ? (Math.min(v, options.total) / options.total) * width : 0);
  return html`<svg
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role="group"
    aria-label=${options.label}
  >
    ${steps.map(
      (s, i) => svg`<g class="step" data-step=${s.key} transform="translate(0,${i * ROW})" tabindex="0" role="img"
        aria-label=${s.lines.join('. ')} @focus=${(e: FocusEvent) => cursor.showAt(e, s.lines)} @blur=${cursor.hide}
        @pointerenter=${(e: PointerEvent) => cursor.showAt(e, s.lines)} @pointerleave=${cursor.hide}>
        <text class="step-label" x="0" y="13">${s.label}</text>
        <text class="step-value" x=${width} y="13" text-anchor="end">${s.text}</text>
        <rect class="track" x="0" y="20" width=${width} height="18" rx="3"></rect>
        <rect class="bar" part="bar" x="0" y="20" width=${Math.round(Math.max(s.value > 0 ? 2 : 0, x(s.value)) * 100) / 100}
          height="18" rx="3" fill=${options.color}></rect>
        <text class="conv" x="0" y="52">${s.note}</text>
      </g>`,
    )}
  </svg>`;
}
