import { orderKpisSql, sessionKpisSql } from '../metrics/kpis.js';

/**
 * Every query an element may run, by name: the same builders serve the browser (which runs the SQL itself) and
 * the server (which is sent only a name and its arguments, checks the arguments and builds the SQL here; it never
 * runs SQL text from a browser). The names are part of the server protocol: renaming one is a breaking change.
 */
export const QUERY_BUILDERS = {
  orderKpis: orderKpisSql,
  sessionKpis: sessionKpisSql,
} as const;

export type QueryName = keyof typeof QUERY_BUILDERS;
type Builder<N extends QueryName> = (typeof QUERY_BUILDERS)[N];

/** A query by name: its JSON-serialisable arguments, and the SQL they build (the cache key in both modes). */
export interface NamedQuery<N extends QueryName = QueryName> {
  readonly name: N;
  readonly args: Parameters<Builder<N>>;
  readonly sql: string;
}

export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.hasOwn(QUERY_BUILDERS, name);
}

/** `named('orderKpis', filters, periods)`: the query an element hands to `engine.query`. */
export function named<N extends QueryName>(name: N, ...args: Parameters<Builder<N>>): NamedQuery<N> {
  const build = QUERY_BUILDERS[name] as (...a: Parameters<Builder<N>>) => string;
  return { name, args, sql: build(...args) };
}
