import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { CursorController } from '../../src/charts/cursor.js';
import { stackedBars, type StackedColumn } from '../../src/charts/stacked-bars.js';
import { matchSvgSnapshot, mountChart } from '../support/svg-snapshot.js';

const columns: StackedColumn[] = [
  { x: new Date('2025-01-01T00:00:00Z'), values: { gold: 100, silver: 40 } },
  { x: new Date('2025-02-01T00:00:00Z'), values: { gold: 20, silver: 0, new: 100 } },
];
const colors: Record<string, string> = { gold: '#1f77b4', silver: '#ff7f0e', new: '#2ca02c' };

describe('stackedBars()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('stacks the layers bottom first on a y axis from 0 (snapshot) and reads them column by column', async () => {
    let cursor!: CursorController;
    const chart = await mountChart((h) => {
      cursor ??= new CursorController(h);
      return html`<div class="chart">
        ${stackedBars(columns, {
          width: 266,
          height: 136,
          keys: ['gold', 'silver', 'new'],
          color: (k) => colors[k],
          yFormat: (v) => `$${v}`,
          label: 'GMV by tier per month.',
          cursor: { controller: cursor, lines: (i) => [`Column ${i + 1}`] },
        })}
        ${cursor.overlay(true)}
      </div>`;
    });
    host = chart;
    await matchSvgSnapshot(chart, 'stacked-bars');
    // Plot 200 × 100 px; the tallest column is $140, so y runs 0–150 (round ticks of 50): $1 is 2/3 px. Column 1:
    // gold 100 → 66.67 px from the bottom, silver 40 on top → 26.67 px; column 2: gold 20 → 13.33, new 100 → 66.67.
    const heights = [...chart.shadowRoot!.querySelectorAll('g.column')].map((g) =>
      [...g.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height'))),
    );
    expect(heights).to.deep.equal([
      [66.67, 26.67, 0],
      [13.33, 0, 66.67],
    ]);
    const plot = chart.shadowRoot!.querySelector<SVGRectElement>('.plot')!;
    plot.focus();
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('[aria-live]')!.textContent!.trim()).to.equal('Column 2');
    expect(chart.shadowRoot!.querySelectorAll('g.column.active')).to.have.length(1);
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('[aria-live]')!.textContent!.trim()).to.equal('Column 1');
    await expect(chart).shadowDom.to.be.accessible();
  });
});
