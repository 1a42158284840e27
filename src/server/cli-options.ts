import os from 'node:os';
import { parseArgs } from 'node:util';
import type { ServeOptions } from './server.js';

export const USAGE = `Usage:
  marketkit serve <dataset folder | file.duckdb> [options]
      A read-only query server for <mkt-data server="http://host:port/">: it answers only the kit's named
      queries, with arguments checked, on native DuckDB. A folder is prepared into a temporary DuckDB file first.
  marketkit prepare <dataset folder> --out <file.duckdb> [--memory-limit <size>]
      Loads, validates and checks a dataset folder and builds its derived tables once, into a DuckDB file
      that "serve" opens read-only and starts from in seconds.

Options of both:
  --memory-limit <size>      most memory DuckDB may hold, e.g. 2GB or 512MB; beyond it, work spills to a
                             temporary folder on disk (default: half the machine's memory, at most 4GB)

Options of serve:
  --port <n>                 port to listen on (default 8787)
  --host <address>           address to listen on (default 127.0.0.1)
  --token <secret>           every request but health needs "Authorization: Bearer <secret>"
                             (default: the MARKETKIT_TOKEN environment variable; none when unset)
  --origin <origin>          an origin whose pages may call the server (repeatable; '*' allows any; default none)
  --max-request-bytes <n>    largest request body (default 65536)
  --query-timeout-ms <n>     a query running longer is stopped (default 30000)
  --max-rows <n>             largest result sent (default 100000)
  --max-concurrent <n>       queries running at once (default 4)
  --max-queued <n>           queries waiting; past that, "server-busy" (default 64)
  --bench-routes             also answer GET bench-stats (query counts) and POST bench-time (a named query's
                             DuckDB time without HTTP and Arrow): for benchmarks and tests, never in production
  -h, --help                 this text
`;

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  maxRequestBytes: 65_536,
  queryTimeoutMs: 30_000,
  maxRows: 100_000,
  maxConcurrent: 4,
  maxQueued: 64,
} as const;

export type Command =
  | { readonly command: 'help' }
  | ({ readonly command: 'serve' } & Omit<ServeOptions, 'log'>)
  | { readonly command: 'prepare'; readonly source: string; readonly out: string; readonly memoryLimit: string };

/** DuckDB's own default is 80 % of the machine's memory: too much for a machine that also serves pages. */
export function defaultMemoryLimit(totalBytes = os.totalmem()): string {
  const mib = Math.max(256, Math.min(4096, Math.floor(totalBytes / 2 / 2 ** 20)));
  return `${mib}MiB`;
}

const SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** Thrown for a command line that makes no sense; the CLI prints it and the usage. */
export class UsageError extends Error {}

/** The command line (without `node` and the script) as a command; `env` gives MARKETKIT_TOKEN. */
export function parseCommand(argv: readonly string[], env: Record<string, string | undefined> = {}): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        origin: { type: 'string', multiple: true },
        out: { type: 'string' },
        'max-request-bytes': { type: 'string' },
        'query-timeout-ms': { type: 'string' },
        'max-rows': { type: 'string' },
        'max-concurrent': { type: 'string' },
        'max-queued': { type: 'string' },
        'bench-routes': { type: 'boolean' },
        'memory-limit': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, source, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (command !== 'serve' && command !== 'prepare') throw new UsageError(`Unknown command "${command}".`);
  if (!source)
    throw new UsageError(`"${command}" needs a dataset folder${command === 'serve' ? ' or a .duckdb file' : ''}.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  const memoryLimit = values['memory-limit'] ?? defaultMemoryLimit();
  if (!SIZE.test(memoryLimit))
    throw new UsageError(`--memory-limit must be a size such as 2GB or 512MB, not "${memoryLimit}".`);
  if (command === 'prepare') {
    if (!values.out) throw new UsageError('"prepare" needs --out <file.duckdb>.');
    return { command, source, out: values.out, memoryLimit };
  }
  const int = (flag: keyof typeof values, fallback: number, min: number) => {
    const given = values[flag];
    if (given === undefined) return fallback;
    const n = Number(given);
    if (typeof given !== 'string' || !Number.isInteger(n) || n < min)
      throw new UsageError(`--${flag} must be a whole number of at least ${min}.`);
    return n;
  };
  const token = values.token ?? env.MARKETKIT_TOKEN ?? null;
  if (token !== null && token.length < 8) throw new UsageError('The token must be at least 8 characters long.');
  const port = int('port', DEFAULTS.port, 0);
  if (port > 65535) throw new UsageError('--port must be at most 65535.');
  return {
    command,
    source,
    port,
    host: values.host ?? DEFAULTS.host,
    token,
    origins: values.origin ?? [],
    maxRequestBytes: int('max-request-bytes', DEFAULTS.maxRequestBytes, 64),
    queryTimeoutMs: int('query-timeout-ms', DEFAULTS.queryTimeoutMs, 1),
    maxRows: int('max-rows', DEFAULTS.maxRows, 1),
    maxConcurrent: int('max-concurrent', DEFAULTS.maxConcurrent, 1),
    maxQueued: int('max-queued', DEFAULTS.maxQueued, 0),
    benchRoutes: values['bench-routes'] ?? false,
    memoryLimit,
  };
}
