/** The error a superseded query (or a wait for one) rejects with. */
export function abortError(): DOMException {
  return new DOMException('The query was superseded.', 'AbortError');
}

/** `promise`, or an AbortError as soon as `signal` aborts (what `promise` stands for goes on: others may need it). */
export function orAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
