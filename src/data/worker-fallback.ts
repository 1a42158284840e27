import { MktErrorEvent } from '../events/error.js';

// When a dashboard's customer-model worker cannot start (its file is missing or blocked, no module workers), CLV,
// RFM segments and churn still compute the same numbers on the main thread, only slower and with the page
// stuttering. That must not go unnoticed: the first time it happens in a dashboard, a console warning and one
// `mkt-error` with the warning code `worker-unavailable`, sent by a connected model element of that dashboard.

const MESSAGE =
  'The customer-model worker could not start, so CLV, RFM segments and churn are computed on the main thread ' +
  '(same results, slower). Check that the library\u2019s assets/customer-analysis.worker-*.js file is served ' +
  'and that the page\u2019s Content-Security-Policy allows it (worker-src).';

/** One dashboard's report of the fallback: said once, by one of the model elements that watch it. */
export class WorkerFallbackReport {
  private reported = false;
  private readonly hosts = new Set<WeakRef<HTMLElement>>();

  /** A model element that can report the fallback (called as it meets its dashboard). */
  watch(host: HTMLElement): void {
    if (this.reported) return;
    for (const ref of this.hosts) {
      const h = ref.deref();
      if (h === host) return;
      if (!h?.isConnected) this.hosts.delete(ref);
    }
    this.hosts.add(new WeakRef(host));
  }

  /** The customer models ran on the main thread: says so once. */
  report(): void {
    if (this.reported) return;
    this.reported = true;
    console.warn(`[marketkit] ${MESSAGE}`);
    const host = [...this.hosts].map((ref) => ref.deref()).find((h) => h?.isConnected);
    this.hosts.clear();
    host?.dispatchEvent(new MktErrorEvent({ code: 'worker-unavailable', message: MESSAGE, source: host.localName }));
  }
}
