import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the host's content width so charts redraw at the size they are given (and at phone widths). */
export class SizeController implements ReactiveController {
  width = 0;
  private observer: ResizeObserver | null = null;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback = 640,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width > 0 && Math.abs(width - this.width) >= 4) {
        this.width = width;
        // Redrawing inside the observer's callback can resize the host again in the same frame, which the
        // browser reports as an error ("ResizeObserver loop completed with undelivered notifications").
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.host.requestUpdate());
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.observer = null;
  }

  /** The width to draw at: measured, or the fallback before the first measurement. Leaves room for the card's padding. */
  get drawWidth(): number {
    return Math.max(240, (this.width || this.fallback) - 34);
  }
}
