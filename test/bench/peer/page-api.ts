// What the peer benchmark's two pages (kit.html, mosaic.html) offer the runner (test/bench/peer.mjs) as
// `window.__peer`, so that it drives and reads both the same way.
import type { FilterPatch } from '../../../src/data/filter-state.js';
import type { View } from './minimal-sql.js';

/** A statement a page sent to DuckDB during a filter change, with its time from sending to answer. */
export interface SentStatement {
  readonly sql: string;
  readonly ms: number;
  /** The kit: the same statement run again, raw, on a quiet database after the change. */
  readonly rawMs?: number;
}

/** Milliseconds since navigation start. */
export interface PeerColdStart {
  readonly engineReady: number | null;
  readonly dataLoaded: number | null;
  readonly dataReady: number | null;
  readonly painted: number;
}

export interface PeerStep {
  /** From the change until every view has repainted. */
  readonly ms: number;
  readonly statements: readonly SentStatement[];
  /** Mosaic with pre-aggregation: building the data-cube tables when the change's filter is activated (as a hover would), before `ms` starts. */
  readonly cubeMs: number;
  readonly cubeStatements: number;
}

/** The numbers the views show, to check that both pages agree. */
export interface PeerFigures {
  readonly gmv: number;
  readonly aov: number | null;
  readonly sellers: number;
  readonly customers: number;
  /** Sums of each chart's values: the line, the category bars, the tier bars. */
  readonly trendGmv: number;
  readonly categoryGmv: number;
  readonly tierGmv: number;
}

export interface PeerPage {
  coldStart(): Promise<PeerColdStart>;
  change(patch: FilterPatch): Promise<PeerStep>;
  figures(): PeerFigures;
  /** The raw DuckDB time of each view's minimal SQL (minimal-sql.ts) for the current filters, on this page's database. */
  rawMinimal(): Promise<Record<View, number>>;
  /** Statements the page sent before the first change (cold start), with their times. */
  coldStatements(): readonly SentStatement[];
}

declare global {
  interface Window {
    __peer: PeerPage;
  }
}

/** `?data=scale-5` → `/data/scale-5/` (the runner serves demo/data there). */
export function dataFolder(): string {
  const folder = new URLSearchParams(location.search).get('data') ?? 'scale-1';
  if (!/^[\w.-]+$/.test(folder)) throw new Error(`Bad data folder ${JSON.stringify(folder)}`);
  return `/data/${folder}/`;
}

/** Sum of a column, nulls as 0. */
export const sum = (values: Iterable<number | null | undefined>) => {
  let total = 0;
  for (const v of values) total += Number(v ?? 0);
  return total;
};
