import type { Table } from 'apache-arrow';
import { buildQuery, isQueryName, type QueryArgs, type QueryName } from '../queries/registry.js';
import { ServerError } from './errors.js';
import { describeIssues, QUERY_ARGUMENTS, queryRequest } from './query-arguments.js';
import type { QueryRunner } from './query-runner.js';

/**
 * A query request (`{ name, args }`, parsed JSON) checked and run: a registry name, arguments that pass its
 * schema, then the SQL its builder makes. Nothing of the request reaches SQL but the checked arguments, through
 * the builder's escaping.
 */
export async function runNamedQuery(body: unknown, runner: QueryRunner, signal: AbortSignal): Promise<Table> {
  return runner.run(namedQuerySql(body), signal);
}

/** The SQL of a query request: its name and arguments checked, then its builder's SQL (or a ServerError). */
export function namedQuerySql(body: unknown): string {
  const request = queryRequest.safeParse(body);
  if (!request.success)
    throw new ServerError('invalid-request', 'The request must be an object { "name": "...", "args": [...] }.');
  const { name, args } = request.data;
  if (!isQueryName(name)) throw new ServerError('unknown-query', 'This server has no query of that name.');
  const checked = QUERY_ARGUMENTS[name].safeParse(args);
  if (!checked.success)
    throw new ServerError('invalid-arguments', `Arguments of ${name}: ${describeIssues(checked.error)}.`);
  try {
    return buildQuery(name, checked.data as QueryArgs<QueryName>);
  } catch {
    throw new ServerError('invalid-arguments', `The arguments of ${name} do not make a query.`);
  }
}
