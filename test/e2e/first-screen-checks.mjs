// End-to-end check of the demo's first screen: the key figures compare with a period before, on every page that
// shows them, but the customer and cohort pages, which open on all the data their models read.

const ALL_DATA_PAGES = new Set(['customers.html', 'cohorts.html']);

/** @param {{ check: Function, openPage: Function, pages: string[] }} run */
export async function firstScreenChecks({ check, openPage, pages }) {
  await check('every demo page with key figures opens on a period its KPIs compare with the one before', async () => {
    const wrong = [];
    for (const file of pages.filter((p) => !ALL_DATA_PAGES.has(p))) {
      const { page } = await openPage(file);
      const changes = await page.evaluate(() =>
        [...document.querySelectorAll('mkt-kpis')].map(
          (k) => k.shadowRoot.querySelector('[data-kpi="gmv"] .change')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        ),
      );
      for (const change of changes) if (!/\d/.test(change)) wrong.push(`${file}: GMV "${change}"`);
      await page.close();
    }
    if (wrong.length > 0) throw new Error(wrong.join('\n'));
  });
}
