import {
  customerValues,
  type CustomerColumns,
  type CustomerValueOptions,
  type CustomerValues,
} from './customer-value.js';

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve(v: CustomerValues): void; reject(e: unknown): void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./customer-value.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result?: CustomerValues; error?: string }>) => {
      const job = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      if (!job) return;
      if (event.data.result) job.resolve(event.data.result);
      else job.reject(new Error(event.data.error ?? 'The customer model failed.'));
    };
    worker.onerror = () => {
      // A worker that cannot start (no module workers, blocked URL): every waiting job reruns on the main thread.
      worker?.terminate();
      worker = null;
      for (const [, job] of waiting) job.reject(new Error('worker unavailable'));
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Where the last computation ran; tests read it. */
export let lastRunWhere: 'worker' | 'main' = 'main';

/**
 * {@link customerValues} in a shared module Worker when one can be started, else on the main thread. Results are
 * memoised by the caller (the same Arrow result gives the same columns); the inputs are copied to the worker.
 */
export async function customerValuesAsync(
  columns: CustomerColumns,
  options: CustomerValueOptions = {},
): Promise<CustomerValues> {
  const w = startWorker();
  if (w) {
    try {
      const id = ++nextId;
      const result = await new Promise<CustomerValues>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, columns, options });
      });
      lastRunWhere = 'worker';
      return result;
    } catch (error) {
      if (!(error instanceof Error && error.message === 'worker unavailable')) throw error;
    }
  }
  lastRunWhere = 'main';
  return customerValues(columns, options);
}
