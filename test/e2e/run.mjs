// End-to-end: opens every page of the built demo in Chromium, waits for every element to finish, checks that
// nothing failed, drives a filter change, and saves screenshots to test/screenshots/. `npm run test:e2e`.
import { launchChromium } from '../support/chromium.mjs';
import { ensureDemoData } from '../support/demo-data.mjs';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { serveDemo } from './static-server.mjs';
import { settle, collectProblems } from './page-checks.mjs';
import { filterChecks } from './filter-checks.mjs';
import { themeChecks } from './theme-checks.mjs';
import { firstScreenChecks } from './first-screen-checks.mjs';
import { serverChecks } from './server-checks.mjs';

ensureDemoData();
const server = await serveDemo(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
mkdirSync('test/screenshots', { recursive: true });
const results = [];

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n      ${String(error?.message ?? error)
        .split('\n')
        .join('\n      ')}`,
    );
  }
}

async function openPage(file, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems = collectProblems(page);
  await page.goto(`${base}/${file}`);
  await settle(page);
  return { page, problems };
}

// The server page needs a marketkit server: server-checks.mjs starts one and opens it (it is not in the loops).
const pages = readdirSync('dist/demo')
  .filter((f) => f.endsWith('.html') && f !== 'server.html')
  .sort();
console.log(`e2e: ${pages.length} demo pages at ${base}`);
for (const file of pages) {
  for (const width of [1280, 375]) {
    await check(`${file} at ${width}px renders every element with no error`, async () => {
      const { page, problems } = await openPage(file, width);
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      if (elements < 5) throw new Error('the page is empty');
      await page.screenshot({ path: `test/screenshots/${file.replace('.html', '')}-${width}.png`, fullPage: true });
      await page.close();
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
  }
}

await check('index.html: a category chosen in <mkt-filters> changes the KPIs and the URL', async () => {
  const { page, problems } = await openPage('index.html');
  const gmv = () =>
    page.evaluate(
      () => document.querySelector('mkt-kpis').shadowRoot.querySelector('[data-kpi="gmv"] .value').textContent,
    );
  const before = await gmv();
  await page.evaluate(() => {
    const filters = document.querySelector('mkt-filters').shadowRoot;
    filters.querySelector('details[data-key="categories"]').open = true;
    filters.querySelector('details[data-key="categories"] input[type="checkbox"]').click();
  });
  await settle(page);
  const after = await gmv();
  if (after === before) throw new Error(`GMV stayed ${before}`);
  // The URL follows once the filters have settled (300 ms).
  await page
    .waitForFunction(() => location.search.includes('shop.categories='), null, { timeout: 5000 })
    .catch(() => {
      throw new Error(`the URL did not record the filter: ${page.url()}`);
    });
  await page.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

await filterChecks({ check, openPage, browser, base, pages });
await themeChecks({ check, browser, base, pages, settle });
await firstScreenChecks({ check, openPage, pages });
await check(
  'server.html without a server says how to start one, readably in both colour schemes, and requests nothing of a server',
  async () => {
    for (const colorScheme of ['light', 'dark']) {
      // Its dashboard has neither src nor server: it never becomes ready, so the page is not settled, only read.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
      const problems = collectProblems(page);
      await page.goto(`${base}/server.html`);
      await page.waitForSelector('.demo-missing', { timeout: 30000 });
      const { message, contrast } = await page.evaluate(() => {
        const box = document.querySelector('.demo-missing');
        // WCAG 2 relative luminance of an rgb() colour.
        const luminance = (c) =>
          c
            .match(/[\d.]+/g)
            .slice(0, 3)
            .map((v) => Number(v) / 255)
            .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        const [a, b] = [getComputedStyle(box).color, getComputedStyle(box).backgroundColor].map(luminance);
        return { message: box.textContent, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
      const hidden = await page.evaluate(() => document.querySelector('mkt-data').hidden);
      await page.waitForTimeout(500);
      await page.close();
      if (!message.includes('npm run demo:server') || !hidden) throw new Error(`message ${JSON.stringify(message)}`);
      if (contrast < 4.5)
        throw new Error(`${colorScheme}: the message's text has a contrast of ${contrast.toFixed(2)}:1`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    }
  },
);
await serverChecks({ check, browser, base });

await check('frameworks.html: React and Vue render the elements, hear their events, and stay independent', async () => {
  const { page, problems } = await openPage('frameworks.html');
  const gmv = (id) =>
    page.evaluate(
      (id) => document.querySelector(`#${id} mkt-kpis`).shadowRoot.querySelector('[data-kpi="gmv"] .value').textContent,
      id,
    );
  const vueBefore = await gmv('vue');
  await page.evaluate(() => {
    document.querySelector('#react-shop').setFilters({ categories: ['Electronics'] });
  });
  await page.waitForFunction(() =>
    document.querySelector('#react [data-testid="applied"]').textContent.includes('Electronics'),
  );
  await settle(page);
  const vueText = await page.evaluate(() => document.querySelector('#vue [data-testid="applied"]').textContent);
  if (!vueText.includes('all categories')) throw new Error(`the Vue dashboard changed too: ${vueText}`);
  if ((await gmv('vue')) !== vueBefore) throw new Error('the Vue dashboard KPIs changed');
  if ((await gmv('react')) === vueBefore) throw new Error('the React dashboard KPIs did not change');
  await page.evaluate(() => document.querySelector('#vue-shop').setFilters({ categories: ['Books'] }));
  await page.waitForFunction(() =>
    document.querySelector('#vue [data-testid="applied"]').textContent.includes('Books'),
  );
  await page.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

// Both cases whatever demo/data holds: as on disk, and with Olist left out of the index (the data folder itself
// still there, so a page that ignored the index would load it).
const olistOnDisk = JSON.parse(readFileSync('demo/data/datasets.json', 'utf8')).datasets.includes('olist');
for (const listed of olistOnDisk ? [true, false] : [false]) {
  await check(
    `the Data switch ${listed ? 'offers Olist when demo/data lists it' : 'leaves Olist out when demo/data does not list it; ?data=olist is one message'}`,
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = collectProblems(page);
      const olistRequests = [];
      page.on('request', (r) => r.url().includes('/data/olist/') && olistRequests.push(r.url()));
      if (!listed)
        await page.route('**/data/datasets.json', (route) =>
          route.fulfill({ contentType: 'application/json', body: JSON.stringify({ datasets: ['scale-0.05'] }) }),
        );
      await page.goto(`${base}/index.html`);
      await settle(page);
      const options = await page.evaluate(() =>
        [...document.querySelector('mkt-demo-nav').shadowRoot.querySelectorAll('option')].map((o) => o.value),
      );
      if (options.includes('olist') !== listed)
        throw new Error(`Olist is ${listed ? '' : 'not '}listed but the switch offers ${JSON.stringify(options)}`);
      await page.goto(`${base}/index.html?data=olist`);
      // Missing: the dashboards never load (they are hidden), the message appears.
      if (listed) await settle(page);
      else await page.waitForSelector('.demo-missing', { timeout: 30000 });
      const messages = await page.evaluate(() =>
        [...document.querySelectorAll('.demo-missing')].map((m) => m.textContent),
      );
      if (listed && messages.length > 0) throw new Error(`Olist is there, yet: ${messages.join(' ')}`);
      if (!listed && messages.length !== 1) throw new Error(`expected one message, got ${JSON.stringify(messages)}`);
      if (!listed && olistRequests.length > 0)
        throw new Error(`Olist is not listed, yet the page fetched ${olistRequests.join(', ')}`);
      await page.close();
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  );
}

// The Content-Security-Policy the README documents: no 'unsafe-inline', no 'unsafe-eval'.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob: data:";
const strict = await serveDemo(0, { headers: { 'Content-Security-Policy': CSP } });
for (const file of ['embed.html', 'article.html', 'index.html', 'insights.html']) {
  await check(
    `${file} under a strict Content-Security-Policy: no violation, every element works and exports`,
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = collectProblems(page);
      // A blocked inline style, script or eval is a console error (collected above) and a securitypolicyviolation.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(
            `securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
          ),
        );
      });
      await page.goto(`http://127.0.0.1:${strict.address().port}/${file}`);
      await settle(page);
      // Tooltips and other styled states appear on focus: show one per element.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('*')) el.shadowRoot?.querySelector('[tabindex="0"]')?.focus();
      });
      await page.evaluate(() =>
        document
          .querySelector('mkt-data')
          .setFilters({ categories: [document.querySelector('mkt-data').state.info.categories[0]] }),
      );
      await settle(page);
      // Every widget's downloads, as its Download menu runs them: CSV, and SVG and PNG of its chart.
      const exported = await page.evaluate(async () => {
        const done = [];
        for (const el of document.querySelectorAll('*')) {
          if (typeof el.downloadAs !== 'function') continue;
          const menu = el.shadowRoot?.querySelectorAll('[data-export]') ?? [];
          for (const item of menu) {
            await el.downloadAs(item.getAttribute('data-export'));
            done.push(`${el.localName} ${item.getAttribute('data-export')}`);
          }
        }
        return done;
      });
      // The executive report's print view: written into a frame of the page, so under the page's policy; styled by a
      // constructed sheet (h1 at 20pt), its charts as data: images, and no violation (collected above).
      if (file === 'insights.html') {
        const printed = await page.evaluate(async () => {
          const report = document.querySelector('mkt-report');
          let doc = null;
          report.openPrintDialog = (view) => (doc = view.document);
          report.shadowRoot.querySelector('[part="print"]').click();
          await Promise.all([...doc.images].map((img) => img.decode().catch(() => undefined)));
          return {
            h1: getComputedStyle(doc.querySelector('h1')).fontSize,
            images: [...doc.images].filter((img) => img.naturalWidth > 0).length,
            findings: doc.querySelectorAll('ol.findings li').length,
          };
        });
        if (printed.h1 !== '26.6667px' || printed.images === 0 || printed.findings === 0)
          throw new Error(`the report's print view: ${JSON.stringify(printed)}`);
      }
      // The bundle pages hold KPIs only (CSV); the home page has charts, which must have been exported as images.
      if (exported.length === 0) throw new Error('nothing was exported');
      if (file === 'index.html' && !exported.some((e) => e.endsWith(' png')))
        throw new Error(`no chart was exported: ${exported.join(', ')}`);
      await page.waitForTimeout(300);
      await page.close();
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  );
}
strict.close();

await browser.close();
server.close();
const passed = results.filter((r) => r.ok).length;
console.log(`\ne2e: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
