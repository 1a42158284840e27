import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the host's query has been pending for longer than `delay` ms. A widget marks its result stale (dimmed,
 * `aria-busy`) only then: toggling the mark on every quick update restyled and repainted every chart twice per
 * filter change, for a state nobody could see.
 */
export class SlowPending implements ReactiveController {
  /** Pending for longer than the delay; read it in `render`. */
  slow = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly pending: () => boolean,
    private readonly delay = 150,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.pending()) {
      this.stop();
      this.slow = false;
    } else if (!this.slow && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.pending()) return;
        this.slow = true;
        this.host.requestUpdate();
      }, this.delay);
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
