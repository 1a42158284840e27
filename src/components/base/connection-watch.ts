import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DashboardState } from '../../data/dashboard-state.js';
import type { QueryEngine } from '../../data/query-engine.js';

/** What a widget says in place while its dashboard's server cannot be reached and its queries wait. */
export const CONNECTION_LOST = 'Lost the connection to the server; retrying…';

/** Re-renders its host when the connection of its dashboard's server changes (see QueryEngine.connection). */
export class ConnectionWatch implements ReactiveController {
  private engine: QueryEngine | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost & { readonly dashboard?: DashboardState }) {
    host.addController(this);
  }

  /** The server went away and the dashboard is retrying. */
  get lost(): boolean {
    return this.engine?.connection === 'lost';
  }

  hostUpdate(): void {
    const engine = this.host.dashboard?.engine ?? null;
    if (engine === this.engine) return;
    this.unsubscribe?.();
    this.engine = engine;
    // A state built by hand may carry a stand-in engine without connections.
    this.unsubscribe = engine?.onConnection?.(() => this.host.requestUpdate()) ?? null;
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.engine = null;
  }
}
