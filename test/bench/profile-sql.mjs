// Prints the SQL a demo page runs per filter change, slowest first, with kit and raw times.
// Usage: node test/bench/profile-sql.mjs <page> [scale] [steps]  (after `npx vite build`)
import { launchChromium } from '../support/chromium.mjs';
import { serveDemo } from '../e2e/static-server.mjs';
import { interactions } from './interactions.mjs';
import { installBenchHelpers } from './in-page.mjs';

const [name = 'index', scale = '1', count = '12'] = process.argv.slice(2);
const server = await serveDemo(0);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(installBenchHelpers);
await page.goto(`http://127.0.0.1:${server.address().port}/${name}.html?data=scale-${scale}`);
await page.evaluate(() => window.__mktBench.coldStart());
const bySql = new Map();
for (const patch of interactions(Number(count))) {
  const step = await page.evaluate(async (p) => {
    const engine = document.querySelector('mkt-data').state.engine;
    const before = engine.history.length;
    const r = await window.__mktBench.timeInteraction(p);
    return { ...r, ran: engine.history.slice(before).map((h) => ({ sql: h.sql, ms: h.ms })) };
  }, patch);
  console.log(
    `${JSON.stringify(patch)}: ${step.ms.toFixed(0)} ms, sql ${step.kitSqlMs.toFixed(0)}, raw ${step.rawMs.toFixed(0)}`,
  );
  for (const { sql, ms } of step.ran) {
    const key = sql
      .replace(/'[^']*'/g, "'?'")
      .replace(/\s+/g, ' ')
      .slice(0, 160);
    const e = bySql.get(key) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    bySql.set(key, e);
  }
}
for (const [sql, e] of [...bySql].sort((a, b) => b[1].ms - a[1].ms))
  console.log(`${(e.ms / e.n).toFixed(0).padStart(5)} ms ×${e.n}  ${sql}`);
await browser.close();
server.close();
