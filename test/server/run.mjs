// The query server's tests (test/server/*.test.ts) on Node's test runner through tsx, with the line CI counts:
// `server: N passed, N failed, N skipped`. `node test/server/run.mjs test/server/cli.test.ts` runs one file.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync('test/server')
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => `test/server/${f}`);
// One file at a time: the machine is shared, and the load tests count what runs on their own server.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let out = '';
child.stdout.on('data', (chunk) => {
  out += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const count = (word) => Number(new RegExp(`^ℹ ${word} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled') + (code !== 0 && count('fail') === 0 ? 1 : 0);
  console.log(`server: ${count('pass')} passed, ${failed} failed, ${count('skipped') + count('todo')} skipped`);
  process.exit(code ?? 1);
});
