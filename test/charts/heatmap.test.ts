import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { CursorController } from '../../src/charts/cursor.js';
import { heatmap, type HeatmapRow } from '../../src/charts/heatmap.js';
import { sequentialLegend, sequentialLegendStyles } from '../../src/charts/sequential-legend.js';
import { matchSvgSnapshot, mountChart, renderChart } from '../support/svg-snapshot.js';

const rows: HeatmapRow[] = [
  { key: '2025-01', label: 'Jan 2025', size: '2', values: [1, 0.5, 0.5] },
  { key: '2025-02', label: 'Feb 2025', size: '1', values: [1, 0, null] },
  { key: 'avg', label: 'Average', size: '3', values: [1, 1 / 3, 0.5], summary: true },
];
const percent = (v: number, digits: number) => `${(v * 100).toFixed(digits)}%`;

describe('heatmap()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws a cell per value, blank where there is none (snapshot); one tab stop moved by the arrow keys', async () => {
    const acted: string[] = [];
    let cursor!: CursorController;
    const chart = await mountChart((h) => {
      cursor ??= new CursorController(h);
      return html`<div class="chart">
        ${heatmap(rows, {
          width: 266,
          columns: 3,
          color: (v) => `rgb(0, 0, ${Math.round(255 * v)})`,
          format: percent,
          heads: { label: 'Cohort', size: 'Size', columns: ['Months since first purchase →', 'Months since →'] },
          cellLabel: (r, k) =>
            `${r.label}, month ${k}: ${r.values[k] === null ? 'not yet observed' : percent(r.values[k]!, 1)}`,
          label: 'Customer cohorts, retention by month',
          selected: '2025-02',
          activatable: (r) => !r.summary,
          activate: (r) => acted.push(r.key),
          tip: (r, k) => [`${r.label}, month ${k}`],
          cursor,
        })}
        ${cursor.overlay()}
      </div>`;
    });
    host = chart;
    await matchSvgSnapshot(chart, 'heatmap');
    const root = chart.shadowRoot!;
    // 266 − 64 (labels) − 52 (sizes) = 150 px for three columns: 50 px cells, wide enough for one decimal.
    expect([...root.querySelectorAll('.cell-label')].map((t) => t.textContent!.trim())).to.deep.equal([
      '100.0%',
      '50.0%',
      '50.0%',
      '100.0%',
      '0.0%',
      '',
      '100.0%',
      '33.3%',
      '50.0%',
    ]);
    expect(root.querySelectorAll('.cell.blank')).to.have.length(1);
    expect(root.querySelectorAll('.cell[tabindex="0"]')).to.have.length(1);
    expect(root.querySelectorAll('.cell[role="button"]')).to.have.length(6);
    const first = root.querySelector<SVGRectElement>('.cell[tabindex="0"]')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await chart.updateComplete;
    await chart.updateComplete;
    expect(root.activeElement?.getAttribute('data-key')).to.equal('2025-02');
    expect(root.querySelector('.tooltip')!.textContent!.trim()).to.equal('Feb 2025, month 0');
    root.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(acted).to.deep.equal(['2025-02']);
    await expect(chart).shadowDom.to.be.accessible();
  });
});

describe('sequentialLegend()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('keeps its tick labels apart on a narrow ramp', () => {
    host = renderChart(
      sequentialLegend({
        title: 'Retention',
        color: () => '#888',
        min: 0,
        max: 0.2,
        format: (v) => `${Math.round(v * 100)}%`,
        clampedAbove: true,
        width: 120,
      }),
    );
    host.shadowRoot!.adoptedStyleSheets = [...host.shadowRoot!.adoptedStyleSheets, sequentialLegendStyles.styleSheet!];
    const boxes = [...host.shadowRoot!.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
    expect(boxes.length).to.be.at.least(2);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].left, `label ${i} starts after label ${i - 1}`).to.be.at.least(boxes[i - 1].right);
    expect([...host.shadowRoot!.querySelectorAll('text')].at(-1)!.textContent).to.equal('≥ 20%');
  });
});
