import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { CursorController } from '../../src/charts/cursor.js';
import { funnelSteps } from '../../src/charts/funnel-steps.js';
import { rateCards } from '../../src/charts/rate-cards.js';
import { matchSvgSnapshot, mountChart } from '../support/svg-snapshot.js';

describe('funnelSteps()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws each step against the full track (snapshot), a focusable image with its numbers and a tooltip', async () => {
    let cursor!: CursorController;
    const steps = [
      {
        key: 'viewed',
        label: 'Viewed',
        value: 4,
        text: '4 · 100%',
        note: '100% of sessions',
        lines: ['Viewed', '4 sessions'],
      },
      {
        key: 'bought',
        label: 'Bought',
        value: 1,
        text: '1 · 25%',
        note: '↳ 25% from view',
        lines: ['Bought', '1 session'],
      },
    ];
    const chart = await mountChart((h) => {
      cursor ??= new CursorController(h);
      return html`<div class="chart">
        ${funnelSteps(steps, { width: 200, total: 4, color: '#1f77b4', label: 'Funnel', cursor })}${cursor.overlay()}
      </div>`;
    });
    host = chart;
    await matchSvgSnapshot(chart, 'funnel-steps');
    // A full bar is 4 sessions over 200 px: 1 session → 50 px.
    expect([...chart.shadowRoot!.querySelectorAll('rect.bar')].map((r) => r.getAttribute('width'))).to.deep.equal([
      '200',
      '50',
    ]);
    const bought = chart.shadowRoot!.querySelector<SVGGElement>('[data-step="bought"]')!;
    expect([
      bought.getAttribute('tabindex'),
      bought.getAttribute('role'),
      bought.getAttribute('aria-label'),
    ]).to.deep.equal(['0', 'img', 'Bought. 1 session']);
    bought.focus();
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('.tooltip')!.textContent!.trim()).to.equal('Bought\n1 session');
    await expect(chart).shadowDom.to.be.accessible();
  });
});

describe('rateCards()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws a card of rate bars per group; selectable cards are toggle buttons moved by Enter', async () => {
    let cursor!: CursorController;
    const toggled: string[] = [];
    const card = (key: string, value: number) => ({
      key,
      title: key,
      meta: ['10 sessions · ', `${value * 100}%`, ' convert'] as const,
      rates: [{ label: 'Cart → purchase', value, ref: 0.5, text: `${value * 100}%` }],
      lines: [key, `${value * 100}% convert`],
    });
    const chart = await mountChart((h) => {
      cursor ??= new CursorController(h);
      return html`<div class="chart">
        ${rateCards([card('Toys', 0.25), card('Books', 0.75)], {
          select: { selected: new Set(['Books']), toggle: (k) => toggled.push(k) },
          cursor,
        })}
      </div>`;
    });
    host = chart;
    const cards = [...chart.shadowRoot!.querySelectorAll<HTMLElement>('.multiple')];
    expect(cards.map((c) => [c.dataset.group, c.getAttribute('role'), c.getAttribute('aria-pressed')])).to.deep.equal([
      ['Toys', 'button', 'false'],
      ['Books', 'button', 'true'],
    ]);
    // The bar is scaled, not sized: a rate of 0.25 is scaleX(0.25); the mark sits at 50% of the track.
    expect(cards[0].querySelector<HTMLElement>('.bar')!.style.transform).to.equal('scaleX(0.25)');
    expect(cards[0].querySelector<HTMLElement>('.ref')!.style.transform).to.equal('translateX(50%)');
    cards[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(toggled).to.deep.equal(['Toys']);
    await expect(chart).shadowDom.to.be.accessible();
  });
});
