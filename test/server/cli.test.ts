// The command line: flags and defaults, and `prepare` then `serve` run as a person would run them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rows } from '../../src/data/arrow-rows.js';
import { EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { DEFAULTS, defaultMemoryLimit, parseCommand, UsageError } from '../../src/server/cli-options.js';
import { NodeDatabase } from '../../src/server/node-database.js';
import { arrowOf, temporaryFolder, tinyFolder, until } from './support.js';

const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

describe('marketkit CLI', () => {
  it('serve takes the protocol defaults, and every flag', () => {
    assert.deepEqual(parseCommand(['serve', 'data/']), {
      command: 'serve',
      source: 'data/',
      port: 8787,
      host: '127.0.0.1',
      token: null,
      origins: [],
      maxRequestBytes: 65536,
      queryTimeoutMs: 30000,
      maxRows: 100000,
      maxConcurrent: 4,
      maxQueued: 64,
      benchRoutes: false,
      memoryLimit: defaultMemoryLimit(),
    });
    const flags = ['--port', '9000', '--host', '0.0.0.0', '--token', 'secret-123', '--origin', 'https://a.example'];
    const limits = ['--max-request-bytes', '1024', '--query-timeout-ms', '500', '--max-rows', '10'];
    const more = ['--max-concurrent', '2', '--max-queued', '3', '--origin', 'https://b.example', '--bench-routes'];
    more.push('--memory-limit', '1.5GB');
    assert.deepEqual(parseCommand(['serve', 'x.duckdb', ...flags, ...limits, ...more]), {
      command: 'serve',
      source: 'x.duckdb',
      port: 9000,
      host: '0.0.0.0',
      token: 'secret-123',
      origins: ['https://a.example', 'https://b.example'],
      maxRequestBytes: 1024,
      queryTimeoutMs: 500,
      maxRows: 10,
      maxConcurrent: 2,
      maxQueued: 3,
      benchRoutes: true,
      memoryLimit: '1.5GB',
    });
    assert.equal(DEFAULTS.port, 8787);
  });

  it('the token comes from MARKETKIT_TOKEN unless --token is given', () => {
    const env = { MARKETKIT_TOKEN: 'from-the-env' };
    const token = (argv: string[]) => {
      const command = parseCommand(argv, env);
      return command.command === 'serve' ? command.token : undefined;
    };
    assert.equal(token(['serve', 'd']), 'from-the-env');
    assert.equal(token(['serve', 'd', '--token', 'from-the-flag']), 'from-the-flag');
  });

  it('refuses a command line that makes no sense, with a reason', () => {
    for (const argv of [
      ['serve'],
      ['prepare', 'data/'],
      ['serve', 'd', '--port', 'eighty'],
      ['serve', 'd', '--port', '70000'],
      ['serve', 'd', '--max-rows', '0'],
      ['serve', 'd', '--token', 'short'],
      ['serve', 'd', '--nope'],
      ['serve', 'd', 'e'],
      ['serve', 'd', '--memory-limit', 'lots'],
      ['prepare', 'd', '--out', 'x.duckdb', '--memory-limit', '2 GB; SET x=1'],
      ['start', 'd'],
    ])
      assert.throws(() => parseCommand(argv), UsageError, argv.join(' '));
    assert.deepEqual(parseCommand([]), { command: 'help' });
    assert.deepEqual(parseCommand(['serve', '--help']), { command: 'help' });
  });

  it('bounds DuckDB memory: half the machine at most 4 GiB by default, the flag as given, spilling to a folder', async () => {
    const GiB = 2 ** 30;
    assert.equal(defaultMemoryLimit(23.4 * GiB), '4096MiB');
    assert.equal(defaultMemoryLimit(4 * GiB), '2048MiB');
    assert.equal(defaultMemoryLimit(256 * 2 ** 20), '256MiB');
    assert.deepEqual(parseCommand(['prepare', 'd', '--out', 'x.duckdb', '--memory-limit', '512MB']), {
      command: 'prepare',
      source: 'd',
      out: 'x.duckdb',
      memoryLimit: '512MB',
    });
    const folder = temporaryFolder('memory');
    const db = await NodeDatabase.open(path.join(folder, 'm.duckdb'), {
      readOnly: false,
      memory: { limit: '300MiB', spillTo: path.join(folder, 'spill') },
    });
    try {
      const [setting] = rows<{ limit: string; spill: string }>(
        await db.exec(`SELECT current_setting('memory_limit') AS limit, current_setting('temp_directory') AS spill`),
      );
      // DuckDB reports 300 MiB in its own units.
      assert.match(setting.limit, /^(300\.0 MiB|314\.5 MB)$/);
      assert.equal(setting.spill, path.join(folder, 'spill'));
    } finally {
      db.close();
    }
  });

  it('serve of a dataset that does not load says why and exits, instead of listening forever', () => {
    const folder = temporaryFolder('broken');
    writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ tables: { sellers: { file: 'nope.arrow' } } }));
    const run = spawnSync(process.execPath, [...CLI, 'serve', folder, '--port', '0'], {
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /Table "sellers": the file nope\.arrow is not in the dataset folder\./);
  });

  it('prepare writes a DuckDB file that serve opens read-only and answers from', async () => {
    const out = path.join(temporaryFolder('cli'), 'tiny.duckdb');
    const argv = [...CLI, 'prepare', tinyFolder(), '--out', out, '--memory-limit', '256MB'];
    const prepared = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    assert.equal(prepared.status, 0, prepared.stderr);
    assert.match(prepared.stderr, /wrote .*tiny\.duckdb/);
    assert.equal(existsSync(`${out}.spill`), false, 'the spill folder is removed');
    const child = spawn(process.execPath, [...CLI, 'serve', out, '--port', '0', '--token', 'cli-token-123'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await until(() => /ready/.test(log), 30000, `the server being ready (log: ${log})`);
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(log)![1];
      const periods = {
        current: { from: '2025-01-01', to: '2025-03-31' },
        prior: { from: '2024-10-01', to: '2024-12-31' },
      };
      const response = await fetch(`http://127.0.0.1:${port}/query`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer cli-token-123' },
        body: JSON.stringify({ name: 'orderKpis', args: [EMPTY_FILTERS, periods] }),
      });
      // Completed lines of the tiny marketplace: 100 + 40 + 20 + 100 + 100 + 100 = 460.
      assert.equal(rows(await arrowOf(response))[0].gmv, 460);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
