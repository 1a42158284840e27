import { expect } from '@open-wc/testing';
import { sparkline } from '../../src/charts/sparkline.js';
import { matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

describe('sparkline()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws the values from 0 to the largest, without axes, a gap at null and a dot on the last (snapshot)', async () => {
    host = renderChart(sparkline([2, 4, null, 1], { width: 120, height: 28 }));
    await matchSvgSnapshot(host, 'sparkline');
    const svg = host.shadowRoot!.querySelector('svg')!;
    expect(svg.querySelector('.axis, .tick'), 'no axes').to.equal(null);
    // Inside a group moved 2 px down: x 0, 40, 80, 120 (three steps over 120 px); y 4 at the top (0), 0 at the
    // bottom (24 px): 2 → 12, 4 → 0. The segments into and out of the gap are left out.
    expect(svg.querySelector('g')!.getAttribute('transform')).to.equal('translate(0,2)');
    expect(svg.querySelector('path.line')!.getAttribute('d')).to.equal('M0,12L40,0');
    const dot = svg.querySelector('circle.dot')!;
    // The last value 1 → 24 − 24 / 4 = 18.
    expect([dot.getAttribute('cx'), dot.getAttribute('cy'), dot.getAttribute('r')]).to.deep.equal(['120', '18', '2.5']);
    expect(svg.getAttribute('aria-hidden'), 'the number beside it says it').to.equal('true');
    await expect(host).to.be.accessible();
  });

  it('puts a single value in the middle, and no dot on a missing last value', () => {
    host = renderChart(sparkline([3], { width: 120, height: 28 }));
    expect(host.shadowRoot!.querySelector('circle.dot')!.getAttribute('cx')).to.equal('60');
    host.remove();
    host = renderChart(sparkline([3, null], { width: 120, height: 28 }));
    expect(host.shadowRoot!.querySelector('circle.dot')).to.equal(null);
  });
});
