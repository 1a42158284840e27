import { expect } from '@open-wc/testing';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { startDuckDB, type DuckDBHandle } from '../../src/data/duckdb.js';
import { IDLE_AFTER_MS, QueryEngine } from '../../src/data/query-engine.js';
import { rows } from '../../src/data/arrow-rows.js';

describe('QueryEngine', () => {
  let handle: DuckDBHandle;
  let engine: QueryEngine;

  before(async () => {
    handle = await startDuckDB();
    engine = await QueryEngine.open(handle.db);
    await engine.exec('CREATE TABLE t AS SELECT range AS i FROM range(10)');
  });
  after(async () => {
    await engine.close();
    await handle.close();
  });

  it('runs identical SQL once and answers every caller', async () => {
    const before = engine.executed;
    const [a, b] = await Promise.all([
      engine.query('SELECT sum(i)::INTEGER AS s FROM t'),
      engine.query('SELECT sum(i)::INTEGER AS s FROM t'),
    ]);
    expect(rows(a)[0].s).to.equal(45);
    expect(rows(b)[0].s).to.equal(45);
    expect(engine.executed - before).to.equal(1);
  });

  it('answers many queued statements, each with its own result, running each once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, k) => engine.query(`SELECT count(*)::INTEGER AS n FROM t WHERE i < ${k + 1}`)),
    );
    expect(results.map((r) => rows<{ n: number }>(r)[0].n)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    const recent = engine.history.slice(-8).map((h) => h.sql);
    expect(recent.sort()).to.deep.equal(
      Array.from({ length: 8 }, (_, k) => `SELECT count(*)::INTEGER AS n FROM t WHERE i < ${k + 1}`),
    );
  });

  it('drops a query whose callers all aborted before it was sent', async () => {
    const before = engine.executed;
    const blockers = [1, 2, 3].map((k) => engine.query(`SELECT ${k} + count(*) AS x FROM t`));
    const controller = new AbortController();
    const stale = engine.query('SELECT 42 AS stale FROM t', controller.signal);
    controller.abort();
    let error: unknown = null;
    await stale.catch((e: unknown) => (error = e));
    await Promise.all(blockers);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(engine.history.some((h) => h.sql.includes('42 AS stale'))).to.equal(false);
    expect(engine.executed - before).to.equal(3);
  });

  it('sends a waiting interactive query before a background one asked earlier', async () => {
    const blockers = [1, 2, 3].map((k) => engine.query(`SELECT ${k} * count(*) AS blocker FROM t`));
    const background = engine.background.query('SELECT 7 AS from_background FROM t LIMIT 1');
    const interactive = engine.query('SELECT 8 AS from_interactive FROM t LIMIT 1');
    await Promise.all([...blockers, background, interactive]);
    const sent = (text: string) => engine.history.find((h) => h.sql.includes(text))!.sent;
    expect(sent('from_interactive')).to.be.lessThan(sent('from_background'));
    expect(rows<{ from_background: number }>(await background)[0].from_background).to.equal(7);
  });

  it('holds a background query for one task, so an interactive one asked a few microtasks later goes first', async () => {
    const background = engine.background.query('SELECT 5 AS held_background FROM t LIMIT 1');
    for (let i = 0; i < 5; i++) await Promise.resolve();
    const interactive = engine.query('SELECT 6 AS later_interactive FROM t LIMIT 1');
    await Promise.all([background, interactive]);
    const sent = (text: string) => engine.history.find((h) => h.sql.includes(text))!.sent;
    expect(sent('later_interactive')).to.be.lessThan(sent('held_background'));
  });

  it('sends an idle query only once no interactive one has been asked or answered for IDLE_AFTER_MS', async () => {
    const sentAt = new Map<string, number>();
    const track = (label: string, p: Promise<unknown>) => p.then(() => sentAt.set(label, performance.now()));
    const idle = track('idle', engine.idle.query('SELECT 11 AS idle_check FROM t LIMIT 1'));
    // Interactive queries keep coming, each well within the quiet time of the one before.
    for (let k = 0; k < 3; k++) {
      await track(`interactive ${k}`, engine.query(`SELECT ${k} AS keeps_coming, count(*) FROM t`));
      await new Promise((r) => setTimeout(r, IDLE_AFTER_MS / 3));
    }
    await idle;
    const sent = (text: string) => engine.history.find((h) => h.sql.includes(text))!.sent;
    expect(sent('idle_check')).to.be.greaterThan(sent('2 AS keeps_coming'));
    // Timers may fire a little early in the browser, never much.
    expect(sentAt.get('idle')! - sentAt.get('interactive 2')!).to.be.at.least(IDLE_AFTER_MS - 5);
  });

  it('runs an idle query at once when an interactive caller asks for the same SQL', async () => {
    const started = performance.now();
    const sql = 'SELECT 12 AS asked_twice FROM t LIMIT 1';
    const idle = engine.idle.query(sql);
    const interactive = engine.query(sql);
    expect(rows<{ asked_twice: number }>(await interactive)[0].asked_twice).to.equal(12);
    expect(await idle).to.equal(await interactive);
    expect(performance.now() - started).to.be.lessThan(IDLE_AFTER_MS);
  });

  /** About a second of work in DuckDB-WASM, and its answer, counted here: pairs whose sum is a multiple of 7. */
  const SLOW = 'SELECT count(*)::INTEGER AS pairs FROM range(3000) a, range(30000) b WHERE (a.range + b.range) % 7 = 0';
  const slowAnswer = () => {
    let pairs = 0;
    for (let a = 0; a < 3000; a++) pairs += Math.floor((30000 - 1 - ((7 - (a % 7)) % 7)) / 7) + 1;
    return pairs;
  };
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 5));
  };

  it('stops a running idle statement for an interactive one, which answers first, and then runs it again to its end', async () => {
    const sql = `${SLOW} AND a.range >= 0`;
    const before = engine.executed;
    const idle = engine.idle.query(sql);
    await until(() => engine.executed > before);
    let idleDone = false;
    void idle.then(() => (idleDone = true));
    const interactive = await engine.query('SELECT 13 AS asked_while_idle_ran');
    expect(idleDone).to.equal(false);
    expect(rows<{ asked_while_idle_ran: number }>(interactive)[0].asked_while_idle_ran).to.equal(13);
    expect(rows<{ pairs: number }>(await idle)[0].pairs).to.equal(slowAnswer());
    const order = engine.history.slice(-2).map((h) => h.sql);
    expect(order).to.deep.equal(['SELECT 13 AS asked_while_idle_ran', sql]);
    // Two statements answered; the stopped run is not counted as one sent.
    expect(engine.executed - before).to.equal(2);
  });

  it('lets an idle statement that an interactive caller has since asked for run on to its end', async () => {
    const sql = `${SLOW} AND b.range >= 0`;
    const before = engine.executed;
    const idle = engine.idle.query(sql);
    await until(() => engine.executed > before);
    const same = engine.query(sql);
    const other = engine.query('SELECT 15 AS asked_after_promotion');
    expect(rows<{ pairs: number }>(await same)[0].pairs).to.equal(slowAnswer());
    expect(await idle).to.equal(await same);
    await other;
    expect(engine.history.slice(-2).map((h) => h.sql)).to.deep.equal([sql, 'SELECT 15 AS asked_after_promotion']);
    expect(engine.executed - before).to.equal(2);
  });

  it('stops a running background statement once its every caller has abandoned it', async () => {
    const sql = `${SLOW} AND a.range >= 1`;
    const before = engine.executed;
    const abandon = new AbortController();
    const background = engine.background.query(sql, abandon.signal);
    await until(() => engine.executed > before);
    abandon.abort();
    let error: unknown = null;
    await background.catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
    await engine.query('SELECT 14 AS after_abandon');
    expect(engine.history.some((h) => h.sql === sql)).to.equal(false);
    expect(engine.history.at(-1)!.sql).to.equal('SELECT 14 AS after_abandon');
  });

  /** Counts the statements the engine's transport works on at once, most at a time, by kind, while `during` runs. */
  const inFlightDuring = async (during: () => Promise<unknown>) => {
    const transport = (engine as unknown as { transport: Record<string, (...args: unknown[]) => Promise<unknown>> })
      .transport;
    const [run, runStoppable] = [transport.run, transport.runStoppable];
    const most = { run: 0, besideStoppable: 0 };
    let [runs, stoppables] = [0, 0];
    const counted = (method: typeof run, stoppable: boolean) =>
      async function (this: unknown, ...args: unknown[]) {
        if (stoppable) stoppables++;
        else runs++;
        most.run = Math.max(most.run, runs);
        if (stoppables > 0) most.besideStoppable = Math.max(most.besideStoppable, runs + stoppables - 1);
        try {
          return await method.apply(transport, args);
        } finally {
          if (stoppable) stoppables--;
          else runs--;
        }
      };
    transport.run = counted(run, false);
    transport.runStoppable = counted(runStoppable, true);
    try {
      await during();
    } finally {
      [transport.run, transport.runStoppable] = [run, runStoppable];
    }
    return most;
  };

  it('sends the next interactive statement while one runs, so the worker need not wait for the main thread', async () => {
    const most = await inFlightDuring(() =>
      Promise.all([1, 2, 3, 4].map((k) => engine.query(`${SLOW} AND a.range >= ${k} AND b.range >= 0`))),
    );
    expect(most.run).to.equal(2);
  });

  it('sends a background statement alone: an interactive one asked meanwhile waits for it to end', async () => {
    const sql = `${SLOW} AND a.range >= 2 AND b.range >= 1`;
    const before = engine.executed;
    const most = await inFlightDuring(async () => {
      const background = engine.background.query(sql);
      await until(() => engine.executed > before);
      const interactive = engine.query('SELECT 16 AS asked_beside_background');
      expect(rows<{ pairs: number }>(await background)[0].pairs).to.be.greaterThan(0);
      await interactive;
    });
    expect(most.besideStoppable).to.equal(0);
    expect(engine.history.slice(-2).map((h) => h.sql)).to.deep.equal([sql, 'SELECT 16 AS asked_beside_background']);
  });

  it('answers a background statement while a table is loaded beside it (a load does not wait for the queue)', async () => {
    const sql = `${SLOW} AND b.range >= 0 AND a.range >= 0`;
    const before = engine.executed;
    const background = engine.background.query(sql);
    await until(() => engine.executed > before);
    const bytes = tableToIPC(tableFromArrays({ id: Int32Array.from([1, 2, 3]) }), 'stream');
    await engine.insertArrowIPC('loaded_beside', bytes);
    expect(rows<{ pairs: number }>(await background)[0].pairs).to.equal(slowAnswer());
    expect(rows<{ n: number }>(await engine.query('SELECT sum(id)::INTEGER AS n FROM loaded_beside'))[0].n).to.equal(6);
  });

  it('answers a background statement with the same columns and rows as an interactive one, empty or in many batches', async () => {
    const typed = `SELECT i, i::BIGINT AS big, (i / 4)::DECIMAL(9, 2) AS dec, DATE '2024-02-28' + i::INTEGER AS day,
      TIMESTAMP '2024-01-01 10:00:00' + INTERVAL (i) HOUR AS at, 'r' || i AS label FROM t`;
    for (const sql of [typed, `${typed} WHERE i < 0`, 'SELECT range AS n FROM range(5000)']) {
      const [a, b] = [await engine.query(sql), await engine.background.query(`${sql} -- background`)];
      expect(b.schema.fields.map(String)).to.deep.equal(a.schema.fields.map(String));
      expect(JSON.stringify(rows(b), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).to.equal(
        JSON.stringify(rows(a), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      );
    }
    const many = rows<{ n: number | bigint }>(
      await engine.background.query('SELECT range AS n FROM range(5000) -- sum'),
    );
    expect(many.length).to.equal(5000);
    expect(many.reduce((sum, r) => sum + Number(r.n), 0)).to.equal((4999 * 5000) / 2);
  });

  it('shares cache and queue between an engine and its background view', async () => {
    const before = engine.executed;
    const [a, b] = await Promise.all([
      engine.background.query('SELECT max(i)::INTEGER AS m FROM t'),
      engine.query('SELECT max(i)::INTEGER AS m FROM t'),
    ]);
    expect(rows<{ m: number }>(a)[0].m).to.equal(9);
    expect(rows<{ m: number }>(b)[0].m).to.equal(9);
    expect(engine.executed - before).to.equal(1);
    expect(engine.background.executed).to.equal(engine.executed);
  });

  it('hands out the answers of a burst of interactive queries together, once the last has run', async () => {
    const before = engine.history.length;
    const sqls = [1, 2, 3].map((k) => `SELECT ${k} + max(i) AS burst FROM t`);
    const answeredAfter: number[] = [];
    await Promise.all(sqls.map((sql) => engine.query(sql).then(() => answeredAfter.push(engine.history.length))));
    // When the first caller heard back, all three statements had already run.
    expect(answeredAfter).to.deep.equal([before + 3, before + 3, before + 3]);
  });

  it('hands out an answer that waited for the rest of its burst longer than the limit', async () => {
    const quick = await QueryEngine.open(handle.db, { parkMs: 0 });
    // About a second of work in DuckDB-WASM: far longer than a 0 ms limit.
    const slow = SLOW;
    let historyWhenFirstAnswered = -1;
    const first = quick.query('SELECT 1 AS first').then(() => (historyWhenFirstAnswered = quick.history.length));
    const second = quick.query(slow);
    await Promise.all([first, second]);
    expect(historyWhenFirstAnswered).to.equal(1);
    expect(quick.history.length).to.equal(2);
    await quick.close();
  });

  it('rejects a failing statement with a query-failed error and keeps answering the next ones', async () => {
    const bad = engine.query('SELECT no_such_column FROM t');
    const good = engine.query('SELECT count(*)::INTEGER AS n FROM t');
    let error: { code?: string } | null = null;
    await bad.catch((e: { code?: string }) => (error = e));
    expect(error!.code).to.equal('query-failed');
    expect(rows<{ n: number }>(await good)[0].n).to.equal(10);
  });
});

describe('QueryEngine deferred tables', () => {
  let handle: DuckDBHandle;
  before(async () => {
    handle = await startDuckDB();
  });
  after(() => handle.close());

  it('loads a deferred table once, when the first statements reading it arrive, and not for a same-named column', async () => {
    const engine = await QueryEngine.open(handle.db);
    let loads = 0;
    engine.defer(['late', 'late_derived'], async () => {
      loads++;
      await engine.exec('CREATE OR REPLACE TABLE late AS SELECT range AS i FROM range(4)');
      await engine.exec('CREATE OR REPLACE TABLE late_derived AS SELECT sum(i)::INTEGER AS s FROM late');
    });
    // A column named like the table is not a read of it.
    expect(rows<{ late: number }>(await engine.query('SELECT 1 AS late'))[0].late).to.equal(1);
    expect(loads).to.equal(0);
    const [a, b] = await Promise.all([
      engine.query('SELECT count(*)::INTEGER AS n FROM late'),
      engine.query('SELECT s FROM late_derived'),
    ]);
    // range(4) = 0, 1, 2, 3: four rows summing to 6.
    expect(rows<{ n: number }>(a)[0].n).to.equal(4);
    expect(rows<{ s: number }>(b)[0].s).to.equal(6);
    await engine.query('SELECT max(i) FROM late');
    expect(loads).to.equal(1);
    await engine.close();
  });

  it('fails the statements that read a table whose load failed, with the load error, and no others', async () => {
    const engine = await QueryEngine.open(handle.db);
    engine.defer(['broken'], () => Promise.reject(new Error('broken.arrow is not a readable Arrow IPC file')));
    let error: Error | null = null;
    await engine.query('SELECT * FROM broken').catch((e: Error) => (error = e));
    expect(error!.message).to.contain('broken.arrow is not a readable');
    expect(rows<{ x: number }>(await engine.query('SELECT 2 AS x'))[0].x).to.equal(2);
    await engine.close();
  });

  it('rejects a waiting statement with an AbortError when its signal aborts during the load', async () => {
    const engine = await QueryEngine.open(handle.db);
    let finish!: () => void;
    engine.defer(['slow_table'], () => new Promise<void>((resolve) => (finish = resolve)));
    const controller = new AbortController();
    const waiting = engine.query('SELECT * FROM slow_table', controller.signal);
    controller.abort();
    let name = '';
    await waiting.catch((e: Error) => (name = e.name));
    expect(name).to.equal('AbortError');
    finish();
    await engine.close();
  });
});
