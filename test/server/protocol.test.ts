// The server protocol (issue 21) on the tiny marketplace: routes, token, CORS, limits and error answers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rows } from '../../src/data/arrow-rows.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { ServerError } from '../../src/server/errors.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { DEFAULTS } from '../../src/server/cli-options.js';
import { arrowOf, auth, errorOf, postQuery, testServer, tinyFolder, TOKEN, url } from './support.js';

// Tiny marketplace, completed lines: t1 01-10 c1 s1 100, t2 01-15 c2 s2 40, t3 02-03 c1 s2 20, t5 02-20 c3 s1 100,
// t7 03-05 c2 s1 100, t8 03-10 c4 s3 100 (t4 returned, t6 cancelled). No order ids: each line is an order.
// February 1 – March 10: GMV 20 + 100 + 100 + 100 = 320, 4 orders, sellers s2 s1 s3 = 3, customers c1 c3 c2 c4 = 4.
// January: GMV 100 + 40 = 140, 2 orders, sellers s1 s2 = 2, customers c1 c2 = 2.
const PERIODS = { current: { from: '2025-02-01', to: '2025-03-10' }, prior: { from: '2025-01-01', to: '2025-01-31' } };
const KPIS = { name: 'orderKpis', args: [EMPTY_FILTERS, PERIODS] };
const EXPECTED_KPIS = {
  gmv: 320,
  orders: 4,
  sellers: 3,
  customers: 4,
  gmv_prior: 140,
  orders_prior: 2,
  sellers_prior: 2,
  customers_prior: 2,
};

describe('marketkit serve: the protocol', () => {
  let server: RunningServer;
  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  it('GET health answers without the token', async () => {
    const response = await fetch(url(server, 'health'));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, protocol: 1, ready: true });
  });

  it('GET dataset needs the token: none, a wrong one and a longer one are refused', async () => {
    for (const header of [undefined, 'Bearer wrong-token-0000', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const response = await fetch(url(server, 'dataset'), { headers: header ? { Authorization: header } : {} });
      assert.deepEqual(await errorOf(response), {
        status: 401,
        code: 'unauthorized',
        message: 'This server needs its access token (Authorization: Bearer …).',
      });
    }
  });

  it('GET dataset tells the dataset info, manifest and issues as loaded', async () => {
    const response = await fetch(url(server, 'dataset'), { headers: auth });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.protocol, 1);
    // 8 order lines from 2025-01-10 to 2025-03-10; products of three categories; 3 sellers of three tiers.
    assert.equal(body.info.rowCounts.transactions, 8);
    assert.equal(body.info.minDate, '2025-01-10');
    assert.equal(body.info.maxDate, '2025-03-10');
    assert.deepEqual(body.info.categories, ['Books', 'Electronics', 'Toys']);
    assert.deepEqual(body.info.tiers, ['gold', 'new', 'silver']);
    assert.ok(body.info.tables.includes('mkt_orders') && body.info.tables.includes('transactions'));
    assert.equal(body.manifest.name, 'tiny');
    assert.ok(Array.isArray(body.issues));
  });

  it('POST query answers orderKpis as an Arrow stream with the hand-worked numbers', async () => {
    const [row] = rows(await arrowOf(await postQuery(server, KPIS)));
    assert.deepEqual(row, EXPECTED_KPIS);
  });

  it('POST query needs the token', async () => {
    const response = await postQuery(server, KPIS, { headers: { Authorization: 'Bearer nope-nope-nope' } });
    assert.equal((await errorOf(response)).code, 'unauthorized');
  });

  it('malformed JSON, a body of the wrong shape and a body that is not JSON are invalid requests', async () => {
    const bodies: [string, Record<string, string>?][] = [
      ['{"name": "orderKpis", "args": ['],
      [''],
      ['[]'],
      ['"orderKpis"'],
      ['{"name": "orderKpis"}'],
      ['{"name": "orderKpis", "args": {}}'],
      ['{"name": "orderKpis", "args": [], "sql": "SELECT 1"}'],
      ['{"name": "orderKpis", "args": [], "__proto__": {"x": 1}}'],
      [JSON.stringify(KPIS), { 'Content-Type': 'text/plain' }],
    ];
    for (const [body, headers] of bodies) {
      const problem = await errorOf(await postQuery(server, body, { headers }));
      assert.equal(problem.status, 400, body);
      assert.equal(problem.code, 'invalid-request', body);
    }
  });

  it('a body over --max-request-bytes is refused, by its length or as it streams in', async () => {
    const big = JSON.stringify({ name: 'orderKpis', args: [{ ...EMPTY_FILTERS, categories: ['x'.repeat(70_000)] }] });
    const byLength = await errorOf(await postQuery(server, big));
    assert.equal(byLength.status, 413);
    assert.equal(byLength.code, 'request-too-large');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.close();
      },
    });
    const streamed = await fetch(url(server, 'query'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    assert.equal((await errorOf(streamed)).code, 'request-too-large');
  });

  it('an unknown name, and names every object inherits, are unknown queries', async () => {
    for (const name of ['noSuchQuery', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'SELECT 1', '']) {
      const problem = await errorOf(await postQuery(server, { name, args: [] }));
      assert.deepEqual(problem, {
        status: 404,
        code: 'unknown-query',
        message: 'This server has no query of that name.',
      });
    }
  });

  it('arguments a query does not take are invalid arguments, and the message never repeats them', async () => {
    const hostile = "1999-01-01'; DROP TABLE transactions; --";
    const problem = await errorOf(
      await postQuery(server, {
        name: 'orderKpis',
        args: [EMPTY_FILTERS, { current: { from: hostile, to: hostile }, prior: PERIODS.prior }],
      }),
    );
    assert.equal(problem.status, 400);
    assert.equal(problem.code, 'invalid-arguments');
    assert.match(problem.message, /argument 2\.current\.from: must be a YYYY-MM-DD date/);
    assert.ok(!problem.message.includes('DROP'), problem.message);
  });

  it('wrong methods and addresses are refused', async () => {
    assert.equal((await errorOf(await fetch(url(server, 'query'), { headers: auth }))).code, 'method-not-allowed');
    const post = await fetch(url(server, 'health'), { method: 'POST', headers: auth });
    assert.equal((await errorOf(post)).status, 405);
    assert.equal((await errorOf(await fetch(url(server, 'nothing'), { headers: auth }))).code, 'not-found');
  });

  it('has no bench routes unless started with --bench-routes', async () => {
    for (const route of ['bench-stats', 'bench-time'])
      assert.equal((await errorOf(await fetch(url(server, route), { headers: auth }))).code, 'not-found');
  });

  it('with --bench-routes: counts what it answered, and times a checked named query in DuckDB alone', async () => {
    const bench = await testServer({ benchRoutes: true });
    try {
      const stats = async () => (await (await fetch(url(bench, 'bench-stats'), { headers: auth })).json()) as object;
      assert.deepEqual(await stats(), {
        load: { running: 0, queued: 0 },
        counts: { answered: 0, dropped: 0, interrupted: 0, timedOut: 0, failed: 0 },
      });
      assert.equal(rows(await arrowOf(await postQuery(bench, KPIS)))[0].gmv, 320);
      assert.equal(((await stats()) as { counts: { answered: number } }).counts.answered, 1);
      const time = (body: unknown, headers: Record<string, string> = auth) =>
        fetch(url(bench, 'bench-time'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
      const timed = (await (await time(KPIS)).json()) as { ms: number };
      assert.ok(Number.isFinite(timed.ms) && timed.ms >= 0, JSON.stringify(timed));
      assert.equal((await errorOf(await time({ name: 'dropTables', args: [] }))).code, 'unknown-query');
      assert.equal((await errorOf(await time({ name: 'orderKpis', args: [1] }))).code, 'invalid-arguments');
      assert.equal((await errorOf(await time(KPIS, {}))).code, 'unauthorized');
    } finally {
      await bench.close();
    }
  });

  it('answers a page of an allowed origin with CORS headers, its preflight too, and refuses other origins', async () => {
    const preflight = await fetch(url(server, 'query'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const allowed = await fetch(url(server, 'dataset'), { headers: { ...auth, Origin: 'https://shop.example' } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    for (const method of ['OPTIONS', 'GET']) {
      const refused = await fetch(url(server, 'dataset'), {
        method,
        headers: { ...auth, Origin: 'https://evil.example' },
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      assert.equal((await refused.json()).error.code, 'origin-not-allowed');
    }
  });

  it('the served database refuses writes and file access, even to SQL built by the server itself', async () => {
    const runner = server.runner()!;
    for (const sql of [
      'CREATE TABLE mkt_x (i INTEGER)',
      'DELETE FROM transactions',
      "SELECT * FROM read_csv('/etc/passwd')",
      "COPY transactions TO '/tmp/marketkit-leak.csv'",
      'SET enable_external_access = true',
    ]) {
      await assert.rejects(runner.run(sql, new AbortController().signal), (error: unknown) => {
        assert.ok(error instanceof ServerError && error.code === 'query-failed', sql);
        assert.ok(!error.message.includes('SELECT') && !error.message.includes('passwd'));
        return true;
      });
    }
    assert.deepEqual(rows(await arrowOf(await postQuery(server, KPIS)))[0], EXPECTED_KPIS);
  });
});

describe('marketkit serve: limits and states', () => {
  it('a result over --max-rows is result-too-large', async () => {
    const server = await testServer({ maxRows: 2 });
    try {
      // region: one row per customer region with completed orders (California, Texas, New York, ...: more than 2).
      const problem = await errorOf(await postQuery(server, { name: 'region', args: [EMPTY_FILTERS] }));
      assert.equal(problem.status, 422);
      assert.equal(problem.code, 'result-too-large');
      assert.deepEqual(rows(await arrowOf(await postQuery(server, KPIS)))[0], EXPECTED_KPIS);
    } finally {
      await server.close();
    }
  });

  it('answers server-loading while a folder loads, then the data', async () => {
    const server = await startServer({
      ...DEFAULTS,
      source: tinyFolder(),
      port: 0,
      host: '127.0.0.1',
      token: null,
      origins: ['*'],
      log: () => undefined,
    });
    try {
      const early = await errorOf(await fetch(url(server, 'dataset')));
      assert.deepEqual([early.status, early.code], [503, 'server-loading']);
      const health = await fetch(url(server, 'health'));
      assert.deepEqual([health.status, await health.json()], [200, { ok: true, protocol: 1, ready: false }]);
      await server.ready;
      assert.equal(((await (await fetch(url(server, 'health'))).json()) as { ready: boolean }).ready, true);
      const response = await postQuery(server, KPIS, { headers: { Origin: 'https://any.example' } });
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.deepEqual(rows(await arrowOf(response))[0], EXPECTED_KPIS);
    } finally {
      await server.close();
    }
  });

  it('errors have the status the protocol gives their code', () => {
    const statuses = Object.fromEntries(
      (
        [
          'invalid-request',
          'invalid-arguments',
          'unauthorized',
          'origin-not-allowed',
          'unknown-query',
          'method-not-allowed',
          'request-too-large',
          'result-too-large',
          'server-busy',
          'server-loading',
          'query-timeout',
          'query-failed',
        ] as const
      ).map((code) => [code, new ServerError(code, '').status]),
    );
    assert.deepEqual(statuses, {
      'invalid-request': 400,
      'invalid-arguments': 400,
      unauthorized: 401,
      'origin-not-allowed': 403,
      'unknown-query': 404,
      'method-not-allowed': 405,
      'request-too-large': 413,
      'result-too-large': 422,
      'server-busy': 503,
      'server-loading': 503,
      'query-timeout': 504,
      'query-failed': 500,
    });
  });
});
