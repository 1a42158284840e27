// `marketkit prepare` and `marketkit serve` as child processes, for the demo's server page (`npm run demo:server`),
// the end-to-end checks and the benchmark. They run the CLI from source (src/server/cli.ts through tsx): the same
// code that bin/marketkit.mjs runs built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// One process (no npx in between): its pid is the server's, for stopping it and reading its memory.
const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

/** The newest modification time of the files of a dataset folder. */
function newestFile(folder) {
  return Math.max(...readdirSync(folder).map((f) => statSync(path.join(folder, f)).mtimeMs));
}

/**
 * `marketkit prepare <folder> --out <out>` unless `out` is newer than every file of the folder (the prepared
 * database is reused while the data is unchanged). Returns the seconds it took, or null when it was reused.
 */
export function ensurePrepared(folder, out) {
  if (existsSync(out) && statSync(out).mtimeMs > newestFile(folder)) return null;
  mkdirSync(path.dirname(out), { recursive: true });
  console.log(`Preparing ${folder} into ${out} (marketkit prepare; once, reused while the data is unchanged) …`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [...CLI, 'prepare', folder, '--out', out], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`marketkit prepare ${folder} failed`);
  return (Date.now() - started) / 1000;
}

/**
 * Starts `marketkit serve <source> --port <port> ...flags` and resolves once it logs "ready":
 * `{ port, process, pid, log(), stop() }`. `port` 0 picks a free port (read from the server's "listening" line).
 * Its log (stderr) is kept for the caller (`log()`) and echoed with `echo`.
 */
export function startMarketkitServer(source, { port = 0, flags = [], echo = false, timeoutMs = 600_000 } = {}) {
  const child = spawn(process.execPath, [...CLI, 'serve', source, '--port', String(port), ...flags], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    let listening = null;
    const timer = setTimeout(() => fail(new Error(`marketkit serve did not get ready in ${timeoutMs} ms`)), timeoutMs);
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`${error.message}\n${output}`));
    };
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      output += text;
      if (echo) process.stderr.write(text);
      listening ??= /listening on http:\/\/[^:]+:(\d+)\//.exec(output)?.[1] ?? null;
      if (!settled && listening && /marketkit: ready/.test(output)) {
        settled = true;
        clearTimeout(timer);
        resolve({
          port: Number(listening),
          process: child,
          pid: child.pid,
          log: () => output,
          stop: () => stopProcess(child),
        });
      }
    });
    child.once('exit', (code) => fail(new Error(`marketkit serve exited (${code}) before it was ready`)));
  });
}

/** Sends SIGTERM (the server closes its database) and resolves when the process has ended. */
function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
