import { pathToFileURL } from 'node:url';
import { parseCommand, USAGE, UsageError } from './cli-options.js';
import { MissingDuckDB, nodeApi } from './node-duckdb.js';

/**
 * `marketkit serve | prepare` (bin/marketkit.mjs runs the built copy; `npm run serve -- <folder>` this source).
 * Prints the usage without @duckdb/node-api; the commands say how to install it when it is missing.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCommand(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => console.error(`marketkit: ${line}`);
  try {
    await nodeApi();
    if (command.command === 'prepare') {
      const { prepareDatabase } = await import('./prepare.js');
      await prepareDatabase(command.source, command.out, log, command.memoryLimit);
      log(`wrote ${command.out}`);
      return 0;
    }
    const { startServer } = await import('./server.js');
    const server = await startServer({ ...command, log });
    log(`listening on http://${command.host}:${server.port}/ (loading ${command.source})`);
    // A dataset that fails to load ends the process (with its message below), not a server that never gets ready.
    await server.ready.catch(async (error: unknown) => {
      await server.close();
      throw error;
    });
    log(`ready${command.token ? '; requests need the token' : ''}`);
    if (!command.token && !/^(127\.|::1$|localhost$)/.test(command.host))
      log(`warning: listening on ${command.host} without --token: anyone who can reach it can query the data`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => undefined);
  } catch (error) {
    console.error(
      error instanceof MissingDuckDB ? error.message : `marketkit: ${(error as Error)?.message ?? String(error)}`,
    );
    return 1;
  }
}

// Run as a script (`tsx src/server/cli.ts`); bin/marketkit.mjs imports it and calls main() itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
