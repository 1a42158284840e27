import { expect } from '@open-wc/testing';
import { QueryEngine } from '../../src/data/query-engine.js';
import { HttpTransport } from '../../src/data/http-transport.js';
import { rows } from '../../src/data/arrow-rows.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { named } from '../../src/queries/registry.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { FakeServer, SERVER_ERRORS } from '../support/fake-server.js';
import { waitFor } from '../support/dom.js';

describe('QueryEngine over HTTP (a fake server in the page)', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await FakeServer.start(tinyDataset());
  });
  after(() => fake.close());
  afterEach(() => fake.reset());

  const open = (options: { token?: string; parkMs?: number } = {}) =>
    new QueryEngine(new HttpTransport({ base: fake.base, token: options.token }), options.parkMs);

  it('sends a query as its name and JSON arguments and reads the Arrow answer', async () => {
    const engine = open();
    const before = fake.requests.length;
    const table = await engine.query(named('regionNames'));
    // The tiny marketplace's customers live in California, New York and Texas (test/fixtures/tiny-marketplace.ts).
    expect(rows<{ region: string }>(table).map((r) => r.region)).to.have.members(['California', 'New York', 'Texas']);
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => [r.route, r.method, r.name])).to.deep.equal([['query', 'POST', 'regionNames']]);
    expect(sent[0].args).to.deep.equal([]);
    await engine.close();
  });

  it('refuses SQL text with a clear error, without a request', async () => {
    const engine = open();
    const before = fake.requests.length;
    let error: Error | null = null;
    await engine.query('SELECT 1').catch((e: Error) => (error = e));
    expect(error!.message).to.contain('only named queries');
    expect(fake.requests.length).to.equal(before);
    await engine.close();
  });

  it('keeps the local-only operations local: exec, insertArrowIPC, defer, timeRaw and db say so', async () => {
    const engine = open();
    const refused = async (what: string, run: () => unknown) => {
      let error: Error | null = null;
      try {
        await run();
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, what).to.contain('queries run on a server');
    };
    await refused('exec', () => engine.exec('CREATE TABLE x (i INTEGER)'));
    await refused('insertArrowIPC', () => engine.insertArrowIPC('x', new Uint8Array()));
    await refused('defer', () => engine.defer(['x'], async () => undefined));
    await refused('timeRaw', () => engine.timeRaw('SELECT 1'));
    await refused('db', () => engine.db);
    await engine.close();
  });

  it('sends the bearer token with every request', async () => {
    fake.token = 'tok-123';
    const engine = open({ token: 'tok-123' });
    const before = fake.requests.length;
    await engine.query(named('region', EMPTY_FILTERS));
    expect(fake.requests.slice(before).map((r) => r.authorization)).to.deep.equal(['Bearer tok-123']);
    await engine.close();
  });

  it('keeps several queries in flight: one the server holds does not block the next', async () => {
    const engine = open({ parkMs: 50 });
    fake.held.add('regionNames');
    let heldDone = false;
    const held = engine.query(named('regionNames')).then(() => (heldDone = true));
    const quick = await engine.query(named('region', EMPTY_FILTERS));
    expect(rows(quick).length).to.be.greaterThan(0);
    expect(heldDone).to.equal(false);
    fake.release();
    await held;
    await engine.close();
  });

  it('aborts the request of a sent query once every caller has abandoned it', async () => {
    const engine = open();
    fake.held.add('regionNames');
    const controller = new AbortController();
    const other = new AbortController();
    const before = fake.requests.length;
    const first = engine.query(named('regionNames'), controller.signal);
    const second = engine.query(named('regionNames'), other.signal);
    const request = await waitFor(
      () => fake.requests.slice(before).find((r) => r.name === 'regionNames'),
      'the request',
    );
    controller.abort();
    await first.catch(() => undefined);
    // Another caller still waits: the request goes on.
    expect(request.aborted).to.equal(false);
    other.abort();
    let name = '';
    await second.catch((e: Error) => (name = e.name));
    expect(name).to.equal('AbortError');
    expect(request.aborted).to.equal(true);
    // Asked again, it is sent again (the abandoned run is not cached).
    fake.release();
    const again = await engine.query(named('regionNames'));
    expect(rows(again).length).to.be.greaterThan(0);
    await engine.close();
  });

  it('hands out the answers of a burst of interactive queries together, as with one query at a time', async () => {
    // A limit far beyond the burst's run, so that only its end hands the answers out.
    const engine = open({ parkMs: 60_000 });
    const filters = applyFilterPatch(EMPTY_FILTERS, { regions: ['CA'] });
    const queries = [
      named('region', filters),
      named('regionNames'),
      named('whatIfOrders', filters),
      named('entityValues', filters, 'seller'),
      named('entityValues', filters, 'customer'),
      named('ordersPlaced', filters),
    ];
    const answeredAfter: number[] = [];
    await Promise.all(queries.map((q) => engine.query(q).then(() => answeredAfter.push(engine.history.length))));
    // Six statements, more than the four in flight: every caller heard back once all six had answered.
    expect(answeredAfter).to.deep.equal([6, 6, 6, 6, 6, 6]);
    await engine.close();
  });

  for (const [status, code, expected] of SERVER_ERRORS) {
    it(`maps the server's ${status} ${code} to the error code ${expected}, with the server's message`, async () => {
      const engine = open();
      fake.failures.set('regionNames', { status, code, message: `<b>${code}</b> said the server` });
      let error: { code?: string; message?: string } | null = null;
      await engine.query(named('regionNames')).catch((e: { code?: string }) => (error = e));
      expect(error!.code).to.equal(expected);
      expect(error!.message).to.equal(`<b>${code}</b> said the server`);
      await engine.close();
    });
  }
});
