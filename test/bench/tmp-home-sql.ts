import { DuckDBInstance } from '@duckdb/node-api';
import { named } from '../../src/queries/registry.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { kpiPeriods } from '../../src/metrics/kpis.js';
const inst = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const c = await inst.connect();
await c.run(`SET threads=2`);
const states = {
  all: applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-01-01', dateTo: '2025-12-31' }),
  cat: applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-01-01', dateTo: '2025-12-31', categories: ['Electronics'] }),
  q: applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-04-01', dateTo: '2025-06-30', tiers: ['gold'] }),
};
for (const [label, f] of Object.entries(states)) {
  const periods = kpiPeriods(f, '2024-01-01', '2025-12-31');
  const w = periods.current;
  const qs = [
    named('orderKpis', f, periods), named('sessionKpis', f, periods),
    named('revenueTrend', f, w, 'day', { compare: true, dataStart: '2024-01-01' }),
    named('categoryPerformance', f, { withSessions: false }),
    named('tierContribution', f, w, 'month'),
    named('paymentMethods', f), named('paymentMix', f, 'month' as never),
  ];
  for (const q of qs) {
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) { const t = performance.now(); await c.runAndReadAll(q.sql); ts.push(performance.now() - t); }
    ts.sort((a, b) => a - b);
    console.log(label.padEnd(4), q.name.padEnd(20), ts.map((t) => t.toFixed(0)).join(' '));
  }
}
