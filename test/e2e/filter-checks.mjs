// End-to-end checks of the demo's filters, nav and favicon, and of the dev server the demo runs on (`npm start`).
import { createServer } from 'vite';
import { settle, collectProblems } from './page-checks.mjs';

const dayMs = 86_400_000;
const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const shadowText = (page, host, selector) =>
  page.evaluate(
    ([h, s]) => document.querySelector(h).shadowRoot.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    [host, selector],
  );

/**
 * @param {{ check: (name: string, fn: () => Promise<void>) => Promise<void>, openPage: Function, browser: any,
 *   base: string, pages: string[] }} run
 */
export async function filterChecks({ check, openPage, browser, base, pages }) {
  await check('every demo page names a favicon file that is served (no 404, no empty data: URL)', async () => {
    const wrong = [];
    for (const file of pages) {
      const html = await (await fetch(`${base}/${file}`)).text();
      const href = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
      const icon = href && (await fetch(new URL(href, `${base}/${file}`)));
      const what = icon ? `${icon.status} ${icon.headers.get('content-type')}` : 'no <link rel="icon" href>';
      if (what !== '200 image/svg+xml') wrong.push(`${file}: ${what}`);
    }
    if (wrong.length > 0) throw new Error(wrong.join('\n'));
  });

  await check(
    'index.html: the first screen compares (period="year-to-date"); a date preset sets the dates, the KPIs compare, and the bar names both periods',
    async () => {
      const { page, problems } = await openPage('index.html');
      const opening = await shadowText(page, 'mkt-kpis', '[data-kpi="gmv"] .change');
      if (!opening || opening.includes('no prior data') || !/\d/.test(opening))
        throw new Error(`the first screen's GMV KPI shows no change: "${opening}"`);
      await page.locator('mkt-filters details[data-key="period"] summary').click();
      await page.locator('mkt-filters input[name="preset"][value="last-30-days"]').click();
      await settle(page);
      const { filters, last } = await page.evaluate(() => {
        const data = document.querySelector('mkt-data');
        return { filters: data.filters, last: data.state.info.maxDate };
      });
      const from = addDays(last, -29);
      if (filters.dateFrom !== from || filters.dateTo !== last)
        throw new Error(`last 30 days of data ending ${last}: got ${filters.dateFrom} – ${filters.dateTo}`);
      const change = await shadowText(page, 'mkt-kpis', '[data-kpi="gmv"] .change');
      if (!change || change.includes('no prior data') || !/\d/.test(change))
        throw new Error(`the GMV KPI shows no change: "${change}"`);
      const note = await shadowText(page, 'mkt-filters', '.period-note');
      if (!note?.includes('compared with')) throw new Error(`the period note: "${note}"`);
      await page.waitForFunction(() => location.search.includes('shop.dateFrom='), null, { timeout: 5000 });
      await page.close();
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  );

  await check('index.html at 375 px: the filter bar folds to one line, and opens to every filter', async () => {
    const { page, problems } = await openPage('index.html', 375);
    const height = () => page.evaluate(() => document.querySelector('mkt-filters').getBoundingClientRect().height);
    const folded = await height();
    const screen = await page.evaluate(() => window.innerHeight);
    if (folded > screen / 8) throw new Error(`the folded bar is ${folded} px high on a ${screen} px screen`);
    await page.locator('mkt-filters button.toggle').click();
    await page.locator('mkt-filters details[data-key="categories"] summary').click();
    await page.locator('mkt-filters details[data-key="categories"] input[type="checkbox"]').first().click();
    await settle(page);
    const summary = await shadowText(page, 'mkt-filters', '.toggle-summary');
    if (!summary?.startsWith('Year to date · ')) throw new Error(`the summary line: "${summary}"`);
    await page.close();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });

  await check('the demo nav carries the filters to the next page', async () => {
    const { page, problems } = await openPage('index.html');
    await page.locator('mkt-filters details[data-key="categories"] summary').click();
    await page.locator('mkt-filters details[data-key="categories"] input[type="checkbox"]').first().click();
    await page.waitForFunction(() => location.search.includes('shop.categories='), null, { timeout: 5000 });
    const chosen = await page.evaluate(() => document.querySelector('mkt-data').filters.categories);
    await page.locator('mkt-demo-nav a[data-page="sellers"]').click();
    await page.waitForURL(/sellers\.html\?/);
    await settle(page);
    const carried = await page.evaluate(() => document.querySelector('mkt-data').filters.categories);
    if (JSON.stringify(carried) !== JSON.stringify(chosen))
      throw new Error(`chose ${JSON.stringify(chosen)}, the Sellers page has ${JSON.stringify(carried)}`);
    const shown = await shadowText(page, 'mkt-filters', '#summary-categories');
    if (shown !== chosen[0]) throw new Error(`the Sellers page's filter bar shows "${shown}"`);
    await page.close();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });

  await check('the dev server serves the drop-in bundle pages working, and logs no error', async () => {
    const logged = [];
    const keep = (level) => (message) => logged.push(`${level}: ${message}`);
    const logger = {
      hasWarned: false,
      info() {},
      warn: keep('warn'),
      warnOnce: keep('warn'),
      error: keep('error'),
      clearScreen() {},
      hasErrorLogged: () => false,
    };
    const dev = await createServer({ customLogger: logger, server: { host: '127.0.0.1', port: 0, strictPort: true } });
    await dev.listen();
    try {
      const origin = dev.resolvedUrls.local[0].replace(/\/$/, '');
      for (const file of ['embed.html', 'article.html']) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems = collectProblems(page);
        await page.goto(`${origin}/${file}`);
        await settle(page);
        const kpis = await page.evaluate(() => document.querySelectorAll('mkt-kpis').length);
        const gmv = await shadowText(page, 'mkt-kpis', '[data-kpi="gmv"] .value');
        await page.close();
        if (kpis === 0 || !gmv?.startsWith('$')) throw new Error(`${file}: no KPIs (${gmv})`);
        if (problems.length > 0) throw new Error(`${file}:\n${problems.join('\n')}`);
      }
      // Vite reports a failed pre-transform after answering the page.
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await dev.close();
    }
    if (logged.length > 0) throw new Error(logged.join('\n'));
  });
}
