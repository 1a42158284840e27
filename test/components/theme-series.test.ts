import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpis/mkt-kpis.js';

/** The eight series colours an element resolves under a theme, read from its computed style. */
function seriesColours(el: Element): string[] {
  const style = getComputedStyle(el);
  return [1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
    (style.getPropertyValue(`--mkt-series-${i}`) || style.getPropertyValue(`--_mkt-series-${i}`)).trim().toLowerCase(),
  );
}

describe('Series colours', () => {
  for (const theme of ['light', 'dark']) {
    it(`are eight different colours in the ${theme} theme`, async () => {
      const el = await fixture(html`<mkt-kpis theme=${theme}></mkt-kpis>`);
      const colours = seriesColours(el);
      expect(
        colours.every((c) => /^#[0-9a-f]{6}$/.test(c)),
        colours.join(' '),
      ).to.equal(true);
      expect(new Set(colours).size, colours.join(' ')).to.equal(8);
    });
  }
});
