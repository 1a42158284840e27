import { expect } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import { blobDataset } from '../support/blob-dataset.js';
import { waitFor, whenReady } from '../support/dom.js';

/** Records every URL the page fetches; `hold` makes fetches of a URL wait until released. */
function watchFetches(hold?: string) {
  const urls: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    urls.push(String(input));
    if (hold && String(input).startsWith(hold)) await held;
    return realFetch(input, init);
  };
  return {
    urls,
    release,
    restore() {
      release();
      window.fetch = realFetch;
    },
  };
}

const manifestOf = (src: string) => src.replace(/#.*$/, '');
/** The manifest of `src` was requested (the URL may carry `src`'s fragment). */
const requested = (urls: readonly string[], src: string) => urls.some((u) => u.startsWith(manifestOf(src)));

describe('<mkt-data>: when a load starts and stops', () => {
  it('requests nothing of a src replaced in the same task (a page picking its dataset after the kit loads)', async () => {
    const first = blobDataset();
    const second = blobDataset();
    const fetches = watchFetches();
    try {
      const data = document.createElement('mkt-data') as MktData;
      data.setAttribute('src', first);
      document.body.append(data);
      await data.updateComplete;
      data.setAttribute('src', second);
      await whenReady(data);
      expect(data.state.status).to.equal('ready');
      expect(requested(fetches.urls, first)).to.equal(false);
      expect(requested(fetches.urls, second)).to.equal(true);
      data.remove();
    } finally {
      fetches.restore();
    }
  });

  it('stops a load whose src is removed, and says it has no data (idle)', async () => {
    const src = blobDataset();
    const fetches = watchFetches(manifestOf(src));
    try {
      const data = document.createElement('mkt-data') as MktData;
      data.setAttribute('src', src);
      document.body.append(data);
      await waitFor(() => requested(fetches.urls, src), 'the manifest to be requested');
      expect(data.state.status).to.equal('loading');
      data.removeAttribute('src');
      await waitFor(() => data.state.status === 'idle', 'the dashboard to go idle');
      const fetchedBefore = fetches.urls.length;
      fetches.release();
      await new Promise((r) => setTimeout(r, 300));
      // The manifest answered after the removal: no table file was requested, nothing was loaded.
      expect(fetches.urls.length).to.equal(fetchedBefore);
      expect(data.state.status).to.equal('idle');
      expect(data.state.engine).to.equal(null);
      data.remove();
    } finally {
      fetches.restore();
    }
  });
});
