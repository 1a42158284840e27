import { expect, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import * as marketkit from '../../src/index.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import type { MktErrorEvent } from '../../src/events/error.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, whenReady } from '../support/dom.js';

/**
 * Bad values a page could write, per element. Every numeric attribute of every exported element must be listed
 * (the first test checks it), so a new option is tested as soon as it exists.
 */
const CASES: Record<string, Record<string, string>> = {
  'mkt-revenue-trend': { granularity: 'fortnight' },
  'mkt-tier-contribution': { granularity: 'fortnight' },
  'mkt-category-performance': { metric: 'nope' },
  'mkt-geo': { metric: 'nope', map: 'nope' },
  'mkt-cohort-heatmap': { entity: 'robots', measure: 'nope', periods: 'abc' },
  'mkt-retention-curves': { entity: 'robots', measure: 'nope', periods: '1e9' },
  'mkt-funnel': { breakdown: 'nope' },
  'mkt-journey': { mode: 'nope' },
  'mkt-churn': { days: '-5', breakdown: 'robots', 'list-size': '0' },
  'mkt-clv': { 'horizon-weeks': 'abc', 'discount-rate': '7' },
  'mkt-rfm-segments': { method: 'nope', k: '50', 'horizon-weeks': '-1', 'discount-rate': '7' },
  'mkt-seller-churn': { days: '-5' },
  'mkt-seller-health': { 'min-orders': '-1', 'page-size': '0', 'tier-filter': 'robots' },
  'mkt-forecast': { weeks: '1e9' },
  'mkt-insights': { limit: '0' },
  'mkt-anomalies': { threshold: 'abc', limit: '-1' },
  'mkt-campaigns': { by: 'robots', granularity: 'fortnight' },
  'mkt-support': { by: 'robots', measure: 'nope' },
  'mkt-payments': { mode: 'pie', granularity: 'fortnight' },
  'mkt-decomposition': { metric: 'profit' },
  'mkt-products': { measure: 'nope', limit: '0', 'min-volume': 'abc' },
  'mkt-recommendations': { level: 'robots', basket: 'nope', 'min-count': '0' },
  'mkt-value-tiers': { entity: 'robots', tiers: '40,10,1' },
  'mkt-returns': { by: 'robots', granularity: 'fortnight' },
  'mkt-report': { charts: '-1' },
  'mkt-what-if': {
    scope: 'robots',
    'price-change': '1e9',
    discount: '95',
    'price-elasticity': '3',
    'promo-elasticity': 'abc',
    'late-order-loss': '-1',
  },
};

/** Every element the package exports, by tag name. */
function exportedElements(): Map<string, CustomElementConstructor> {
  const found = new Map<string, CustomElementConstructor>();
  for (const value of Object.values(marketkit)) {
    if (typeof value !== 'function' || !(value.prototype instanceof HTMLElement)) continue;
    const tag = customElements.getName(value as CustomElementConstructor);
    if (tag) found.set(tag, value as CustomElementConstructor);
  }
  return found;
}

function numericAttributes(element: CustomElementConstructor): string[] {
  const properties = (
    element as unknown as { elementProperties: Map<PropertyKey, { type?: unknown; attribute?: string | boolean }> }
  ).elementProperties;
  return [...properties]
    .filter(([, options]) => options.type === Number && options.attribute !== false)
    .map(([name, options]) => (typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase()));
}

const tag = (name: string) => unsafeStatic(name);
const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const shownText = (el: Element) => squeeze(el.shadowRoot?.textContent);
/** An element may say in place which option it could not use (`data-warnings="attributes"`): its text, or ''. */
const attributeNote = (el: Element) =>
  squeeze(el.shadowRoot?.querySelector('[data-warnings="attributes"]')?.textContent);

describe('bad attributes', () => {
  it('are listed for every numeric attribute of every exported element', () => {
    const elements = exportedElements();
    expect(elements.size, 'elements found in src/index.ts').to.be.greaterThan(15);
    const missing: string[] = [];
    for (const [name, element] of elements) {
      for (const attribute of numericAttributes(element))
        if (!(attribute in (CASES[name] ?? {}))) missing.push(`${name} ${attribute}`);
    }
    expect(missing, 'numeric attributes without a bad-value case').to.deep.equal([]);
  });

  for (const [name, attributes] of Object.entries(CASES)) {
    it(`<${name}> warns once per bad value, reports attribute-invalid, keeps what was written and shows the defaults`, async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(' '));
        warn.apply(console, args);
      };
      const errors: MktErrorEvent[] = [];
      try {
        const data = await mount<MktData>(
          html`<mkt-data .source=${tinyDataset()}>
            ${staticHtml`<${tag(name)} class="bad"></${tag(name)}><${tag(name)} class="default"></${tag(name)}>`}
          </mkt-data>`,
        );
        const bad = data.querySelector<MktWidget<unknown>>('.bad')!;
        const good = data.querySelector<MktWidget<unknown>>('.default')!;
        bad.addEventListener('mkt-error', (e) => errors.push(e as MktErrorEvent));
        for (const [attribute, value] of Object.entries(attributes)) bad.setAttribute(attribute, value);
        await whenReady(data);
        await settled(bad);
        await settled(good);
        // Filter changes re-render and re-query: still one warning per bad value.
        data.setFilters({ categories: ['Books'] });
        await settled(bad);
        data.setFilters({ categories: [] });
        await settled(bad);
        await settled(good);
        await new Promise((r) => setTimeout(r, 0));

        for (const [attribute, value] of Object.entries(attributes)) {
          expect(bad.getAttribute(attribute), `${attribute} as written`).to.equal(value);
          const mine = warnings.filter((w) => w.includes(`<${name}> ${attribute}=${JSON.stringify(value)}`));
          expect(mine, `console warnings for ${attribute}="${value}"`).to.have.length(1);
          expect(mine[0]).to.match(/expected .+\. Using /);
          const reported = errors.filter(
            (e) => e.detail.code === 'attribute-invalid' && e.detail.message.includes(`${attribute}=`),
          );
          expect(reported, `mkt-error for ${attribute}`).to.have.length(1);
          expect(reported[0].detail.source).to.equal(name);
        }
        expect(
          errors.filter((e) => e.detail.code !== 'attribute-invalid'),
          'other errors',
        ).to.deep.equal([]);
        expect(bad.shadowRoot!.querySelector('.message.error'), 'an error message in place').to.equal(null);
        // The fallback is the default: the element shows exactly what one without the attributes shows, besides a
        // note in place that names the bad value where it has one.
        const note = attributeNote(bad);
        if (note)
          expect(
            Object.values(attributes).some((v) => note.includes(v)),
            note,
          ).to.equal(true);
        expect(squeeze(shownText(bad).replace(note, ''))).to.equal(shownText(good));
        expect(shownText(bad).length).to.be.greaterThan(0);

        // A second, different bad value is reported too.
        const [attribute] = Object.keys(attributes);
        bad.setAttribute(attribute, '-7');
        await settled(bad);
        await new Promise((r) => setTimeout(r, 0));
        expect(warnings.filter((w) => w.includes(`<${name}> ${attribute}="-7"`))).to.have.length(1);
        data.remove();
      } finally {
        console.warn = warn;
      }
    });
  }
});
