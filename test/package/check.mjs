// The npm package as a customer gets it: packs it (`npm pack`, which builds the library and the drop-in bundle),
// checks its contents and its size against the budget, installs the tarball into a small Vite app and a plain ESM
// page (the drop-in bundle through an import map) in a temporary folder outside the repository, builds them, serves
// them on loopback and checks in Chromium that every element renders a small generated dataset without an error,
// with its chart, and that the customer models run in their worker (no main-thread fallback).
// Needs only the npm registry (or npm's cache). `KEEP_CONSUMER=1` keeps the temporary folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../support/chromium.mjs';
import { checks } from '../support/checks.mjs';
import { serveFolders } from '../e2e/static-server.mjs';
import { collectProblems, settle } from '../e2e/page-checks.mjs';
import { consumerFiles, CHARTLESS } from './consumer-app.mjs';
import { packageProblems, PACKED_BUDGET, UNPACKED_BUDGET } from './contents.mjs';

const LIMIT_MINUTES = 15;
const watchdog = setTimeout(() => {
  console.log(`package: 0 passed, 1 failed (gave up after ${LIMIT_MINUTES} minutes)`);
  process.exit(1);
}, LIMIT_MINUTES * 60000);
watchdog.unref();

const repo = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), 'marketkit-consumer-'));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const { check, finish } = checks('package');

/** Runs a command; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

console.log(`package: packing, and a Vite app and a plain page in ${work}`);
let packed;
await check('npm pack builds the package: library, types, manifest, drop-in bundle with DuckDB once, in budget', () => {
  // Built first and packed without scripts, so that the build's own output never mixes with npm's JSON.
  run('npm', ['run', 'build:package']);
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work]));
  console.log(`      ${packed.filename}: ${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked,`);
  console.log(`      ${packed.entryCount} files (budget ${mb(PACKED_BUDGET)} packed, ${mb(UNPACKED_BUDGET)} unpacked)`);
  const problems = packageProblems(packed, (file) => readFileSync(path.join(repo, file), 'utf8'));
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

const ready = await (async () => {
  if (!packed) return false;
  let ok = false;
  await check('the tarball installs, and a Vite app and a plain ESM page using it build and type-check', () => {
    for (const [file, text] of Object.entries(consumerFiles(path.join(work, packed.filename), repo))) {
      mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      writeFileSync(path.join(work, file), text);
    }
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: work });
    run('npx', ['tsx', 'generator/cli.ts', '--scale', '0.05', '--seed', '7', '--out', path.join(work, 'data')]);
    cpSync(path.join(work, 'data'), path.join(work, 'vite-app/public/data'), { recursive: true });
    run('npx', ['tsc', '--noEmit', '-p', 'vite-app'], { cwd: work });
    run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: path.join(work, 'vite-app') });
    ok = existsSync(path.join(work, 'vite-app/dist/index.html'));
    if (!ok) throw new Error('vite build wrote no dist/index.html');
  });
  return ok;
})();

if (ready) {
  await check('the package\'s "marketkit" command prints its usage, and says how to install native DuckDB', () => {
    const help = spawnSync('npx', ['--no-install', 'marketkit', '--help'], { cwd: work, encoding: 'utf8' });
    if (help.status !== 0 || !/marketkit serve <dataset folder \| file\.duckdb>/.test(help.stdout))
      throw new Error(`marketkit --help exited ${help.status}:\n${help.stdout}\n${help.stderr}`);
    // @duckdb/node-api is an optional peer dependency: the consumer app did not install it.
    const serve = spawnSync('npx', ['--no-install', 'marketkit', 'serve', 'data'], { cwd: work, encoding: 'utf8' });
    if (serve.status !== 1 || !serve.stderr.includes('npm install @duckdb/node-api'))
      throw new Error(`marketkit serve without @duckdb/node-api exited ${serve.status}:\n${serve.stderr}`);
  });
  const bundleRoot = path.join(work, 'node_modules/marketkit');
  const servers = {
    'Vite app': await serveFolders([['/', path.join(work, 'vite-app/dist')]]),
    'plain ESM page (import map → drop-in bundle)': await serveFolders([
      ['/vendor/marketkit/', bundleRoot],
      ['/data/', path.join(work, 'data')],
      ['/', path.join(work, 'plain')],
    ]),
  };
  const browser = await launchChromium();
  for (const [name, server] of Object.entries(servers)) {
    await check(
      `${name}: every element renders the data with its chart, the customer models run in their worker`,
      async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems = collectProblems(page);
        // Counts the answers each worker sends back, by its script's URL (a worker that failed to load sends none).
        await page.addInitScript(() => {
          const Native = window.Worker;
          window.__workerAnswers = {};
          window.Worker = new Proxy(Native, {
            construct(target, [url, options]) {
              const worker = new target(url, options);
              const key = String(url);
              window.__workerAnswers[key] ??= 0;
              worker.addEventListener('message', () => window.__workerAnswers[key]++);
              return worker;
            },
          });
        });
        page.on('console', (m) => m.type() === 'warning' && /marketkit/.test(m.text()) && problems.push(m.text()));
        await page.goto(`http://127.0.0.1:${server.address().port}/`);
        await settle(page, 180000);
        const report = await page.evaluate((chartless) => {
          const out = [];
          if (window.__pageScript !== 'ok') out.push(`the page's own script did not run: ${window.__pageScript}`);
          for (const el of document.querySelectorAll('mkt-data *')) {
            if (!el.localName.startsWith('mkt-')) continue;
            const root = el.shadowRoot;
            if (!customElements.get(el.localName) || !root) {
              out.push(`<${el.localName}> is not defined`);
              continue;
            }
            for (const m of root.querySelectorAll('.message, [role="alert"]'))
              out.push(`<${el.localName}> shows "${m.textContent.trim().slice(0, 120)}"`);
            const body = root.querySelector('[part="body"]')?.textContent.trim() ?? '';
            const charts = [...root.querySelectorAll('svg')].filter(
              (svg) => svg.querySelector('path, rect, circle, line') && svg.getBoundingClientRect().width > 50,
            );
            if (!chartless.includes(el.localName) && charts.length === 0) out.push(`<${el.localName}> draws no chart`);
            if (body.length < 20) out.push(`<${el.localName}> shows next to nothing: "${body}"`);
          }
          const model = Object.entries(window.__workerAnswers).filter(([url]) => url.includes('customer-analysis'));
          if (model.length === 0) out.push('no customer-model worker was started');
          else if (!model.some(([, answers]) => answers > 0))
            out.push(`the customer-model worker (${model.map(([u]) => u).join(', ')}) never answered`);
          return { out, elements: document.querySelectorAll('mkt-data *').length };
        }, CHARTLESS);
        await page.close();
        const all = [...problems, ...report.out];
        if (report.elements < 15) all.push(`only ${report.elements} elements on the page`);
        if (all.length > 0) throw new Error(all.join('\n'));
      },
    );
  }
  await browser.close();
  for (const server of Object.values(servers)) server.close();
}

if (process.env.KEEP_CONSUMER) console.log(`package: kept ${work}`);
else rmSync(work, { recursive: true, force: true });
// The page checks do not run when packing or building failed: they count as failed.
finish(5);
