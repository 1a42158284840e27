import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DashboardState } from '../../data/dashboard-state.js';

interface DataSource extends HTMLElement {
  subscribe(callback: (state: DashboardState) => void): () => void;
}

/**
 * Attaches a widget placed outside its `<mkt-data>` to it by id (`data="shop"`), waiting for the data element
 * to appear if the page adds it later. Inside a `<mkt-data>`, context does this and the link stays idle.
 */
export class DataLink implements ReactiveController {
  private unsubscribe: (() => void) | null = null;
  private waiting: ((e: Event) => void) | null = null;
  /** Set when `data` names no element: the widget shows it. */
  missing: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly apply: (state: DashboardState) => void,
  ) {
    host.addController(this);
  }

  connect(id: string | undefined): void {
    this.disconnect();
    if (!id) return;
    const source = this.find(id);
    if (source) {
      this.unsubscribe = source.subscribe(this.apply);
      return;
    }
    this.missing = `No <mkt-data id="${id}"> was found on this page.`;
    this.host.requestUpdate();
    this.waiting = (event: Event) => {
      if ((event as CustomEvent<string>).detail === id) this.connect(id);
    };
    document.addEventListener('mkt-data-connected', this.waiting);
  }

  disconnect(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.missing = null;
    if (this.waiting) document.removeEventListener('mkt-data-connected', this.waiting);
    this.waiting = null;
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  private find(id: string): DataSource | null {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const element = root.getElementById?.(id) ?? document.getElementById(id);
    return element && 'subscribe' in element ? (element as DataSource) : null;
  }
}
