import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { interpolateBlues } from 'd3';
import { sequentialLegend, sequentialLegendStyles } from '../../src/charts/sequential-legend.js';
import { chartStyles } from '../../src/charts/chart.styles.js';
import { tokens } from '../../src/components/base/tokens.styles.js';

function labels(options: { width: number; max: number; format: (v: number) => string; clampedAbove?: boolean }) {
  // In a shadow root with the styles and the font an element gives it (chartStyles: 11 px SVG text).
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens.styleSheet!, chartStyles.styleSheet!, sequentialLegendStyles.styleSheet!];
  const box = document.createElement('div');
  box.className = 'mkt-root';
  root.append(box);
  render(sequentialLegend({ title: 'GMV', color: interpolateBlues, min: 0, ...options }), box);
  const boxes = [...box.querySelectorAll('text')].map((t) => ({
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

  // The cohort heatmap's legend: percentages up to "≥ max", whose % and ≥ are wider than digits.
  for (const max of [0.1, 0.2, 0.3, 0.45])
    for (const width of [120, 160, 220])
      it(`percent labels up to "≥ ${max * 100}%" keep 6 px apart on a ${width} px ramp`, () => {
        const shown = labels({ width, max, format: (v) => `${Math.round(v * 100)}%`, clampedAbove: true });
        expect(shown.at(-1)!.text).to.equal(`≥ ${Math.round(max * 100)}%`);
        for (let i = 1; i < shown.length; i++)
          expect(shown[i].box.left, `${shown[i - 1].text} | ${shown[i].text}`).to.be.at.least(
            shown[i - 1].box.right + 6,
          );
      });

  it('keeps both ends of the scale', () => {
    const shown = labels({ width: 120, max: 1_234_567, format: (v) => brl.format(v) });
    expect(shown[0].text).to.equal(brl.format(0));
    expect(shown[shown.length - 1].text).to.equal(brl.format(1_234_567));
  });
});
