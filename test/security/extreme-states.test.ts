import { expect } from '@open-wc/testing';
import type { MktData } from '../../src/components/data/mkt-data.js';
import { MktWidget } from '../../src/components/base/mkt-widget.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import type { FilterPatch } from '../../src/data/filter-state.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { text, waitFor, whenReady } from '../support/dom.js';
import { exportedTags, mountEveryElement } from '../support/elements.js';

/** A category name of 10,011 characters (words, then one unbroken run), sold once: t9, 30 on 2025-03-08. */
const LONG_CATEGORY = `${'Garden and outdoor living '.repeat(300)}${'G'.repeat(10_011 - 26 * 300)}`;

function extremeDataset() {
  return tinyDataset({
    rows: {
      products: [
        ...TINY.products,
        {
          id: 'p4',
          seller_id: 's1',
          name: 'Hammock',
          category: LONG_CATEGORY,
          subcategory: 'Furniture',
          price: 30,
          cost: 10,
          listed_date: '2024-03-02',
          status: 'active',
        },
      ],
      transactions: [
        ...TINY.transactions,
        {
          id: 't9',
          customer_id: 'c1',
          seller_id: 's1',
          product_id: 'p4',
          order_date: '2025-03-08',
          quantity: 1,
          revenue: 30,
          status: 'completed',
          delivery_days: 2,
          was_late: false,
        },
      ],
    },
  });
}

/** A widget is settled when it is not loading or computing and shows no skeleton or dimmed result. */
function isSettled(w: MktWidget<unknown>): boolean {
  const task = (w as unknown as { task: { status: number } }).task;
  return task.status !== 1 && !w.shadowRoot!.querySelector('.skeleton, .stale');
}

describe('every element under extreme but valid filter states', () => {
  let data: MktData;
  let widgets: MktWidget<unknown>[];
  const errors: MktErrorEvent[] = [];
  const uncaught: string[] = [];
  const onError = (e: Event) => errors.push(e as MktErrorEvent);
  const onUncaught = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(e.reason)}`);
  const kpiGmv = () => text(data.querySelector('mkt-kpis')!, '[data-kpi="gmv"] .value');

  before(async () => {
    document.addEventListener('mkt-error', onError);
    window.addEventListener('error', onUncaught);
    window.addEventListener('unhandledrejection', onRejection);
    ({ data, widgets } = await mountEveryElement(extremeDataset()));
  });

  after(() => {
    document.removeEventListener('mkt-error', onError);
    window.removeEventListener('error', onUncaught);
    window.removeEventListener('unhandledrejection', onRejection);
    data.remove();
  });

  /** Applies a change, then waits for every element to settle and checks none shows an error or threw. */
  async function expectAllSettle(patch: FilterPatch, label: string): Promise<void> {
    errors.length = 0;
    uncaught.length = 0;
    data.dispatchEvent(new MktFilterChangeEvent(patch));
    // Let the change start every element's run before waiting for them to end.
    await new Promise((r) => setTimeout(r, 50));
    for (const w of widgets) await waitFor(() => isSettled(w), `${w.localName} to settle under ${label}`, 30000);
    for (const w of widgets) {
      const shown = w.shadowRoot!.querySelector('.message.error');
      expect(shown?.textContent ?? null, `${w.localName} under ${label}`).to.equal(null);
      const body = w.shadowRoot!.querySelector('.body');
      expect(body?.textContent?.trim() || body?.querySelector('svg, table, form, ul'), `${w.localName} shows something`)
        .to.be.ok;
    }
    expect(uncaught, `uncaught errors under ${label}`).to.deep.equal([]);
    const failures = errors.filter((e) => e.detail.code !== 'filter-invalid');
    expect(failures.map((e) => `${e.detail.source} ${e.detail.code}: ${e.detail.message}`)).to.deep.equal([]);
  }

  it('mounts every exported element', () => {
    expect(widgets.length).to.equal(exportedTags().length - 1);
  });

  it('settles with no filter', async () => {
    await expectAllSettle({}, 'no filter');
    // Completed lines: 460 in the tiny marketplace, plus t9's 30.
    expect(kpiGmv()).to.equal('$490');
  });

  it('clamps dates from 0001-01-01 to 9999-12-31 to the data (with a warning) and settles', async () => {
    await expectAllSettle({ dateFrom: '0001-01-01', dateTo: '9999-12-31' }, '0001-01-01 – 9999-12-31');
    expect(data.filters.dateFrom).to.equal('2025-01-10');
    expect(data.filters.dateTo).to.equal('2025-03-10');
    expect(errors.map((e) => e.detail.code)).to.include('filter-invalid');
    expect(kpiGmv()).to.equal('$490');
  });

  it('clamps a year typo (0202-06-01) to the first day of the data and settles', async () => {
    await expectAllSettle({ dateFrom: '0202-06-01', dateTo: null }, 'dateFrom 0202-06-01');
    expect(data.filters.dateFrom).to.equal('2025-01-10');
    expect(errors.map((e) => e.detail.code)).to.include('filter-invalid');
  });

  it('settles on the first day and on the last day of the data alone', async () => {
    // 2025-01-10: t1 (100) only. 2025-03-10: t8 (100) only.
    await expectAllSettle({ dateFrom: '2025-01-10', dateTo: '2025-01-10' }, 'the first day');
    expect(kpiGmv()).to.equal('$100');
    await expectAllSettle({ dateFrom: '2025-03-10', dateTo: '2025-03-10' }, 'the last day');
    expect(kpiGmv()).to.equal('$100');
  });

  it('settles on a window with no order inside the data (16 Jan – 2 Feb)', async () => {
    await expectAllSettle({ dateFrom: '2025-01-16', dateTo: '2025-02-02' }, 'a window without orders');
  });

  it('selects a 10,011-character category that exists in the data', async () => {
    await expectAllSettle({ dateFrom: null, dateTo: null, categories: [LONG_CATEGORY] }, 'the long category');
    expect(
      data.filters.categories.length === 1 && data.filters.categories[0] === LONG_CATEGORY,
      'the long category is the filter',
    ).to.be.true;
    expect(kpiGmv()).to.equal('$30');
  });

  it('settles with every category, tier and region selected, and with combinations that match nothing', async () => {
    const info = data.state.info!;
    await expectAllSettle(
      { categories: [...info.categories], tiers: [...info.tiers], regions: [...info.regions] },
      'everything selected',
    );
    expect(kpiGmv()).to.equal('$490');
    // No new-tier seller sells Books.
    await expectAllSettle({ categories: ['Books'], tiers: ['new'], regions: [] }, 'Books from new sellers');
    await expectAllSettle({ categories: [], tiers: [], segment: 'Champions', cohort: '2025-03' }, 'segment + cohort');
    await expectAllSettle({ segment: 'No such segment', cohort: '1999-01' }, 'an unknown segment and cohort');
  });

  it('rejects a NUL byte in a region, keeping the state, and settles', async () => {
    await expectAllSettle({ segment: null, cohort: null }, 'reset');
    const before = data.filters;
    await expectAllSettle({ regions: ['Texas\u0000'] }, 'a NUL byte');
    expect(data.filters).to.equal(before);
    expect(errors.map((e) => e.detail.code)).to.include('filter-invalid');
  });
});

class ThrowingWidget extends MktWidget<number> {
  protected override query(): Promise<number> {
    return Promise.resolve(1);
  }
  protected override renderResult(): never {
    throw new RangeError('Maximum call stack size exceeded');
  }
}
customElements.define('test-throwing-widget', ThrowingWidget);

describe('a widget whose chart throws while drawing', () => {
  it('shows a clear error in place and sends mkt-error render-failed, instead of staying in its last state', async () => {
    const codes: string[] = [];
    const data = document.createElement('mkt-data') as MktData;
    data.addEventListener('mkt-error', (e) => codes.push(e.detail.code));
    data.source = tinyDataset();
    const widget = document.createElement('test-throwing-widget') as ThrowingWidget;
    data.append(widget);
    document.body.append(data);
    await whenReady(data);
    await waitFor(() => text(widget, '.message.error'), 'the error to show');
    expect(text(widget, '.message.error')).to.equal('This view could not be drawn: Maximum call stack size exceeded');
    expect(widget.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    await waitFor(() => codes.includes('render-failed'), 'mkt-error render-failed');
    data.remove();
  });
});
