import { MktErrorEvent } from '../../events/error.js';

// When the customer-model worker cannot start (its file is missing or blocked, no module workers), CLV, RFM
// segments and churn still compute the same numbers on the main thread, only slower and with the page stuttering.
// That must not go unnoticed: the first time it happens on a page, a console warning and one `mkt-error` with the
// warning code `worker-unavailable`, sent by a connected model element.

const MESSAGE =
  'The customer-model worker could not start, so CLV, RFM segments and churn are computed on the main thread ' +
  '(same results, slower). Check that the library\u2019s assets/customer-analysis.worker-*.js file is served ' +
  'and that the page\u2019s Content-Security-Policy allows it (worker-src).';

let reported = false;
const hosts = new Set<WeakRef<HTMLElement>>();

/** A model element that can report the fallback (called as it connects). */
export function watchWorkerFallback(host: HTMLElement): void {
  for (const ref of hosts) if (!ref.deref()?.isConnected) hosts.delete(ref);
  if (!reported) hosts.add(new WeakRef(host));
}

/** The customer models ran on the main thread: says so once per page. */
export function reportWorkerFallback(): void {
  if (reported) return;
  reported = true;
  console.warn(`[marketkit] ${MESSAGE}`);
  const host = [...hosts].map((ref) => ref.deref()).find((h) => h?.isConnected);
  hosts.clear();
  host?.dispatchEvent(new MktErrorEvent({ code: 'worker-unavailable', message: MESSAGE, source: host.localName }));
}
