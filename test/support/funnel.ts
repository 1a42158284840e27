import type { FilterState } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';
import { depthGroupOf, funnelRows, sessionDepthsSql, type FunnelBreakdown } from '../../src/metrics/funnel.js';
import { sql } from './engine.js';

type DepthRow = { grp: string; depth: number; sessions: number };

/** The funnel rows an `<mkt-funnel>` with this breakdown computes. */
export async function funnelOf(engine: QueryEngine, filters: FilterState, breakdown: FunnelBreakdown = 'none') {
  return funnelRows(await sql<DepthRow>(engine, sessionDepthsSql(filters, depthGroupOf(breakdown))), breakdown);
}

/** The (source, depth, sessions) rows an `<mkt-journey>` in session mode draws. */
export async function sessionPaths(engine: QueryEngine, filters: FilterState) {
  const rows = await sql<DepthRow>(engine, sessionDepthsSql(filters, 'source'));
  return rows.map((r) => ({ source: r.grp, depth: r.depth, sessions: r.sessions }));
}
