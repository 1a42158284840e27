// End-to-end checks of server mode (issue 21): a real `marketkit serve` on loopback over the scale-0.05 demo data,
// and the built demo's server page (server.html?server=…) in Chromium, compared with the browser-mode home page.
import { ensurePrepared, startMarketkitServer } from '../support/marketkit-server.mjs';
import { collectProblems, settle } from './page-checks.mjs';

const TOKEN = 'e2e-token-0123456789';
const PREPARED = 'demo/data/prepared/scale-0.05.duckdb';

/** The text of every KPI value of the page's <mkt-kpis>, by KPI. */
const kpiValues = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelector('mkt-kpis').shadowRoot.querySelectorAll('[data-kpi]')].map((k) => [
        k.dataset.kpi,
        k.querySelector('.value')?.textContent.trim(),
      ]),
    ),
  );

const setCategory = (page, category) =>
  page.evaluate((c) => document.querySelector('mkt-data').setFilters({ categories: c ? [c] : [] }), category);

/** Every element's shown error messages (`.error` in any shadow root), to prove none or to find one. */
const shownErrors = (page) =>
  page.evaluate(() => {
    const found = [];
    const walk = (root, host) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('.error, [role="alert"]')) found.push(`${host}: ${el.textContent.replace(/\s+/g, ' ').trim()}`);
        if (el.shadowRoot) walk(el.shadowRoot, el.localName);
      }
    };
    walk(document, 'page');
    return found;
  });

function same(label, a, b) {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${label}: server ${JSON.stringify(a)} vs browser ${JSON.stringify(b)}`);
}

/** @param {{ check: Function, browser: any, base: string }} run */
export async function serverChecks({ check, browser, base }) {
  ensurePrepared('demo/data/scale-0.05', PREPARED);
  // One query at a time, so that a superseded query is still waiting or running when its filters change.
  const flags = ['--origin', base, '--token', TOKEN, '--bench-routes', '--max-concurrent', '1'];
  let server = await startMarketkitServer(PREPARED, { flags });
  const serverUrl = () => `http://127.0.0.1:${server.port}/`;
  const stats = async () =>
    (await fetch(`${serverUrl()}bench-stats`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();

  async function openServerPage({ token = TOKEN, width = 1280 } = {}) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = collectProblems(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const query = new URLSearchParams({ server: serverUrl(), token });
    await page.goto(`${base}/server.html?${query}`);
    return { page, problems, requests };
  }

  // The browser-mode home page on the same data: the KPIs the server page must show, unfiltered and filtered.
  const browserPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await browserPage.goto(`${base}/index.html?data=scale-0.05`);
  await settle(browserPage);
  const category = await browserPage.evaluate(() => document.querySelector('mkt-data').state.info.categories[1]);
  const expected = { all: await kpiValues(browserPage) };
  await setCategory(browserPage, category);
  await settle(browserPage);
  expected.filtered = await kpiValues(browserPage);
  await browserPage.close();

  await check(
    'server.html on marketkit serve: every element renders, KPIs as in the browser; no .wasm or .arrow',
    async () => {
      for (const width of [1280, 375]) {
        const { page, problems, requests } = await openServerPage({ width });
        await settle(page);
        await page.screenshot({ path: `test/screenshots/server-e2e-${width}.png`, fullPage: true });
        const errors = await shownErrors(page);
        const widgets = await page.evaluate(
          () =>
            [...document.querySelectorAll('mkt-data > section > *')].filter((el) =>
              el.shadowRoot.querySelector('svg, [data-kpi]'),
            ).length,
        );
        same('KPIs', await kpiValues(page), expected.all);
        const downloads = requests.filter((u) => /\.(wasm|arrow)(\?|$)/.test(u));
        await page.close();
        if (widgets !== 5) throw new Error(`${widgets} of the 5 widgets drew a chart or figures`);
        if (downloads.length > 0) throw new Error(`downloaded in server mode: ${downloads.join(', ')}`);
        if (errors.length > 0 || problems.length > 0) throw new Error([...errors, ...problems].join('\n'));
      }
    },
  );

  await check(
    "server.html: a filter change repaints with the browser mode's numbers; superseded queries are dropped on the server",
    async () => {
      const { page, problems } = await openServerPage();
      await settle(page);
      const before = (await stats()).counts;
      // A filter change, then another as soon as the first one's queries reach the server (one runs, the rest wait):
      // the first change's queries are abandoned by the page, and the server drops or interrupts them.
      const categories = await page.evaluate(() => document.querySelector('mkt-data').state.info.categories);
      let cancelled = 0;
      for (let attempt = 0; attempt < 5 && cancelled === 0; attempt++) {
        const sent = page.waitForRequest((r) => r.url().endsWith('/query') && r.method() === 'POST');
        await setCategory(page, categories[(attempt + 2) % categories.length]);
        await sent;
        await setCategory(page, category);
        await settle(page);
        const after = (await stats()).counts;
        cancelled = after.dropped + after.interrupted - before.dropped - before.interrupted;
      }
      same('KPIs after the filter change', await kpiValues(page), expected.filtered);
      const { load } = await stats();
      await page.close();
      if (cancelled === 0) throw new Error('in 5 tries, the server never dropped or interrupted a superseded query');
      if (load.running !== 0 || load.queued !== 0) throw new Error(`stale work left: ${JSON.stringify(load)}`);
      // The superseded queries' requests were aborted by the page (net::ERR_ABORTED): that is the cancellation.
      const unexpected = problems.filter((p) => !/^request failed: .*\/query \(net::ERR_ABORTED\)$/.test(p));
      if (unexpected.length > 0) throw new Error(unexpected.join('\n'));
    },
  );

  await check(
    'server.html: the server restarts while the page is open: the page says so and recovers by itself',
    async () => {
      const { page, problems } = await openServerPage();
      await settle(page);
      await page.evaluate(() => {
        window.connectionEvents = [];
        document.addEventListener('mkt-connection', (e) => window.connectionEvents.push(e.detail.state));
      });
      const port = server.port;
      await server.stop();
      await setCategory(page, category);
      await page.waitForFunction(
        () => document.querySelector('mkt-data').shadowRoot.textContent.includes('Lost the connection to the server'),
        null,
        { timeout: 30000 },
      );
      server = await startMarketkitServer(PREPARED, { port, flags });
      await page.waitForFunction(() => window.connectionEvents.includes('restored'), null, { timeout: 60000 });
      await settle(page);
      same('KPIs after the restart', await kpiValues(page), expected.filtered);
      const events = await page.evaluate(() => window.connectionEvents);
      const notice = await page.evaluate(() => document.querySelector('mkt-data').shadowRoot.textContent);
      const errors = await shownErrors(page);
      await page.close();
      // While the restarted server loads, its health answers before its queries do: the page may go lost / restored
      // more than once then (a known wrinkle of the transport); it must start with lost and end restored.
      if (events[0] !== 'lost' || events.at(-1) !== 'restored' || events.length % 2 !== 0)
        throw new Error(`mkt-connection events: ${JSON.stringify(events)}`);
      if (notice.includes('Lost the connection')) throw new Error('the lost-connection notice stayed');
      // While the server was down its requests failed: those are expected, nothing else.
      const unexpected = problems.filter(
        (p) => !/ERR_CONNECTION_REFUSED|request failed: .*\/(query|health|dataset)$|HTTP 503/.test(p),
      );
      if (errors.length > 0 || unexpected.length > 0) throw new Error([...errors, ...unexpected].join('\n'));
    },
  );

  await check('server.html with a wrong token: the widgets show the error and mkt-error is sent', async () => {
    const { page, problems } = await openServerPage({ token: 'not-the-token-123' });
    await settle(page);
    const errors = await shownErrors(page);
    await page.close();
    const sent = problems.filter(
      (p) => p.startsWith('mkt-error unauthorized') || p.includes('console error: mkt-error unauthorized'),
    );
    if (sent.length === 0) throw new Error(`no mkt-error unauthorized: ${problems.join('\n')}`);
    if (!errors.some((e) => e.includes('access token')))
      throw new Error(`no widget says so: ${JSON.stringify(errors)}`);
  });

  await server.stop();
}
