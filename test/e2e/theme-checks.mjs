// End-to-end check that the kit's cards match the page they sit on, in the dark colour scheme: a page that turns
// dark gets dark cards, and a page that stays light (the article pins theme="light") gets light ones.

/** In the page: the luminance (0–1) of the page's canvas and of each element's card. */
function backgrounds() {
  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  const opaque = (el) => {
    const c = getComputedStyle(el).backgroundColor;
    return rgb(c)[3] === 0 ? null : rgb(c);
  };
  const dark = getComputedStyle(document.documentElement).colorScheme.includes('dark');
  const canvas = opaque(document.body) ?? opaque(document.documentElement) ?? (dark ? [18, 18, 18] : [255, 255, 255]);
  const cards = [...document.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('mkt-') && el.shadowRoot?.querySelector('[part~="card"]'))
    .map((el) => ({
      name: el.localName,
      card: luminance(opaque(el.shadowRoot.querySelector('[part~="card"]')) ?? [255, 255, 255]),
    }));
  return { page: luminance(canvas), cards };
}

/** @param {{ check: Function, browser: any, base: string, pages: string[], settle: Function }} run */
export async function themeChecks({ check, browser, base, pages, settle }) {
  await check('in the dark colour scheme, every demo page and its cards are both dark or both light', async () => {
    const wrong = [];
    for (const file of pages) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
      await page.goto(`${base}/${file}`);
      await settle(page);
      const { page: canvas, cards } = await page.evaluate(backgrounds);
      for (const c of cards)
        if (canvas < 0.5 !== c.card < 0.5)
          wrong.push(
            `${file}: ${c.name} is ${c.card < 0.5 ? 'dark' : 'light'} on a ${canvas < 0.5 ? 'dark' : 'light'} page`,
          );
      await page.close();
    }
    if (wrong.length > 0) throw new Error([...new Set(wrong)].join('\n'));
  });
}
