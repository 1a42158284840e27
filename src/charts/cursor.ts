import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { cursorKey } from './cursor-keys.js';
import { pointIn, tooltip, type TooltipState } from './tooltip.js';

/** Where a chart drew a point it can be read at, in its `.chart` container's coordinates. */
export interface CursorPoint {
  readonly x: number;
  readonly y: number;
}

/** What a chart that is read point by point (one focus stop, arrow keys) hands the cursor as it draws. */
export interface CursorTrack {
  readonly points: readonly CursorPoint[];
  /** The tooltip's lines for a point; the live region reads them too. */
  readonly lines: (index: number) => readonly string[];
  /** The chart's width: the tooltip stays inside it. */
  readonly width: number;
}

/**
 * The reading cursor of an element's charts: the pointer, the arrow keys, the tooltip and a live region for screen
 * readers, in one place. Two ways to read a chart:
 * - **by index** (a line or columns of hundreds of points, one tab stop): the chart calls `track()` as it draws and
 *   binds `pointerMove`, `keyDown`, `focus` and `hide` to its focusable plot; the cursor keeps the index, the
 *   tooltip sits on the point and the live region says its lines;
 * - **by mark** (bars, cells, nodes that are focusable themselves): the chart calls `showAt(event, lines)` on
 *   focus or pointer-enter and `hide()` on blur or leave.
 * `overlay()` renders the tooltip (and the live region) inside the chart's `.chart` container.
 */
export class CursorController implements ReactiveController {
  /** The point read by index, or null. */
  index: number | null = null;
  /** The focused cell of a grid (row, column): its roving tab stop. */
  cell: readonly [number, number] = [0, 0];
  private markTip: TooltipState | null = null;
  private track_: CursorTrack | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.index = null;
    this.markTip = null;
  }

  /** Called by a chart read by index, as it draws; returns the index to draw the cursor at (null: none). */
  track(track: CursorTrack): number | null {
    this.track_ = track;
    if (this.index !== null && this.index >= track.points.length) this.index = null;
    return this.index;
  }

  /** Reads point `index` (by index). */
  show(index: number | null): void {
    this.index = index;
    this.markTip = null;
    this.host.requestUpdate();
  }

  /** Shows `lines` beside the mark an event happened on (by mark). */
  showAt(event: Event, lines: readonly string[]): void {
    const container =
      (event.currentTarget as Element | null)?.closest('.chart') ?? (event.target as Element).closest('.chart');
    if (!container) return;
    this.index = null;
    this.markTip = { ...pointIn(container, event), lines };
    this.host.requestUpdate();
  }

  readonly hide = (): void => {
    if (this.index === null && this.markTip === null) return;
    this.index = null;
    this.markTip = null;
    this.host.requestUpdate();
  };

  /** Pointer over a plot read by index: the nearest point along x. */
  readonly pointerMove = (event: PointerEvent): void => {
    const container = (event.currentTarget as Element).closest('.chart');
    const points = this.track_?.points ?? [];
    if (!container || points.length === 0) return;
    const px = pointIn(container, event).x;
    let best = 0;
    for (let i = 1; i < points.length; i++) if (Math.abs(points[i].x - px) < Math.abs(points[best].x - px)) best = i;
    if (best !== this.index) this.show(best);
  };

  /** Arrow keys, Home, End, Page Up/Down move the cursor; Escape hides it. */
  readonly keyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') return this.hide();
    const next = cursorKey(event, this.index, this.track_?.points.length ?? 0);
    if (next === null) return;
    event.preventDefault();
    this.show(next);
  };

  /** Focus on a plot read by index: the last point, the most recent one. */
  readonly focus = (): void => {
    const count = this.track_?.points.length ?? 0;
    if (this.index === null && count > 0) this.show(count - 1);
  };

  /** Moves a grid's roving tab stop to (row, column) and focuses the mark found there after the update. */
  moveCell(row: number, column: number, within: Element, selector: string): void {
    this.cell = [row, column];
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => within.querySelector<SVGElement>(selector)?.focus());
  }

  /** The tooltip state drawn now (for a point read by index, on that point, kept inside the chart). */
  get tip(): TooltipState | null {
    const t = this.track_;
    if (this.index === null || !t) return this.markTip;
    const at = t.points[this.index];
    if (!at) return null;
    const half = Math.min(100, t.width / 2);
    return { x: Math.max(half, Math.min(t.width - half, at.x)), y: at.y, lines: t.lines(this.index) };
  }

  /** The tooltip and, for a chart read by index (`live`), the polite live region that says the point read. */
  overlay(live = false): TemplateResult {
    const tip = this.tip;
    return html`${tooltip(tip)}${
      live
        ? html`<div class="visually-hidden" aria-live="polite">
            ${this.index !== null && tip ? tip.lines.join(', ') : ''}
          </div>`
        : nothing
    }`;
  }
}
