import type { FilterState } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';
import {
  funnelRows,
  sessionDepthsSql,
  sessionPathRows,
  type FunnelBreakdown,
  type SessionDepthRow,
} from '../../src/metrics/funnel.js';
import { sql } from './engine.js';

/** The funnel rows an `<mkt-funnel>` with this breakdown computes. */
export async function funnelOf(engine: QueryEngine, filters: FilterState, breakdown: FunnelBreakdown = 'none') {
  return funnelRows(await sql<SessionDepthRow>(engine, sessionDepthsSql(filters)), breakdown, filters.categories);
}

/** The (source, depth, sessions) rows an `<mkt-journey>` in session mode draws. */
export async function sessionPaths(engine: QueryEngine, filters: FilterState) {
  const rows = sessionPathRows(await sql<SessionDepthRow>(engine, sessionDepthsSql(filters)), filters.categories);
  return rows.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.depth - b.depth));
}
