import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

export interface DuckDBHandle {
  readonly db: duckdb.AsyncDuckDB;
  readonly worker: Worker;
  /** Ends the database and its worker; safe to call twice. */
  close(): Promise<void>;
}

let live = 0;

/** How many DuckDB workers marketkit has running on this page (tests check that none leak). */
export function liveDuckDBWorkers(): number {
  return live;
}

/**
 * Where DuckDB's wasm and worker files come from: beside the bundle by default, or from `base`
 * (the `wasm-base` attribute of `<mkt-data>`), which must hold the files under their published names.
 */
function bundles(base?: string): duckdb.DuckDBBundles {
  if (!base) {
    return {
      mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
      eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
    };
  }
  const at = (file: string) => new URL(file, new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI)).href;
  return {
    mvp: { mainModule: at('duckdb-mvp.wasm'), mainWorker: at('duckdb-browser-mvp.worker.js') },
    eh: { mainModule: at('duckdb-eh.wasm'), mainWorker: at('duckdb-browser-eh.worker.js') },
  };
}

/** Starts one DuckDB-WASM database in its own worker. Every `<mkt-data>` owns one; nothing is global. */
export async function startDuckDB(base?: string): Promise<DuckDBHandle> {
  const bundle = await duckdb.selectBundle(bundles(base));
  const worker = await newWorker(bundle.mainWorker!);
  live++;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    live--;
    await Promise.race([db.terminate().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    worker.terminate();
  };
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, worker, close };
}

/** A worker from another origin (a CDN base) cannot be started directly; a same-origin blob that imports it can. */
async function newWorker(url: string): Promise<Worker> {
  const absolute = new URL(url, document.baseURI);
  if (absolute.origin === location.origin) return new Worker(absolute.href);
  const blob = new Blob([`importScripts(${JSON.stringify(absolute.href)});`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob));
}
