/**
 * A model's work as a generator: each `yield` marks a point where it may stop for a while (between two series, two
 * iterations). `runToEnd` runs it at once; `runInSlices` gives the main thread back between slices, so that a fit
 * never makes one long task of a page's update.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Resolves in a task of its own, after whatever else was waiting; rejects with the signal's AbortError once it aborts. */
export async function nextTask(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
}

/** Runs the steps in slices of about `sliceMs`, one task each; rejects with the signal's AbortError once it aborts. */
export async function runInSlices<T>(steps: Steps<T>, signal?: AbortSignal, sliceMs = 10): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await nextTask(signal);
    sliceStart = performance.now();
  }
}
