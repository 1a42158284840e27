import { expect, html } from '@open-wc/testing';
import '../../src/components/data/mkt-data.js';
import '../../src/components/revenue-trend/mkt-revenue-trend.js';
import '../../src/components/category-performance/mkt-category-performance.js';
import '../../src/components/tier-contribution/mkt-tier-contribution.js';
import '../../src/components/geo/mkt-geo.js';
import type { MktData } from '../../src/components/data/mkt-data.js';
import type { MktWidget } from '../../src/components/base/mkt-widget.js';
import { MktOptionChangeEvent } from '../../src/events/option-change.js';
import { tinyDataset } from '../fixtures/tiny-marketplace.js';
import { mount, settled, whenReady } from '../support/dom.js';

const button = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;

describe('view toggles send mkt-option-change (and no untyped change)', () => {
  let data: MktData;
  const heard: { type: string; target: EventTarget | null; detail?: unknown; composed: boolean }[] = [];
  const listen = (e: Event) =>
    heard.push({ type: e.type, target: e.target, detail: (e as MktOptionChangeEvent).detail, composed: e.composed });

  before(async () => {
    data = await mount(
      html`<mkt-data .source=${tinyDataset()}>
        <mkt-revenue-trend></mkt-revenue-trend>
        <mkt-category-performance></mkt-category-performance>
        <mkt-tier-contribution granularity="week"></mkt-tier-contribution>
        <mkt-geo></mkt-geo>
      </mkt-data>`,
    );
    await whenReady(data);
    for (const el of data.children) await settled(el as MktWidget<unknown>);
    // On the document: the events bubble out of the dashboard.
    document.addEventListener('mkt-option-change', listen);
    document.addEventListener('change', listen);
  });
  beforeEach(() => (heard.length = 0));
  after(() => {
    document.removeEventListener('mkt-option-change', listen);
    document.removeEventListener('change', listen);
    data.remove();
  });

  const cases: [tag: string, press: (el: Element) => void, option: string, value: string | boolean][] = [
    ['mkt-revenue-trend', (el) => button(el, 'Week').click(), 'granularity', 'week'],
    [
      'mkt-revenue-trend',
      (el) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click(),
      'compare',
      true,
    ],
    ['mkt-category-performance', (el) => button(el, 'Orders').click(), 'metric', 'orders'],
    ['mkt-tier-contribution', (el) => button(el, 'Month').click(), 'granularity', 'month'],
    ['mkt-geo', (el) => button(el, 'Customers').click(), 'metric', 'customers'],
  ];
  for (const [tag, press, option, value] of cases) {
    it(`<${tag}>: changing ${option} to ${value} sends { option: '${option}', value: ${JSON.stringify(value)} }`, () => {
      const el = data.querySelector(tag)!;
      press(el);
      expect(heard).to.deep.equal([
        { type: 'mkt-option-change', target: el, detail: { option, value }, composed: true },
      ]);
      expect((el as unknown as Record<string, unknown>)[option]).to.equal(value);
    });
  }

  it('setting the property from a script sends nothing', async () => {
    const trend = data.querySelector('mkt-revenue-trend')!;
    trend.granularity = 'day';
    await trend.updateComplete;
    expect(heard).to.deep.equal([]);
  });
});
