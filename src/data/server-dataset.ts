import type { DatasetInfo } from './dataset-info.js';
import type { DataIssue } from './data-quality.js';
import { DatasetError } from './dataset-error.js';
import { HttpTransport, type ServerOptions } from './http-transport.js';
import { QueryEngine } from './query-engine.js';
import type { Manifest } from '../schema/manifest.js';

/** The answer of `GET {base}dataset` (issue 21's protocol). */
interface DatasetAnswer {
  readonly protocol: number;
  readonly info: Omit<DatasetInfo, 'tables'> & { readonly tables: readonly string[] };
  readonly manifest: Manifest | null;
  readonly issues: readonly DataIssue[];
}

export const SERVER_PROTOCOL = 1;

/**
 * A dashboard on a marketkit server: an engine whose queries the server runs, and what the server says of its
 * dataset (the same `DatasetInfo`, manifest and data problems a dashboard loading the files itself would publish).
 * Nothing but this JSON and the queries' results is downloaded.
 */
export async function openServerDataset(
  options: ServerOptions,
  signal: AbortSignal,
): Promise<{ engine: QueryEngine; info: DatasetInfo; manifest: Manifest | null; issues: readonly DataIssue[] }> {
  const transport = new HttpTransport(options);
  const engine = new QueryEngine(transport);
  try {
    const answer = await transport.getJson<DatasetAnswer>('dataset', signal);
    return { engine, ...checkAnswer(answer, transport.base) };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

function checkAnswer(answer: DatasetAnswer, base: string) {
  const bad = (what: string) =>
    new DatasetError('query-failed', `The server at ${base} described its dataset in an unexpected form (${what}).`);
  if (answer?.protocol !== SERVER_PROTOCOL)
    throw bad(`protocol ${JSON.stringify(answer?.protocol)}, this page speaks ${SERVER_PROTOCOL}`);
  const info = answer.info;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const day = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
  if (!info || !strings(info.tables)) throw bad('no list of tables');
  if (!strings(info.categories) || !strings(info.tiers) || !strings(info.regions)) throw bad('no lists of values');
  if (!day(info.minDate) || !day(info.maxDate)) throw bad('no date range');
  if (typeof info.rowCounts !== 'object' || info.rowCounts === null) throw bad('no row counts');
  if (!Array.isArray(answer.issues)) throw bad('no list of data problems');
  return {
    info: { ...info, orderIds: info.orderIds === true, tables: new Set(info.tables) },
    manifest: answer.manifest ?? null,
    issues: answer.issues,
  };
}
