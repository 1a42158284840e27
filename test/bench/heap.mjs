// `npm run bench:heap`: 100 mount/unmount cycles of a whole dashboard (data element, DuckDB worker, widgets) on the
// built demo; the JS heap after garbage collection must stay flat. Exits non-zero above the threshold.
import { launchChromium } from '../support/chromium.mjs';
import { ensureDemoData } from '../support/demo-data.mjs';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { serveDemo } from '../e2e/static-server.mjs';

const CYCLES = Number(process.argv[2] ?? 100);
const THRESHOLD_MIB = 8;

if (!existsSync('dist/demo/index.html'))
  spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
ensureDemoData(['0.05']);
const server = await serveDemo(0);
const browser = await launchChromium();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await page.goto(`http://127.0.0.1:${server.address().port}/index.html?data=scale-0.05`);

async function heapMiB() {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

async function cycle() {
  await page.evaluate(async () => {
    const wait = async (check) => {
      while (!check()) await new Promise((r) => setTimeout(r, 10));
    };
    const data = document.querySelector('mkt-data');
    await wait(() => data.state.status === 'ready');
    const parent = data.parentElement;
    data.remove();
    await wait(() => data.state.status === 'idle');
    const fresh = data.cloneNode(true); // a new element each time: nothing may keep the old one alive
    parent.append(fresh);
    await wait(() => fresh.state?.status === 'ready');
  });
}

const samples = [];
for (let i = 1; i <= CYCLES; i++) {
  await cycle();
  if (i === 10 || i % 25 === 0) {
    samples.push({ cycle: i, heapMiB: await heapMiB() });
    console.log(`cycle ${i}: ${samples.at(-1).heapMiB.toFixed(1)} MiB`);
  }
}
const workers = await page.evaluate(() => performance.getEntriesByType('resource').length);
await browser.close();
server.close();
const growth = samples.at(-1).heapMiB - samples[0].heapMiB;
console.log(
  `heap growth from cycle 10 to ${CYCLES}: ${growth.toFixed(2)} MiB (threshold ${THRESHOLD_MIB} MiB); ${workers} resources loaded`,
);
console.log(`heap: ${growth < THRESHOLD_MIB ? 1 : 0} passed, ${growth < THRESHOLD_MIB ? 0 : 1} failed`);
process.exit(growth < THRESHOLD_MIB ? 0 : 1);
