import { expect } from '@open-wc/testing';
import { QueryEngine } from '../../src/data/query-engine.js';
import { MktFilterChangeEvent } from '../../src/events/filter-change.js';
import { buildQuery, type NamedQuery, type QueryName } from '../../src/queries/registry.js';
import { QUERY_ARGUMENTS } from '../../src/server/query-arguments.js';
import type { FilterPatch } from '../../src/data/filter-state.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import { waitFor } from '../support/dom.js';
import { mountEveryElement } from '../support/elements.js';

/** Every named query the elements send while they render and follow a few filter changes. */
async function recordQueries(patches: readonly FilterPatch[]): Promise<NamedQuery[]> {
  const sent: NamedQuery[] = [];
  const query = QueryEngine.prototype.query;
  QueryEngine.prototype.query = function (this: QueryEngine, q, ...rest) {
    if (typeof q !== 'string') sent.push(q);
    return query.call(this, q, ...rest);
  };
  try {
    const { data, widgets } = await mountEveryElement(analyticsShop());
    const settled = () => widgets.every((w) => (w as unknown as { task: { status: number } }).task.status !== 1);
    await waitFor(settled, 'every element to settle', 60000);
    for (const patch of patches) {
      data.dispatchEvent(new MktFilterChangeEvent(patch));
      await new Promise((r) => setTimeout(r, 50));
      await waitFor(settled, 'every element to settle after a filter change', 60000);
    }
    data.remove();
  } finally {
    QueryEngine.prototype.query = query;
  }
  return sent;
}

describe('the arguments elements really send pass the server’s schemas', () => {
  it('every named query of every element, on a shop with every table and under filters, passes its schema and rebuilds its SQL', async () => {
    const sent = await recordQueries([
      { categories: ['Electronics'], tiers: ['gold'] },
      { dateFrom: '2025-03-01', dateTo: '2025-03-31', regions: ['Texas'] },
      { categories: [], tiers: [], regions: [], dateFrom: null, dateTo: null, segment: 'Champions', cohort: '2025-02' },
    ]);
    const names = new Set(sent.map((q) => q.name));
    // The elements together use most of the registry; a query seen here only by its samples is named in the message.
    expect(names.size, [...names].sort().join(', ')).to.be.greaterThan(30);
    for (const q of sent) {
      const args = JSON.parse(JSON.stringify(q.args)) as unknown;
      const checked = QUERY_ARGUMENTS[q.name as QueryName].safeParse(args);
      expect(checked.success, `${q.name}: ${JSON.stringify(checked.error?.issues ?? [])}`).to.be.true;
      expect(buildQuery(q.name, checked.data as NamedQuery['args'])).to.equal(q.sql);
    }
  });
});
