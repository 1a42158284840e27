import { expect } from '@open-wc/testing';
import { startDuckDB, type DuckDBHandle } from '../../src/data/duckdb.js';
import { QueryEngine } from '../../src/data/query-engine.js';
import { column, rows, sharedRows } from '../../src/data/arrow-rows.js';

describe('rows and sharedRows', () => {
  let handle: DuckDBHandle;
  let engine: QueryEngine;

  before(async () => {
    handle = await startDuckDB();
    engine = await QueryEngine.open(handle.db);
    await engine.exec(`CREATE TYPE colour AS ENUM ('red', 'green', 'blue')`);
    // 5,000 rows: more than one record batch of DuckDB's 2,048 rows, so every batch's dictionary is read.
    await engine.exec(`CREATE TABLE t AS
      SELECT range AS i,
             CASE WHEN range % 4 = 3 THEN NULL ELSE (['red', 'green', 'blue'])[range % 4 + 1] END::colour AS c,
             'w' || range AS s
      FROM range(5000)`);
  });
  after(async () => {
    await engine.close();
    await handle.close();
  });

  it('reads ENUM columns, nulls and plain strings in every batch, in order', async () => {
    const table = await engine.query('SELECT i, c, s FROM t ORDER BY i');
    expect(table.batches.length).to.be.greaterThan(1);
    const out = rows<{ i: number; c: string | null; s: string }>(table);
    expect(out.length).to.equal(5000);
    // Row i is colour i % 4 of (red, green, blue, null), and its string is "w" followed by i.
    const expected = ['red', 'green', 'blue', null];
    for (const i of [0, 1, 2, 3, 2047, 2048, 2049, 4095, 4096, 4999]) {
      expect(out[i]).to.deep.equal({ i, c: expected[i % 4], s: `w${i}` });
    }
    expect(out.filter((r) => r.c === null).length).to.equal(1250);
  });

  it('gives the same values as reading the column one by one', async () => {
    const table = await engine.query('SELECT c FROM t ORDER BY i');
    expect(rows<{ c: string | null }>(table).map((r) => r.c)).to.deep.equal(column(table, 'c'));
  });

  it('reads text as written: repeats, neighbours of one length, accents, emoji, long, empty and null', async () => {
    const texts = [
      'All',
      'All',
      'All',
      'Alm',
      'All',
      '',
      '',
      null,
      'São Paulo',
      'São Paulo',
      'Sao Paulo',
      'Zürich',
      '北京',
      '🛒 cart',
      'a much longer label than thirty-two bytes, on purpose',
      'a much longer label than thirty-two bytes, on purpose',
      'O\'Brien \\ "quoted"',
      'tab\there',
      'x'.repeat(32),
      'x'.repeat(33),
      'y',
      null,
      'y',
    ];
    const values = texts.map((t, k) => `(${k}, ${t === null ? 'NULL' : `'${t.replace(/'/g, "''")}'`})`).join(', ');
    const table = await engine.query(`SELECT s FROM (VALUES ${values}) v(k, s) ORDER BY k`);
    expect(rows<{ s: string | null }>(table).map((r) => r.s)).to.deep.equal(texts);
  });

  it('reads text in every batch as arrow itself does', async () => {
    const table = await engine.query(`SELECT s, CASE WHEN i % 3 = 0 THEN 'é' || (i // 7) END AS t FROM t ORDER BY i`);
    expect(table.batches.length).to.be.greaterThan(1);
    const out = rows<{ s: string; t: string | null }>(table);
    const arrow = (name: string) => Array.from({ length: table.numRows }, (_, k) => table.getChild(name)!.get(k));
    expect(out.map((r) => r.s)).to.deep.equal(arrow('s'));
    expect(out.map((r) => r.t)).to.deep.equal(arrow('t'));
    expect(out[21]).to.deep.equal({ s: 'w21', t: 'é3' });
  });

  it('converts a shared result once, and readers cannot change what the others read', async () => {
    const table = await engine.query('SELECT i, c FROM t WHERE i < 3 ORDER BY i');
    const a = sharedRows<{ i: number; c: string }>(table);
    const b = sharedRows<{ i: number; c: string }>(table);
    expect(a).to.equal(b);
    expect(a.map((r) => r.c)).to.deep.equal(['red', 'green', 'blue']);
    expect(() => (a as unknown as { i: number }[]).sort((x, y) => y.i - x.i)).to.throw(TypeError);
    expect(() => ((a[0] as { i: number }).i = 9)).to.throw(TypeError);
    expect(b[0].i).to.equal(0);
  });
});
