// Every named query's argument schema (src/server/query-arguments.ts): it accepts what the elements send, and
// refuses, or escapes, what an attacker sends in its place, through every string parameter of every query.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rows } from '../../src/data/arrow-rows.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { buildQuery, QUERY_BUILDERS, type NamedQuery, type QueryName } from '../../src/queries/registry.js';
import { QUERY_ARGUMENTS } from '../../src/server/query-arguments.js';
import type { RunningServer } from '../../src/server/server.js';
import { SAMPLES } from '../fixtures/query-samples.js';
import { arrowOf, errorOf, postQuery, testServer } from './support.js';

const samples = Object.entries(SAMPLES) as [QueryName, readonly NamedQuery[]][];
/** The arguments as the client sends them: through JSON. */
const sent = (q: NamedQuery) => JSON.parse(JSON.stringify(q.args)) as unknown[];

const HOSTILE = [
  "x'; DROP TABLE transactions; --",
  "' OR '1'='1",
  'a /* comment */ b -- rest',
  'NUL \u0000 byte',
  '\\\'"; SELECT 1; \u202e Ω 😀',
];

/** Every string inside `value` (arguments are JSON: objects, arrays, strings, numbers, booleans, null) by path. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), by);
  return copy;
}

describe('query arguments: the schemas', () => {
  it('there is a schema for every registry name, and sample arguments for every one', () => {
    assert.deepEqual(Object.keys(QUERY_ARGUMENTS).sort(), Object.keys(QUERY_BUILDERS).sort());
    assert.deepEqual(Object.keys(SAMPLES).sort(), Object.keys(QUERY_BUILDERS).sort());
  });

  for (const [name, queries] of samples) {
    it(`${name}: accepts the arguments its call sites send, and builds the same SQL from them`, () => {
      for (const q of queries) {
        const checked = QUERY_ARGUMENTS[name].safeParse(sent(q));
        assert.ok(checked.success, `${name}: ${JSON.stringify(checked.error?.issues)}`);
        assert.equal(buildQuery(name, checked.data as NamedQuery['args']), q.sql);
      }
    });
  }

  it('refuses unknown keys, wrong types, non-finite numbers, impossible dates, long strings and lists, extra arguments', () => {
    const ok = sent(SAMPLES.churn[0]);
    const bad: [QueryName, unknown][] = [
      ['orderKpis', [{ ...EMPTY_FILTERS, extra: 1 }, sent(SAMPLES.orderKpis[0])[1]]],
      ['orderKpis', [{ ...EMPTY_FILTERS, categories: 'Books' }, sent(SAMPLES.orderKpis[0])[1]]],
      ['orderKpis', [{ ...EMPTY_FILTERS, dateFrom: '2025-02-30' }, sent(SAMPLES.orderKpis[0])[1]]],
      ['orderKpis', [{ ...EMPTY_FILTERS, categories: ['x'.repeat(100_001)] }, sent(SAMPLES.orderKpis[0])[1]]],
      [
        'orderKpis',
        [{ ...EMPTY_FILTERS, tiers: Array.from({ length: 501 }, (_, i) => `t${i}`) }, sent(SAMPLES.orderKpis[0])[1]],
      ],
      ['orderKpis', [EMPTY_FILTERS]],
      ['orderKpis', [...sent(SAMPLES.orderKpis[0]), 'extra']],
      ['churn', [ok[0], { ...(ok[1] as object), days: Number.POSITIVE_INFINITY }]],
      ['churn', [ok[0], { ...(ok[1] as object), days: 1.5 }]],
      ['churn', [ok[0], { ...(ok[1] as object), by: 'password' }]],
      ['revenueTrend', [EMPTY_FILTERS, { from: '2025-01-01', to: '2025-01-31' }, 'year']],
      ['cohortActivity', [EMPTY_FILTERS, { entity: 'sellers', periods: 1e9 }]],
      ['coPurchase', [EMPTY_FILTERS, null, { limit: -1 }]],
      ['customerSummary', [EMPTY_FILTERS, { end: '2025-01-31', ignore: ['__proto__'] }]],
      ['regionNames', [1]],
    ];
    for (const [name, args] of bad)
      assert.equal(
        QUERY_ARGUMENTS[name].safeParse(args).success,
        false,
        `${name} ${JSON.stringify(args).slice(0, 120)}`,
      );
  });
});

describe('query arguments: SQL smuggled through every string parameter of every query', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  for (const [name, queries] of samples) {
    it(`${name}: a hostile string is refused or read as a plain value, never run, never echoed`, async () => {
      let tried = 0;
      for (const q of queries) {
        const args = sent(q);
        for (const path of stringPaths(args)) {
          for (const hostile of HOSTILE) {
            const response = await postQuery(server, { name, args: replaced(args, path, hostile) });
            tried++;
            if (response.status === 200) {
              await arrowOf(response);
              continue;
            }
            const problem = await errorOf(response);
            // A table the tiny marketplace lacks (payments, campaigns, tickets) fails the same with any argument.
            const where = `${name} ${path.join('.')} ${JSON.stringify(hostile)}: ${problem.code} ${problem.message}`;
            assert.ok(['invalid-arguments', 'query-failed'].includes(problem.code), where);
            if (problem.code === 'query-failed') {
              const plain = await postQuery(server, { name, args });
              assert.equal(plain.status, 500, `${where}, but fails only with the hostile value`);
            }
            for (const part of ['DROP', "'1'='1", 'comment', '\u0000', 'SELECT'])
              assert.ok(!problem.message.includes(part), where);
          }
        }
      }
      assert.ok(tried > 0 || stringPaths(queries.map(sent)).length === 0);
    });
  }

  it('the data is intact after every attempt: all tables there, every order line counted', async () => {
    const periods = {
      current: { from: '2025-01-01', to: '2025-03-31' },
      prior: { from: '2024-10-01', to: '2024-12-31' },
    };
    const [row] = rows(await arrowOf(await postQuery(server, { name: 'orderKpis', args: [EMPTY_FILTERS, periods] })));
    // Completed lines t1 t2 t3 t5 t7 t8: 100 + 40 + 20 + 100 + 100 + 100 = 460 in 6 orders.
    assert.deepEqual([row.gmv, row.orders], [460, 6]);
    const info = await (
      await fetch(`http://127.0.0.1:${server.port}/dataset`, {
        headers: { Authorization: 'Bearer test-token-0123456789' },
      })
    ).json();
    assert.equal(info.info.rowCounts.transactions, 8);
  });
});
