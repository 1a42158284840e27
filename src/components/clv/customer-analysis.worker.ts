/// <reference lib="webworker" />
// Runs the customer models and everything per customer of the CLV, RFM segments and churn elements off the main
// thread. One worker per page keeps the fitted models of the last few filter states (shared by the elements).
import { analyse, CustomerModelStore, type AnalysisRequest } from './customer-analysis.js';

const store = new CustomerModelStore();

self.onmessage = (event: MessageEvent<{ id: number; request: AnalysisRequest }>) => {
  const { id, request } = event.data;
  try {
    (self as unknown as Worker).postMessage({ id, result: analyse(store, request) });
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
