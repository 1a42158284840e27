import { expect } from '@open-wc/testing';
import * as kit from '../../src/index.js';
import { MktWidget } from '../../src/index.js';

const heading = (el: Element) => el.shadowRoot!.querySelector('h2[part="heading"]')?.textContent?.trim() ?? null;

/** Every widget the kit exports, by tag name. */
const widgets = (Object.values(kit) as unknown[])
  .filter((v): v is CustomElementConstructor => typeof v === 'function' && v.prototype instanceof MktWidget)
  .map((cls) => customElements.getName(cls)!)
  .sort();

describe('default headings', () => {
  it('finds the widgets', () => {
    expect(widgets).to.include.members(['mkt-kpis', 'mkt-seller-health', 'mkt-filters', 'mkt-what-if']);
  });

  for (const tag of widgets) {
    it(`<${tag}> titles itself without a heading attribute, and heading="" or a heading of the page's wins`, async () => {
      const el = document.createElement(tag) as MktWidget<unknown>;
      document.body.append(el);
      try {
        await el.updateComplete;
        if (tag === 'mkt-filters') {
          expect(heading(el), 'the filter bar has no title').to.equal(null);
        } else {
          expect(heading(el), 'default title').to.be.a('string').and.not.equal('');
          expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal(heading(el));
        }
        el.setAttribute('heading', '');
        await el.updateComplete;
        expect(heading(el), 'heading="" shows no title').to.equal(null);
        el.setAttribute('heading', 'Ours');
        await el.updateComplete;
        expect(heading(el)).to.equal('Ours');
        el.removeAttribute('heading');
        await el.updateComplete;
        expect(heading(el) !== 'Ours', 'removing the attribute brings the default back').to.be.true;
      } finally {
        el.remove();
      }
    });
  }

  it('names a few as the demo does', async () => {
    for (const [tag, title] of [
      ['mkt-kpis', 'Key figures'],
      ['mkt-seller-health', 'Seller health'],
      ['mkt-funnel', 'Conversion funnel'],
    ]) {
      const el = document.createElement(tag) as MktWidget<unknown>;
      document.body.append(el);
      await el.updateComplete;
      expect(heading(el), tag).to.equal(title);
      el.remove();
    }
  });
});
