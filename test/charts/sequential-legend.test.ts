import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { interpolateBlues } from 'd3';
import { sequentialLegend, sequentialLegendStyles } from '../../src/charts/sequential-legend.js';
import { chartStyles } from '../../src/charts/chart.styles.js';

function labels(options: { width: number; max: number; format: (v: number) => string }) {
  // In a shadow root with the styles an element gives it (chartStyles: 11 px SVG text).
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [chartStyles.styleSheet!, sequentialLegendStyles.styleSheet!];
  render(sequentialLegend({ title: 'GMV', color: interpolateBlues, min: 0, ...options }), root);
  const boxes = [...root.querySelectorAll('text')].map((t) => ({
    text: t.textContent,
    box: t.getBoundingClientRect(),
  }));
  host.remove();
  return boxes;
}

describe('sequentialLegend()', () => {
  const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL', maximumFractionDigits: 0 });

  for (const width of [120, 160, 220]) {
    it(`labels never overlap, even long ones on a ${width} px ramp`, () => {
      const shown = labels({ width, max: 1_234_567, format: (v) => brl.format(v) });
      expect(shown.length).to.be.greaterThan(1);
      for (let i = 1; i < shown.length; i++)
        expect(shown[i].box.left, `${shown[i - 1].text} | ${shown[i].text}`).to.be.at.least(shown[i - 1].box.right + 4);
    });
  }

  it('keeps both ends of the scale', () => {
    const shown = labels({ width: 120, max: 1_234_567, format: (v) => brl.format(v) });
    expect(shown[0].text).to.equal(brl.format(0));
    expect(shown[shown.length - 1].text).to.equal(brl.format(1_234_567));
  });
});
