import { expect, html } from '@open-wc/testing';
import { Float64, Table, Utf8, makeVector, vectorFromArray } from 'apache-arrow';
import '../../src/components/data/mkt-data.js';
import '../../src/components/clv/mkt-clv.js';
import '../../src/components/churn/mkt-churn.js';
import '../../src/components/rfm-segments/mkt-rfm-segments.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktClv } from '../../src/components/clv/mkt-clv.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { floatColumn, textColumn } from '../../src/data/customer-models.js';
import { alignSorted, analyse, CustomerModelStore, decodeText } from '../../src/models/customer-analysis.js';
import { MISSING_MODEL } from '../../src/models/customer-model.js';
import { warmUp } from '../../src/models/customer-warm-up.js';
import { rfmSegmentStats } from '../../src/models/rfm-stats.js';
import type { CustomerValues } from '../../src/models/customer-value.js';
import { manyCustomersDataset, manyCustomersRows } from '../fixtures/customer-rows.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import type { ClvSummary } from '../../src/models/customer-analysis.js';
import type { RfmSegmentsStats } from '../../src/models/rfm-stats.js';
import type { ChurnAnalysis } from '../../src/models/churn-model.js';
import { mount, settled, text, waitFor, whenReady } from '../support/dom.js';

describe('reading Arrow columns for the customer worker', () => {
  // Two record batches, as DuckDB returns for larger results; ids with non-ASCII characters and an empty one.
  const ids = ['c1', 'Zoë', '', '顧客-7', 'c10'];
  const first = new Table({
    customer_id: vectorFromArray(ids.slice(0, 2), new Utf8()),
    x: makeVector(Int32Array.of(0, 3)),
  });
  const second = new Table({
    customer_id: vectorFromArray(ids.slice(2), new Utf8()),
    x: makeVector(Int32Array.of(1, 2, 5)),
  });
  const table = new Table([...first.batches, ...second.batches]);

  it('textColumn() keeps the UTF-8 bytes of every batch, and decodeText() gives back the strings', () => {
    expect(table.batches.length).to.equal(2);
    const column = textColumn(table, 'customer_id');
    expect(decodeText(column)).to.deep.equal(ids);
    // 'Zoë' is 4 bytes, '顧客-7' is 3 + 3 + 2 = 8 bytes.
    expect('offsets' in column ? [...column.offsets] : null).to.deep.equal([0, 2, 6, 6, 14, 17]);
  });

  it('floatColumn() reads integer and double columns as a Float64Array of its own', () => {
    expect([...floatColumn(table, 'x')]).to.deep.equal([0, 3, 1, 2, 5]);
    const doubles = new Table({ v: makeVector({ type: new Float64(), data: Float64Array.of(1.5, -2) }) });
    const read = floatColumn(doubles, 'v');
    expect([...read]).to.deep.equal([1.5, -2]);
    expect(read.buffer).to.not.equal(doubles.getChild('v')!.data[0].values.buffer);
  });
});

describe('CustomerModelStore', () => {
  // Three customers, one with a repeat purchase (weeks): enough for a fit to be attempted.
  const summary = {
    ids: ['a', 'b', 'c'],
    x: Float64Array.of(0, 2, 1),
    tx: Float64Array.of(0, 5, 3),
    T: Float64Array.of(10, 12, 8),
    mx: Float64Array.of(0, 40, 25),
    monetary: Float64Array.of(30, 150, 60),
    recencyDays: Float64Array.of(70, 49, 35),
  };

  it('keeps the last models by key and says MISSING_MODEL for a dropped one asked for without its columns', () => {
    const store = new CustomerModelStore(1);
    expect(analyse(store, { op: 'fit', key: 'A', summary })).to.equal(null);
    expect(store.model('A', undefined).ids).to.deep.equal(['a', 'b', 'c']);
    analyse(store, { op: 'fit', key: 'B', summary });
    expect(() => store.model('A', undefined)).to.throw(MISSING_MODEL);
    // With the columns again, it is rebuilt.
    expect(store.model('A', summary).ids).to.deep.equal(['a', 'b', 'c']);
  });
});

describe('warmUp()', () => {
  it("runs the worker's requests on its made-up customers without an error", () => {
    expect(() => warmUp(200)).to.not.throw();
  });
});

describe('alignSorted()', () => {
  it('matches ids of two lists sorted alike when one contains the other, and gives up otherwise', () => {
    // A superset: positions of each listed id in ids, −1 for the extra ones.
    expect([...alignSorted(['a', 'b', 'c', 'd'], ['b', 'd'])!]).to.deep.equal([-1, 0, -1, 1]);
    // A subset.
    expect([...alignSorted(['b', 'd'], ['a', 'b', 'c', 'd'])!]).to.deep.equal([1, 3]);
    // Neither contains the other, or another order: no alignment (the caller then looks ids up).
    expect(alignSorted(['a', 'x', 'c'], ['a', 'c', 'd'])).to.equal(null);
    expect(alignSorted(['d', 'b'], ['a', 'b', 'c', 'd'])).to.equal(null);
    expect(alignSorted(['a', 'b', 'c'], ['c', 'a'])).to.equal(null);
  });
});

describe('rfmSegmentStats()', () => {
  it('groups customers by their rule segment, with revenue shares and the mean CLV of the matched customers', () => {
    // Four customers: a and c are Champions, b and d are Lost; d has no model row (its CLV is not counted).
    const rfm = {
      ids: ['a', 'b', 'c', 'd'],
      recency: Float64Array.of(2, 200, 4, 150),
      frequency: Float64Array.of(5, 1, 3, 1),
      monetary: Float64Array.of(500, 20, 300, 180),
      rScore: Float64Array.of(5, 1, 5, 1),
      fScore: Float64Array.of(5, 1, 4, 1),
      mScore: Float64Array.of(5, 1, 4, 3),
      segment: ['Champions', 'Lost', 'Champions', 'Lost'],
    };
    const index = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    const values = { clv: Float64Array.of(100, 4, 60) } as unknown as CustomerValues;
    const positions = (ids: readonly string[]) => Int32Array.from(ids, (id) => index.get(id) ?? -1);
    const stats = rfmSegmentStats(rfm, (c) => c, { positions }, values, 'rules', 0);
    expect(stats.customers).to.equal(4);
    expect(stats.segments.map((s) => s.name)).to.deep.equal(['Champions', 'Lost']);
    const [champions, lost] = stats.segments;
    // Total revenue 1000: Champions 800 (80%), Lost 200 (20%).
    expect(champions).to.deep.include({ customers: 2, revenue: 800, avgClv: 80, avgFrequency: 4, avgRecency: 3 });
    expect(champions.revenueShare).to.be.closeTo(0.8, 1e-12);
    expect(lost).to.deep.include({ customers: 2, revenue: 200, avgClv: 4, avgFrequency: 1, avgRecency: 175 });
    // Half the customers share R = 1 (the lower of two equal groups is named) and F = 1; M spreads over 4 scores.
    expect(stats.ties).to.deep.equal([
      { score: 'recency', value: 1, share: 0.5, min: 150, max: 200 },
      { score: 'frequency', value: 1, share: 0.5, min: 1, max: 1 },
    ]);
    expect(stats.fitWarnings).to.deep.equal([]);
  });
});

describe('the customer models run in a worker', () => {
  it('<mkt-clv> gets its result from the worker', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    const el: MktClv = await mount(html`<mkt-clv .dashboard=${data.state}></mkt-clv>`);
    await settled(el);
    expect(text(el, '[data-tile="customers"] .value')).to.not.equal('');
    expect(data.state.models?.lastWhere).to.equal('worker');
    el.remove();
    data.remove();
  });

  it('ends the worker of its dashboard when the dashboard is removed', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}><mkt-clv></mkt-clv></mkt-data>`);
    await whenReady(data);
    await settled(data.querySelector('mkt-clv')!);
    const models = data.state.models!;
    const worker = (models as unknown as { worker: Worker | null }).worker;
    expect(worker).to.be.instanceOf(Worker);
    data.remove();
    await waitFor(() => data.state.status === 'idle', 'the dashboard to be freed');
    expect((models as unknown as { worker: Worker | null }).worker).to.equal(null);
    expect(data.state.models).to.equal(null);
  });
});

describe('two dashboards on one page with equal filters', () => {
  // B is A with every customer renamed (k01 → m01) and every amount tripled. Both have the same days, so the
  // customer-model SQL of the two dashboards is the same text. Gamma-Gamma is scale-equivariant (amounts × 3 give
  // γ × 3 and p, q unchanged, so every expected spend × 3) and BG/NBD reads only days and counts: B's CLVs are
  // three times A's, customer for customer; its at-risk customers are m-ids.
  function tripledRenamed() {
    const { customers, transactions } = manyCustomersRows();
    const rename = (id: unknown) => String(id).replace(/^k/, 'm');
    return tinyDataset({
      without: ['reviews', 'page_events'],
      rows: {
        customers: customers.map((c) => ({ ...c, id: rename(c.id) })),
        transactions: transactions.map((t) => ({
          ...t,
          customer_id: rename(t.customer_id),
          revenue: (t.revenue as number) * 3,
        })),
      },
    });
  }
  const value = <T>(el: Element) => (el as unknown as { task: { value: T } }).task.value;

  it("never show each other's CLV, RFM or churn figures", async () => {
    const page = await mount<HTMLDivElement>(
      html`<div>
        <mkt-data id="shop-a" .source=${manyCustomersDataset()}>
          <mkt-clv></mkt-clv><mkt-rfm-segments></mkt-rfm-segments><mkt-churn></mkt-churn>
        </mkt-data>
        <mkt-data id="shop-b" .source=${tripledRenamed()}>
          <mkt-clv></mkt-clv><mkt-rfm-segments></mkt-rfm-segments><mkt-churn></mkt-churn>
        </mkt-data>
      </div>`,
    );
    const [a, b] = page.querySelectorAll('mkt-data');
    // Two databases load at once: give them longer than one.
    await waitFor(() => a.state.status === 'ready' && b.state.status === 'ready', 'both dashboards to load', 60000);
    for (const el of page.querySelectorAll<MktWidget<unknown>>('mkt-clv, mkt-rfm-segments, mkt-churn'))
      await settled(el);
    expect(a.state.models).to.not.equal(b.state.models);

    const clvA = value<ClvSummary>(a.querySelector('mkt-clv')!);
    const clvB = value<ClvSummary>(b.querySelector('mkt-clv')!);
    const buyers = new Set(
      manyCustomersRows()
        .transactions.filter((t) => t.status === 'completed')
        .map((t) => t.customer_id),
    ).size;
    expect(clvA.customers).to.equal(buyers);
    expect(clvB.customers).to.equal(buyers);
    expect(clvB.totalClv / clvA.totalClv).to.be.closeTo(3, 0.03);

    const rfmA = value<RfmSegmentsStats>(a.querySelector('mkt-rfm-segments')!);
    const rfmB = value<RfmSegmentsStats>(b.querySelector('mkt-rfm-segments')!);
    expect(rfmB.segments.map((s) => [s.name, s.customers])).to.deep.equal(
      rfmA.segments.map((s) => [s.name, s.customers]),
    );
    rfmA.segments.forEach((s, i) => expect(rfmB.segments[i].avgClv / s.avgClv, s.name).to.be.closeTo(3, 0.03));

    const churnA = value<ChurnAnalysis>(a.querySelector('mkt-churn')!);
    const churnB = value<ChurnAnalysis>(b.querySelector('mkt-churn')!);
    expect(churnA.atRisk.length).to.be.above(0);
    expect(churnA.atRisk.every((c) => c.id.startsWith('k'))).to.be.true;
    expect(churnB.atRisk.every((c) => c.id.startsWith('m'))).to.be.true;
    page.remove();
  });
});

describe('the chart the CLV, RFM and churn elements export', () => {
  it('is the largest chart on screen, as measured by layout', async () => {
    const data: MktData = await mount(html`<mkt-data .source=${manyCustomersDataset()}></mkt-data>`);
    await whenReady(data);
    const templates = {
      'mkt-clv': html`<mkt-clv .dashboard=${data.state}></mkt-clv>`,
      'mkt-rfm-segments': html`<mkt-rfm-segments .dashboard=${data.state}></mkt-rfm-segments>`,
      'mkt-churn': html`<mkt-churn .dashboard=${data.state}></mkt-churn>`,
    };
    for (const [tag, template] of Object.entries(templates)) {
      const el: MktWidget<unknown> = await mount(template);
      await settled(el);
      // The base class's rule: any <svg> in the body except legends, tables, hidden ones and nested ones.
      const charts = [...el.shadowRoot!.querySelectorAll<SVGSVGElement>('.body svg')].filter(
        (svg) => !svg.closest('.seq-legend, .legend, table, .visually-hidden') && !svg.parentElement?.closest('svg'),
      );
      expect(charts.length, tag).to.be.above(0);
      const area = (svg: SVGSVGElement) => svg.getBoundingClientRect().width * svg.getBoundingClientRect().height;
      const largest = charts.reduce((a, b) => (area(b) > area(a) ? b : a));
      const exported = new DOMParser().parseFromString(el.exportSvg(), 'image/svg+xml').documentElement;
      expect(exported.getAttribute('aria-label'), tag).to.equal(largest.getAttribute('aria-label'));
      el.remove();
    }
    data.remove();
  });
});
