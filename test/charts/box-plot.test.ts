import { expect } from '@open-wc/testing';
import { boxPlot, type Box } from '../../src/charts/box-plot.js';
import { matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

const rows: Box[] = [
  { key: 'champions', label: 'Champions', quantiles: [10, 20, 40, 60, 100], color: '#4e79a7' },
  { key: 'lost', label: 'A very long segment name', quantiles: [0, 0, 5, 10, 20], color: '#9aa0a6' },
];

describe('boxPlot()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws a box from the 25th to the 75th percentile, the median and whiskers to the 5th and 95th (snapshot)', async () => {
    host = renderChart(boxPlot(rows, { width: 312, labelWidth: 100, format: String, label: 'Spend by segment' }));
    await matchSvgSnapshot(host, 'box-plot');
    // x from 0 to 100 (the largest 95th percentile) over 100 … 300 px: 2 px a unit.
    const first = host.shadowRoot!.querySelector('g.box[data-key="champions"]')!;
    const rect = first.querySelector('rect')!;
    expect([rect.getAttribute('x'), rect.getAttribute('width')]).to.deep.equal(['140', '80']);
    expect(first.querySelector('line.median')!.getAttribute('x1')).to.equal('180');
    const whiskers = [...first.querySelectorAll('line:not(.median)')].map((l) => [
      l.getAttribute('x1'),
      l.getAttribute('x2'),
    ]);
    expect(whiskers.slice(0, 2)).to.deep.equal([
      ['120', '140'],
      ['220', '300'],
    ]);
    // 100 px of label room / 6.2 px a character = 16 characters: 15 and an ellipsis.
    const labels = [...host.shadowRoot!.querySelectorAll('text.box-label')].map((t) => t.textContent);
    expect(labels).to.deep.equal(['Champions', 'A very long seg…']);
    const svg = host.shadowRoot!.querySelector('svg')!;
    expect([svg.getAttribute('role'), svg.getAttribute('aria-label')]).to.deep.equal(['img', 'Spend by segment']);
    // Two rows of 24 px and 28 px of margins.
    expect(svg.getAttribute('height')).to.equal('76');
    await expect(host).to.be.accessible();
  });
});
