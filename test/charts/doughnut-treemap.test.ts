import { expect } from '@open-wc/testing';
import { doughnut, type Slice } from '../../src/charts/doughnut.js';
import { treemap, type Tile } from '../../src/charts/treemap.js';
import { matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

const slices: Slice[] = [
  { key: 'healthy', value: 3, color: '#2ca02c', label: 'Healthy: 3 sellers (50%)' },
  { key: 'at-risk', value: 2, color: '#ff7f0e', label: 'At risk: 2 sellers (33%)' },
  { key: 'critical', value: 1, color: '#d62728', label: 'Critical: 1 seller (17%)' },
  { key: 'none', value: 0, color: '#999', label: 'None' },
];

describe('doughnut()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws a slice per share from 12 o’clock, leaving out empty ones (snapshot), as a labelled image', async () => {
    host = renderChart(doughnut(slices, { size: 100, label: 'Sellers by health', total: '6', totalLabel: 'sellers' }));
    await matchSvgSnapshot(host, 'doughnut');
    const paths = [...host.shadowRoot!.querySelectorAll('path')];
    expect(paths.map((p) => p.dataset.key)).to.deep.equal(['healthy', 'at-risk', 'critical']);
    // Half of the ring is healthy: its arc starts at 12 o'clock (0, −48) and ends near 6 o'clock.
    expect(paths[0].getAttribute('d')!.startsWith('M')).to.be.true;
    const box = paths[0].getBBox();
    expect(box.x).to.be.closeTo(0, 1);
    expect(box.width).to.be.closeTo(48, 1);
    await expect(host).to.be.accessible();
  });

  it('makes slices toggle buttons when they select', async () => {
    const toggled: string[] = [];
    host = renderChart(
      doughnut(slices, {
        size: 100,
        label: 'Sellers by health',
        total: '6',
        totalLabel: 'sellers',
        select: { selected: 'critical', toggle: (k) => toggled.push(k) },
      }),
    );
    const paths = [...host.shadowRoot!.querySelectorAll<SVGPathElement>('path')];
    expect(
      paths.map((p) => [p.getAttribute('role'), p.getAttribute('tabindex'), p.getAttribute('aria-pressed')]),
    ).to.deep.equal([
      ['button', '0', 'false'],
      ['button', '0', 'false'],
      ['button', '0', 'true'],
    ]);
    paths[1].dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    expect(toggled).to.deep.equal(['at-risk']);
    await expect(host).to.be.accessible();
  });
});

describe('treemap()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());
  const tiles: Tile[] = [
    { key: 'champions', name: 'Champions', value: 600, color: '#1f77b4', text: '600 · 60%', label: 'Champions: 600' },
    { key: 'loyal', name: 'Loyal', value: 300, color: '#aec7e8', text: '300 · 30%', label: 'Loyal: 300' },
    { key: 'lost', name: 'Lost', value: 100, color: '#ff7f0e', text: '100 · 10%', label: 'Lost: 100' },
  ];

  it('gives each tile an area in proportion to its value (snapshot); selectable tiles are toggle buttons', async () => {
    const toggled: string[] = [];
    host = renderChart(
      treemap(tiles, {
        width: 300,
        height: 200,
        label: 'Customers by segment',
        select: { selected: null, toggle: (k) => toggled.push(k) },
      }),
    );
    await matchSvgSnapshot(host, 'treemap');
    const area = (key: string) => {
      const r = host!.shadowRoot!.querySelector(`[data-key="${key}"] rect`)!;
      return Number(r.getAttribute('width')) * Number(r.getAttribute('height'));
    };
    // 60,000 px² shared 6 : 3 : 1, less the 1 px gaps between tiles.
    expect(area('champions') / area('lost')).to.be.closeTo(6, 0.4);
    expect(area('loyal') / area('lost')).to.be.closeTo(3, 0.2);
    const loyal = host.shadowRoot!.querySelector<SVGGElement>('[data-key="loyal"]')!;
    expect([loyal.getAttribute('role'), loyal.getAttribute('tabindex')]).to.deep.equal(['button', '0']);
    loyal.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(toggled).to.deep.equal(['loyal']);
    // Text in the colour that contrasts most: dark on the light blue, white on the dark blue.
    const ink = (name: string) =>
      [...host!.shadowRoot!.querySelectorAll('.tile-label text')]
        .find((t) => t.textContent === name)!
        .getAttribute('fill');
    expect([ink('Loyal'), ink('Champions')]).to.deep.equal(['#1b1f24', '#ffffff']);
    await expect(host).to.be.accessible();
  });
});
