import { expect, html } from '@open-wc/testing';
import { MessageHeader, MessageReader, tableFromIPC, tableToIPC } from 'apache-arrow';
import '../../src/components/data/mkt-data.js';
import '../../src/components/kpis/mkt-kpis.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import type { TableName } from '../../src/schema/tables.js';
import { arrowStream } from '../../src/data/arrow-ipc.js';
import { openEngine } from '../support/engine.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { duckdbArrowBytes } from '../support/duckdb-arrow.js';
import { mount, settled, text, whenReady } from '../support/dom.js';

type Files = Partial<Record<TableName, Uint8Array>>;

/** The tiny marketplace's tables, each rewritten by `rewrite`. */
async function rewritten(rewrite: (name: TableName, bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>) {
  const files: Files = {};
  for (const [name, bytes] of Object.entries(tinyDataset().files) as [TableName, Uint8Array][])
    files[name] = await rewrite(name, bytes);
  return files;
}

/** Loads the files and reads the GMV tile: the tiny marketplace's completed lines add up to 460. */
async function gmvOf(files: Files, by: 'memory' | 'url'): Promise<{ gmv: string; errors: string[] }> {
  const errors: string[] = [];
  const onError = (e: MktErrorEvent) => errors.push(`${e.detail.code}: ${e.detail.message}`);
  let template;
  if (by === 'memory') {
    const source: InMemoryDataset = { files };
    template = html`<mkt-data .source=${source} @mkt-error=${onError}><mkt-kpis></mkt-kpis></mkt-data>`;
  } else {
    const tables = Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [
        name,
        { file: `${URL.createObjectURL(new Blob([bytes as BlobPart]))}#${name}.arrow` },
      ]),
    );
    const manifest = new Blob([JSON.stringify({ schemaVersion: 1, tables })], { type: 'application/json' });
    template = html`<mkt-data src=${`${URL.createObjectURL(manifest)}#.json`} @mkt-error=${onError}
      ><mkt-kpis></mkt-kpis
    ></mkt-data>`;
  }
  const data = await mount<MktData>(template);
  await whenReady(data);
  const kpis = data.querySelector('mkt-kpis')!;
  if (data.state.status === 'ready') await settled(kpis);
  const gmv = text(kpis, '[data-kpi="gmv"] .value');
  data.remove();
  return { gmv, errors };
}

describe('Arrow IPC files and streams from any writer', () => {
  it('arrowStream() turns an apache-arrow file (schema only in its footer) into a stream with the same rows', () => {
    const stream = tinyDataset().files.transactions as Uint8Array;
    const file = tableToIPC(tableFromIPC(stream), 'file');
    // apache-arrow's file writer puts no schema message before the batches: the first message is a batch.
    const first = new MessageReader(file.subarray(8)).readMessage();
    expect(first?.headerType).to.not.equal(MessageHeader.Schema);
    const out = arrowStream(file);
    expect(new MessageReader(out).readMessage()?.headerType).to.equal(MessageHeader.Schema);
    const rows = (bytes: Uint8Array) =>
      tableFromIPC(bytes)
        .toArray()
        .map((r) => JSON.stringify(r.toJSON()));
    expect(rows(out)).to.deep.equal(rows(stream));
  });

  it('arrowStream() passes a stream through untouched, ends one without end-of-stream, refuses a file cut short', () => {
    const stream = tinyDataset().files.sellers as Uint8Array;
    expect(arrowStream(stream)).to.equal(stream);
    const open = stream.subarray(0, stream.length - 8);
    expect([...arrowStream(open)]).to.deep.equal([...stream]);
    const file = tableToIPC(tableFromIPC(stream), 'file');
    expect(() => arrowStream(file.subarray(0, file.length - 20))).to.throw(/cut short|footer/);
    expect(() => arrowStream(new Uint8Array(0))).to.throw('the file is empty');
  });

  for (const format of ['file', 'stream'] as const) {
    for (const by of ['memory', 'url'] as const) {
      it(`loads apache-arrow's (JS) ${format} format, given ${by === 'memory' ? 'in memory' : 'by URL'}`, async () => {
        const files = await rewritten((_, bytes) => tableToIPC(tableFromIPC(bytes), format));
        const { gmv, errors } = await gmvOf(files, by);
        expect(errors).to.deep.equal([]);
        expect(gmv).to.equal('$460');
      });
    }
  }

  for (const format of ['file', 'stream'] as const) {
    it(`loads DuckDB's own Arrow ${format} output (duckdb-wasm's writer)`, async () => {
      // The tiny marketplace loaded once, every table at once; DuckDB then writes each of them as Arrow bytes.
      const source = await openEngine(tinyDataset());
      const files = await rewritten((name) => duckdbArrowBytes(source.engine.db, `SELECT * FROM ${name}`, format));
      await source.close();
      const magic = String.fromCharCode(...files.sellers!.subarray(0, 6));
      expect(magic === 'ARROW1', 'the bytes are in the format named').to.equal(format === 'file');
      const { gmv, errors } = await gmvOf(files, 'memory');
      expect(errors).to.deep.equal([]);
      expect(gmv).to.equal('$460');
    });
  }
});
