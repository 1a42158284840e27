import { expect } from '@open-wc/testing';
import {
  anomaliesOf,
  detectAnomalies,
  detectionSteps,
  groupBy,
  type OrderSeriesRow,
} from '../../src/models/anomaly-detection.js';
import { runInSlices } from '../../src/models/in-slices.js';
import { addDays } from '../../src/metrics/filter-sql.js';

const days = Array.from({ length: 28 }, (_, i) => addDays('2025-03-03', i));
const orderRow = (dim: OrderSeriesRow['dim'], slice: string, day: string, gmv: number, orders: number) => ({
  dim,
  slice,
  day,
  gmv,
  orders,
  shipped: orders,
  late: 0,
});

describe('anomaly detection (src/models/anomaly-detection.ts)', () => {
  it('groupBy() places rows on the days, null where a day has none, all before categories before tiers', () => {
    const groups = groupBy(
      [
        orderRow('tier', 'gold', days[1], 5, 1),
        orderRow('category', 'Toys', days[0], 7, 1),
        orderRow('all', 'All', days[2], 9, 1),
        orderRow('category', 'Books', days[2], 3, 1),
      ],
      days.slice(0, 3),
    );
    expect(groups.map((g) => `${g.dim}:${g.slice}`)).to.deep.equal([
      'all:All',
      'category:Books',
      'category:Toys',
      'tier:gold',
    ]);
    expect(groups[2].rows.map((r) => r?.gmv ?? null)).to.deep.equal([7, null, null]);
  });

  it('flags one spike of daily GMV, skips a rate without events and a quiet category', () => {
    // Every day $100 from 10 orders, but day 20 has $1,000: after the rolling median and the (flat) weekday
    // pattern, only day 20 has a residual, so its robust z is far beyond 3.5 and it is expected at $100.
    const all = days.map((d, i) => orderRow('all', 'All', d, i === 20 ? 1000 : 100, 10));
    // Toys sells 2 orders a day: below the 5-a-day median needed to score GMV and orders.
    const toys = days.map((d) => orderRow('category', 'Toys', d, 30, 2));
    const found = detectAnomalies({ days, orders: [...all, ...toys], sessions: [], churn: [], threshold: 3.5 });
    expect(found.series.map((s) => `${s.metric}:${s.slice}`)).to.deep.equal(['gmv:All', 'orders:All']);
    // Skipped: All's late rate (no late shipment: n·p = 0), and Toys' GMV, orders and late rate.
    expect(found.skipped).to.equal(4);
    expect(found.anomalies).to.have.length(1);
    const [a] = found.anomalies;
    expect([a.metric, a.slice, a.from, a.to, a.day, a.observed]).to.deep.equal([
      'gmv',
      'All',
      days[20],
      days[20],
      days[20],
      1000,
    ]);
    expect(a.expected).to.be.closeTo(100, 1e-9);
    expect(a.score).to.be.greaterThan(3.5);
  });

  it('finds the same in slices (one group of series at a time) as at once', async () => {
    const all = days.map((d, i) => orderRow('all', 'All', d, i === 20 ? 1000 : 100, 10));
    const books = days.map((d, i) => orderRow('category', 'Books', d, i === 9 ? 5 : 60, i === 9 ? 1 : 6));
    const input = { days, orders: [...all, ...books], sessions: [], churn: [], threshold: 3.5 };
    const steps = [
      ...(function* () {
        const it = detectionSteps(input);
        while (!it.next().done) yield 1;
      })(),
    ];
    // One step per group: All and Books.
    expect(steps.length).to.equal(2);
    const sliced = await runInSlices(detectionSteps(input), undefined, 0);
    expect(sliced).to.deep.equal(detectAnomalies(input));
    expect(sliced.anomalies.map((a) => `${a.metric}:${a.slice}:${a.day}`)).to.include('gmv:All:2025-03-23');
  });

  it('anomaliesOf() reports a weekly run from its first Monday to the Sunday after its last, largest first', () => {
    const weeks = ['2025-01-06', '2025-01-13', '2025-01-20'];
    const series = [
      {
        metric: 'churn' as const,
        unit: 'week' as const,
        days: weeks,
        dim: 'all' as const,
        slice: 'All',
        observed: [0.1, 0.5, 0.6],
        expected: [0.1, 0.1, 0.1],
        scores: [0, 4, 6],
        flagged: [false, true, true],
      },
      {
        ...{ metric: 'gmv' as const, unit: 'day' as const, dim: 'all' as const, slice: 'All' },
        days: weeks,
        observed: [1, 9, 1],
        expected: [1, 1, 1],
        scores: [0, 5, 0],
        flagged: [false, true, false],
      },
    ];
    const found = anomaliesOf(series);
    expect(found.map((a) => [a.metric, a.from, a.to, a.day, a.score])).to.deep.equal([
      ['churn', '2025-01-13', '2025-01-26', '2025-01-20', 6],
      ['gmv', '2025-01-13', '2025-01-13', '2025-01-13', 5],
    ]);
  });
});
