/// <reference lib="webworker" />
// Runs customerValues() off the main thread: the fits take a second or two on 50,000 customers.
import { customerValues, type CustomerColumns, type CustomerValueOptions } from './customer-value.js';

self.onmessage = (event: MessageEvent<{ id: number; columns: CustomerColumns; options: CustomerValueOptions }>) => {
  const { id, columns, options } = event.data;
  try {
    const result = customerValues(columns, options);
    const { expected, pAlive, spend, clv, pAliveEarlier } = result;
    (self as unknown as Worker).postMessage({ id, result }, [
      expected.buffer,
      pAlive.buffer,
      spend.buffer,
      clv.buffer,
      pAliveEarlier.buffer,
    ]);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
