import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from './style-props.js';

/** Where a tooltip points, in the chart container's coordinates, and its lines of text. */
export interface TooltipState {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
}

/** A tooltip as a Lit template: data strings are text nodes, never HTML. */
export function tooltip(state: TooltipState | null): TemplateResult | typeof nothing {
  if (!state) return nothing;
  return html`<div
    class="tooltip"
    part="tooltip"
    aria-hidden="true"
    ${styleProps({ left: `${state.x}px`, top: `${state.y}px` })}
  >
    ${state.lines.join('\n')}
  </div>`;
}

/** Position of a pointer or focus event relative to a container element. */
export function pointIn(container: Element, event: Event): { x: number; y: number } {
  const box = container.getBoundingClientRect();
  if (event instanceof MouseEvent && event.type !== 'focus' && event.clientX !== 0) {
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }
  const target = (event.target as Element).getBoundingClientRect();
  return { x: target.left + target.width / 2 - box.left, y: target.top - box.top };
}
