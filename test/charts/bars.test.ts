import { expect } from '@open-wc/testing';
import { bars, type Bar } from '../../src/charts/bars.js';
import { matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

const rows: Bar[] = [
  { key: 'gold', label: 'Gold', value: 0.5, text: '50%' },
  { key: 'silver', label: 'Silver', value: 0.25, text: '25%' },
  { key: 'new', label: 'New', value: null, text: '–' },
];

describe('bars()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws one row per bar, lengths on a linear scale from 0 (snapshot), as a labelled image', async () => {
    host = renderChart(
      bars(rows, { width: 300, labelWidth: 80, valueWidth: 60, max: 1, track: true, label: 'Churn by tier' }),
    );
    await matchSvgSnapshot(host, 'bars');
    // Track 300 − 80 − 60 = 160 px for a rate of 1: 0.5 → 80 px, 0.25 → 40 px, none → 0.
    const widths = [...host.shadowRoot!.querySelectorAll('rect.bar')].map((r) => r.getAttribute('width'));
    expect(widths).to.deep.equal(['80', '40', '0']);
    const svg = host.shadowRoot!.querySelector('svg')!;
    expect([svg.getAttribute('role'), svg.getAttribute('aria-label')]).to.deep.equal(['img', 'Churn by tier']);
    await expect(host).to.be.accessible();
  });

  it('puts the value text at the end of the bar when asked', () => {
    host = renderChart(
      bars(rows, { width: 300, labelWidth: 80, valueWidth: 60, max: 1, valueAtBar: true, label: 'x' }),
    );
    const xs = [...host.shadowRoot!.querySelectorAll('text.value')].map((t) => t.getAttribute('x'));
    expect(xs).to.deep.equal(['164', '124', '84']);
  });

  it('makes every bar a toggle button when bars select, reachable by Tab and pressed with Enter or Space', async () => {
    const toggled: string[] = [];
    host = renderChart(
      bars(rows, {
        width: 300,
        labelWidth: 80,
        valueWidth: 60,
        label: 'Categories',
        select: {
          selected: new Set(['silver']),
          toggle: (key) => toggled.push(key),
          label: (b, on) => `${b.label} ${b.text}${on ? ', selected' : ''}`,
        },
      }),
    );
    await matchSvgSnapshot(host, 'bars-selectable');
    const marks = [...host.shadowRoot!.querySelectorAll<SVGGElement>('g.bar-row')];
    expect(
      marks.map((m) => [m.getAttribute('tabindex'), m.getAttribute('role'), m.getAttribute('aria-pressed')]),
    ).to.deep.equal([
      ['0', 'button', 'false'],
      ['0', 'button', 'true'],
      ['0', 'button', 'false'],
    ]);
    expect(marks[1].getAttribute('aria-label')).to.equal('Silver 25%, selected');
    marks[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    marks[2].dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    marks[1].dispatchEvent(new MouseEvent('click'));
    expect(toggled).to.deep.equal(['gold', 'new', 'silver']);
    await expect(host).to.be.accessible();
  });

  it('puts the labels above the bars when asked, shortening a long one to the room it has (snapshot)', async () => {
    const long = [{ key: 'hh', label: 'Health & Household Essentials', value: 2, text: '$2' }, ...rows.slice(0, 1)];
    host = renderChart(
      bars(long, {
        width: 120,
        labelWidth: 0,
        valueWidth: 40,
        rowHeight: 30,
        labelsAbove: true,
        fitLabels: true,
        part: 'bar',
        label: 'Categories',
      }),
    );
    await matchSvgSnapshot(host, 'bars-labels-above');
    const svg = host.shadowRoot!.querySelector('svg')!;
    // Each row 30 px of bar + 16 px of label above: 2 × 46.
    expect(svg.getAttribute('height')).to.equal('92');
    const names = [...host.shadowRoot!.querySelectorAll('text.name')];
    // 120 px / 6.5 px a character = 18 characters: 17 and an ellipsis.
    expect(names.map((t) => t.textContent)).to.deep.equal(['Health & Househol…', 'Gold']);
    expect(names.map((t) => [t.getAttribute('x'), t.getAttribute('y'), t.getAttribute('text-anchor')])).to.deep.equal([
      ['0', '12', null],
      ['0', '12', null],
    ]);
    // The bar starts under its label, 4 px into the bar's 30 px.
    expect(host.shadowRoot!.querySelector('rect.bar')!.getAttribute('y')).to.equal('20');
    expect(host.shadowRoot!.querySelectorAll('g.bar-row[part="bar"]').length).to.equal(2);
    await expect(host).to.be.accessible();
  });
});
