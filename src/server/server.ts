import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDataset, type ServedDataset } from './dataset.js';
import { QueryRunner, type QueryLimits } from './query-runner.js';
import { handle } from './routes.js';

export interface ServeOptions extends QueryLimits {
  /** A dataset folder (with manifest.json) or a DuckDB file made by `prepare`. */
  readonly source: string;
  readonly port: number;
  readonly host: string;
  /** Every route but `health` and preflights needs `Authorization: Bearer <token>`; null: no token. */
  readonly token: string | null;
  /** Origins whose pages may call the server (`*`: any). */
  readonly origins: readonly string[];
  readonly maxRequestBytes: number;
  /** Adds `GET bench-stats` and `POST bench-time` (src/server/routes.ts): benchmarks and tests only. */
  readonly benchRoutes?: boolean;
  /** Most memory DuckDB may hold (`2GB`); beyond it, it spills to disk. Unset: DuckDB's default. */
  readonly memoryLimit?: string;
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly port: number;
  /** Settles when the data is loaded (the server answers `server-loading` until then); rejects when it fails. */
  readonly ready: Promise<void>;
  /** The query runner, once ready (tests read its load). */
  runner(): QueryRunner | null;
  /** Stops listening, ends open connections and closes the database. */
  close(): Promise<void>;
}

/** Starts the query server: it listens at once, answering `health` and `server-loading` while the data loads. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  let state: { dataset: ServedDataset; runner: QueryRunner } | null = null;
  let closed = false;
  const server: Server = createServer((req, res) => {
    void handle(req, res, {
      token: options.token,
      origins: options.origins,
      maxRequestBytes: options.maxRequestBytes,
      benchRoutes: options.benchRoutes ?? false,
      ready: () => state,
      log,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const ready = (async () => {
    const dataset = await openDataset(options.source, log, options.memoryLimit);
    if (closed) return void (await dataset.close());
    state = { dataset, runner: await QueryRunner.open(dataset.db, options, log) };
  })();
  ready.catch(() => undefined);
  return {
    port: (server.address() as AddressInfo).port,
    ready,
    runner: () => state?.runner ?? null,
    async close() {
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ready.catch(() => undefined);
      const open = state;
      state = null;
      await open?.runner.stop();
      await open?.dataset.close();
    },
  };
}
