import { expect } from '@open-wc/testing';
import { runInSlices, runToEnd, type Steps } from '../../src/models/in-slices.js';

/** `count` steps of about `stepMs` of work each; returns the sum of 1..count and records how many ran. */
function* work(count: number, stepMs: number, ran: { steps: number }): Steps<number> {
  let sum = 0;
  for (let k = 1; k <= count; k++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until);
    sum += k;
    ran.steps++;
    yield;
  }
  return sum;
}

describe('runInSlices and runToEnd', () => {
  it('runToEnd runs every step at once and returns the result', () => {
    const ran = { steps: 0 };
    expect(runToEnd(work(10, 0, ran))).to.equal(55);
    expect(ran.steps).to.equal(10);
  });

  it('gives the main thread back between slices: a timer set before it starts runs before it ends', async () => {
    const ran = { steps: 0 };
    let stepsWhenTimerRan = -1;
    setTimeout(() => (stepsWhenTimerRan = ran.steps), 0);
    expect(await runInSlices(work(40, 1, ran), undefined, 5)).to.equal(820);
    expect(ran.steps).to.equal(40);
    expect(stepsWhenTimerRan).to.be.greaterThan(0);
    expect(stepsWhenTimerRan).to.be.lessThan(40);
  });

  it('stops at the next slice once its signal aborts, rejecting with an AbortError', async () => {
    const ran = { steps: 0 };
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 0);
    let error: unknown = null;
    await runInSlices(work(200, 1, ran), abort.signal, 5).catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
    expect(ran.steps).to.be.lessThan(200);
  });
});
