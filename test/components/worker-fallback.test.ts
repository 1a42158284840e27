import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/clv/mkt-clv.js';
import '../../src/components/rfm-segments/mkt-rfm-segments.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktClv } from '../../src/components/clv/mkt-clv.js';
import type { MktRfmSegments } from '../../src/components/rfm-segments/mkt-rfm-segments.js';
import type { MktErrorDetail, MktErrorEvent } from '../../src/events/error.js';
import { manyCustomersDataset } from '../fixtures/customer-rows.js';
import { mount, settled, text, whenReady } from '../support/dom.js';

// What a site gets when the customer-model worker's file 404s (the library built with an absolute /assets/ URL did
// that in a Vite app): every other worker (DuckDB's) starts as usual.
const NativeWorker = window.Worker;
const WorkerWithoutModelFile = new Proxy(NativeWorker, {
  construct: (Native, [url, options]: [string | URL, WorkerOptions?]) =>
    new Native(
      String(url).includes('customer-analysis') ? '/no-such-folder/customer-analysis.worker.js' : url,
      options,
    ),
});

describe('the customer models without their worker', () => {
  const warnings: string[] = [];
  const errors: MktErrorDetail[] = [];
  const original = console.warn;
  const listen = (e: MktErrorEvent) => errors.push(e.detail);
  before(() => {
    window.Worker = WorkerWithoutModelFile;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    document.addEventListener('mkt-error', listen);
  });
  after(() => {
    window.Worker = NativeWorker;
    console.warn = original;
    document.removeEventListener('mkt-error', listen);
  });

  it('compute on the main thread and say so once: a console warning and one mkt-error worker-unavailable', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    const clv: MktClv = await mount(html`<mkt-clv .dashboard=${data.state}></mkt-clv>`);
    const rfm: MktRfmSegments = await mount(html`<mkt-rfm-segments .dashboard=${data.state}></mkt-rfm-segments>`);
    await settled(clv);
    await settled(rfm);
    expect(data.state.models!.lastWhere).to.equal('main');
    // The results are there all the same.
    expect(text(clv, '[data-tile="customers"] .value')).to.not.equal('');
    expect(clv.shadowRoot!.querySelector('.message.error')).to.equal(null);
    const fallback = warnings.filter((w) => w.includes('customer-model worker could not start'));
    expect(fallback, 'one console warning').to.have.length(1);
    const reported = errors.filter((e) => e.code === 'worker-unavailable');
    expect(reported, 'one mkt-error').to.have.length(1);
    expect(['mkt-clv', 'mkt-rfm-segments']).to.include(reported[0].source);
    expect(reported[0].message).to.contain('main thread');

    // A new filter state refits on the main thread again, and says nothing more.
    data.setFilters({ dateFrom: '2025-02-01' });
    clv.dashboard = data.state;
    await settled(clv);
    expect(warnings.filter((w) => w.includes('customer-model worker'))).to.have.length(1);
    expect(errors.filter((e) => e.code === 'worker-unavailable')).to.have.length(1);
    clv.remove();
    rfm.remove();
    data.remove();
  });
});
