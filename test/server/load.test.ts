// The server under load and faults: a slow query stopped by its time limit or by its client going away, a bounded
// queue, 20 clients at once, and a restart on the same port.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rows } from '../../src/data/arrow-rows.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { arrowOf, errorOf, postQuery, slowDatabase, SLOW_QUERY, testServer, until } from './support.js';

const PERIODS = { current: { from: '2025-01-01', to: '2025-03-31' }, prior: { from: '2024-10-01', to: '2024-12-31' } };
const kpis = (categories: string[]) => ({
  name: 'orderKpis',
  args: [applyFilterPatch(EMPTY_FILTERS, { categories }), PERIODS],
});
// Completed lines of 2025 by category (test/fixtures/tiny-marketplace.ts): Electronics t1 t5 t7 = 3 × 100 = 300;
// Books t2 40 + t3 20 = 60; Toys t8 100 (t4 returned, t6 cancelled). All three: 460.
const GMV: Record<string, number> = { Electronics: 300, Books: 60, Toys: 100 };

describe('marketkit serve: under load and faults', () => {
  it('interrupts a query past --query-timeout-ms and answers query-timeout', async () => {
    const server = await testServer({ source: await slowDatabase(), queryTimeoutMs: 300 });
    try {
      const problem = await errorOf(await postQuery(server, SLOW_QUERY));
      assert.deepEqual([problem.status, problem.code], [504, 'query-timeout']);
      assert.equal(problem.message, 'The query ran longer than 300 ms and was stopped.');
      assert.deepEqual(server.runner()!.load, { running: 0, queued: 0 });
      assert.equal(rows(await arrowOf(await postQuery(server, kpis(['Books']))))[0].gmv, 60);
    } finally {
      await server.close();
    }
  });

  it('stops a running query when its client closes the request, and drops a waiting one: the next runs at once', async () => {
    const server = await testServer({ source: await slowDatabase(), maxConcurrent: 1 });
    try {
      const runner = server.runner()!;
      const running = new AbortController();
      const first = postQuery(server, SLOW_QUERY, { signal: running.signal }).catch((e: Error) => e.name);
      await until(() => runner.load.running === 1, 20000, 'the slow query starting');
      const waiting = new AbortController();
      const second = postQuery(server, kpis(['Toys']), { signal: waiting.signal }).catch((e: Error) => e.name);
      await until(() => runner.load.queued === 1, 20000, 'the second query queuing');
      waiting.abort();
      await until(() => runner.load.queued === 0, 20000, 'the waiting query leaving the queue');
      assert.equal(runner.load.running, 1);
      running.abort();
      // The slow query runs for minutes unless interrupted; the bound only catches a hang.
      await until(() => runner.load.running === 0, 20000, 'the running query being interrupted');
      assert.deepEqual(await Promise.all([first, second]), ['AbortError', 'AbortError']);
      assert.deepEqual(runner.counts, { answered: 0, dropped: 1, interrupted: 1, timedOut: 0, failed: 0 });
      assert.equal(rows(await arrowOf(await postQuery(server, kpis(['Toys']))))[0].gmv, 100);
      assert.equal(runner.counts.answered, 1);
    } finally {
      await server.close();
    }
  });

  it('answers server-busy past --max-queued, and runs the queued queries in turn', async () => {
    const server = await testServer({ source: await slowDatabase(), maxConcurrent: 1, maxQueued: 1 });
    try {
      const runner = server.runner()!;
      const slow = new AbortController();
      const first = postQuery(server, SLOW_QUERY, { signal: slow.signal }).catch((e: Error) => e.name);
      await until(() => runner.load.running === 1, 20000, 'the slow query starting');
      const queued = postQuery(server, kpis(['Books']));
      await until(() => runner.load.queued === 1, 20000, 'a query queuing');
      const busy = await errorOf(await postQuery(server, kpis(['Toys'])));
      assert.deepEqual([busy.status, busy.code], [503, 'server-busy']);
      slow.abort();
      assert.equal(rows(await arrowOf(await queued))[0].gmv, 60);
      assert.equal(await first, 'AbortError');
    } finally {
      await server.close();
    }
  });

  it('stops a slow query run directly when its signal aborts (no stale work left on the connection)', async () => {
    const server = await testServer({ maxConcurrent: 1 });
    try {
      const runner = server.runner()!;
      const controller = new AbortController();
      const slow = runner.run('SELECT count(*) FROM range(100000000000000) t(i) WHERE i % 7 = 3', controller.signal);
      await until(() => runner.load.running === 1);
      controller.abort();
      await assert.rejects(slow, { name: 'AbortError' });
      assert.equal(rows(await arrowOf(await postQuery(server, kpis([]))))[0].gmv, 460);
    } finally {
      await server.close();
    }
  });

  it('serves 20 clients at once, each its own filters, every answer right', async () => {
    const server = await testServer();
    try {
      const categories = Object.keys(GMV);
      const clients = Array.from({ length: 20 }, async (_, client) => {
        const answers: [string[], number][] = [];
        for (let i = 0; i < 10; i++) {
          const chosen = categories.filter((_, c) => (client + i + c) % 3 !== 0);
          const [row] = rows<{ gmv: number; orders: number }>(await arrowOf(await postQuery(server, kpis(chosen))));
          answers.push([chosen, row.gmv]);
        }
        return answers;
      });
      const all = (await Promise.all(clients)).flat();
      assert.equal(all.length, 200);
      for (const [chosen, gmv] of all)
        assert.equal(
          gmv,
          chosen.reduce((sum, c) => sum + GMV[c], 0),
          chosen.join(', '),
        );
      assert.deepEqual(server.runner()!.load, { running: 0, queued: 0 });
    } finally {
      await server.close();
    }
  });

  it('after a restart on the same port a client’s next request works', async () => {
    const first = await testServer();
    const port = first.port;
    assert.equal(rows(await arrowOf(await postQuery(first, kpis(['Books']))))[0].gmv, 60);
    await first.close();
    await assert.rejects(postQuery(first, kpis(['Books'])));
    const second = await testServer({ port });
    try {
      assert.equal(second.port, port);
      assert.equal(rows(await arrowOf(await postQuery(second, kpis(['Electronics']))))[0].gmv, 300);
    } finally {
      await second.close();
    }
  });
});
