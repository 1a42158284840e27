import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { repeatPathsSql } from '../../src/metrics/funnel.js';
import { funnelOf, sessionPaths } from '../support/funnel.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

// Sessions: S1 organic_search Electronics c3 view→cart→checkout→purchase; S2 direct Books c1 view;
// S3 social Toys c3 view→cart; S4 email Electronics c1 view→cart→checkout→purchase; S5 paid_search Books anonymous view.
describe('funnel SQL on the tiny marketplace', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(tinyDataset()));
  });
  after(() => close());

  it('the funnel counts the sessions reaching each step', async () => {
    const [f] = await funnelOf(engine, EMPTY_FILTERS);
    expect(f).to.deep.equal({ grp: null, sessions: 5, viewed: 5, carted: 3, checked_out: 2, purchased: 2 });
  });

  it('the funnel breaks the funnel down by category, ignoring the category filter', async () => {
    const filters = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys'] });
    const rows = await funnelOf(engine, filters, 'category');
    expect(rows.map((r) => [r.grp, r.sessions, r.viewed, r.carted, r.checked_out, r.purchased])).to.deep.equal([
      ['Books', 2, 2, 0, 0, 0],
      ['Electronics', 2, 2, 2, 2, 2],
      ['Toys', 1, 1, 1, 0, 0],
    ]);
  });

  it('the overall funnel applies the category filter (the shared scan leaves it to the fold)', async () => {
    const filters = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys'] });
    // The one Toys session viewed and carted (the breakdown above).
    expect(await funnelOf(engine, filters)).to.deep.equal([
      { grp: null, sessions: 1, viewed: 1, carted: 1, checked_out: 0, purchased: 0 },
    ]);
  });

  it('the funnel by traffic source applies the date filter to the session day', async () => {
    const filters = applyFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-01', dateTo: '2025-02-28' });
    const rows = await funnelOf(engine, filters, 'source');
    // February: S1 organic (purchase), S2 direct, S3 social.
    expect(rows.map((r) => [r.grp, r.sessions, r.purchased])).to.deep.equal([
      ['direct', 1, 0],
      ['organic_search', 1, 1],
      ['social', 1, 0],
    ]);
  });

  it('a step counts only when every earlier step was reached', async () => {
    const extra = [
      {
        id: 'S6-0',
        session_id: 'S6',
        customer_id: 'c2',
        product_id: 'p1',
        event_type: 'add_to_cart',
        event_time: '2025-03-05T09:00:00',
        traffic_source: 'email',
      },
      {
        id: 'S6-1',
        session_id: 'S6',
        customer_id: 'c2',
        product_id: 'p1',
        event_type: 'purchase',
        event_time: '2025-03-05T09:01:00',
        traffic_source: 'email',
      },
    ];
    const other = await openEngine(tinyDataset({ rows: { page_events: [...TINY.page_events, ...extra] } }));
    try {
      const [f] = await funnelOf(other.engine, EMPTY_FILTERS);
      // S6 has a cart and a purchase but no view: it is a session, and it reaches no step.
      expect(f).to.deep.equal({ grp: null, sessions: 6, viewed: 5, carted: 3, checked_out: 2, purchased: 2 });
    } finally {
      await other.close();
    }
  });

  it('the session journeys give each source how far its sessions got', async () => {
    const rows = await sessionPaths(engine, EMPTY_FILTERS);
    expect(rows.map((r) => [r.source, r.depth, r.sessions])).to.deep.equal([
      ['direct', 1, 1],
      ['email', 4, 1],
      ['organic_search', 4, 1],
      ['paid_search', 1, 1],
      ['social', 2, 1],
    ]);
  });

  it('repeatPathsSql() follows known visitors from their first session', async () => {
    // c1: first S4 (email, Jan 20, purchase), then S2 (no purchase): 1 purchase.
    // c3: first S3 (social, Feb 11), then S1 (purchase): 1 purchase. S5 is anonymous.
    const rows = await sql(engine, repeatPathsSql(EMPTY_FILTERS));
    expect(rows.map((r) => [r.source, r.purchases, r.customers])).to.deep.equal([
      ['email', 1, 1],
      ['social', 1, 1],
    ]);
  });
});
