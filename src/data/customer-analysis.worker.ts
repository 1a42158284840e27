/// <reference lib="webworker" />
// Runs the customer models and everything per customer of the CLV, RFM segments and churn elements off the main
// thread. One worker per dashboard (src/data/customer-models.ts) keeps the fitted models of its last few filter
// states, shared by its elements.
import { analyse, CustomerModelStore, type AnalysisRequest } from '../models/customer-analysis.js';
import { warmUp } from '../models/customer-warm-up.js';

const store = new CustomerModelStore();
// Compiles the hot loops before the first real request (which waits in the queue until this is done).
try {
  warmUp();
} catch {
  // Only a warm-up.
}

self.onmessage = (event: MessageEvent<{ id: number; request: AnalysisRequest }>) => {
  const { id, request } = event.data;
  const start = performance.now();
  try {
    const result = analyse(store, request);
    // `ms`: the time this request took in the worker (for profiling; the page ignores it).
    (self as unknown as Worker).postMessage({ id, result, ms: performance.now() - start });
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
