import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { timeLine, type TimeSeries } from '../../src/charts/time-line.js';
import { CursorController } from '../../src/charts/cursor.js';
import { matchSvgSnapshot, mountChart, renderChart } from '../support/svg-snapshot.js';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const months = [
  { x: day('2025-01-01'), y: 100 },
  { x: day('2025-02-01'), y: 200 },
  { x: day('2025-03-01'), y: 50, partial: true },
];
const money = (v: number) => `$${v}`;
const tickLabels = (host: HTMLElement) =>
  [...host.shadowRoot!.querySelectorAll('.axis-x text')].map((t) => t.textContent!.trim());

describe('timeLine()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('draws an area, a prior line and a line over UTC months (snapshot), as an image with a label', async () => {
    const series: TimeSeries[] = [
      { key: 'area', mark: 'area', points: months },
      {
        key: 'prior',
        mark: 'line',
        class: 'line prior',
        points: months.map((p, i) => ({ x: p.x, y: [80, 150, 90][i] })),
      },
      { key: 'gmv', mark: 'line', points: months },
    ];
    host = renderChart(timeLine(series, { width: 300, height: 120, yFormat: money, label: 'GMV by month' }));
    await matchSvgSnapshot(host, 'time-line-trend');
    const svg = host.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('GMV by month');
    await expect(host).to.be.accessible();
  });

  it('dashes the stretch into a partial period and leaves it out of the area', () => {
    host = renderChart(
      timeLine(
        [
          { key: 'area', mark: 'area', points: months },
          { key: 'gmv', mark: 'line', points: months },
        ],
        { width: 300, height: 120, yFormat: money, label: 'GMV' },
      ),
    );
    // Plot 230 × 84 px (margins 58/12 and 10/26); x: 1 Jan → 0, 1 Feb → 31/59 × 230 = 120.85, 1 Mar → 230;
    // y: 0–200 → 84–0, so 100 → 42, 200 → 0, 50 → 63.
    const d = (sel: string) => host!.shadowRoot!.querySelector(sel)!.getAttribute('d');
    expect(d('path.line:not(.incomplete)')).to.equal('M0,42L120.85,0');
    expect(d('path.line.incomplete')).to.equal('M120.85,0L230,63');
    expect(d('path.area')).not.to.contain('230');
    expect(host.shadowRoot!.querySelectorAll('circle.partial-point')).to.have.length(1);
  });

  it('draws dots with the class "dot" and a title each', () => {
    host = renderChart(
      timeLine([{ key: 'rate', mark: 'dots', points: months, title: (p) => `y ${p.y}` }], {
        width: 300,
        height: 120,
        yFormat: money,
        label: 'Rates',
      }),
    );
    const dots = [...host.shadowRoot!.querySelectorAll('circle.dot')];
    expect(dots.map((d) => d.querySelector('title')!.textContent)).to.deep.equal(['y 100', 'y 200', 'y 50']);
  });

  it('keeps at least three labelled ticks on a year of weeks at phone width', () => {
    // Mondays from 30 Dec 2024 to 29 Dec 2025: at two ticks d3 would pick one a year, and label it "2025" alone.
    const year = Array.from({ length: 53 }, (_, i) => ({ x: new Date(Date.UTC(2024, 11, 30 + 7 * i)), y: i + 1 }));
    // 306 px: the draw width of a card on a 375 px screen (a 236 px plot: d3 alone would tick years).
    host = renderChart(
      timeLine([{ key: 'v', mark: 'line', points: year }], { width: 306, height: 120, yFormat: String, label: 'v' }),
    );
    const labels = tickLabels(host);
    expect(labels.length).to.be.at.least(3);
    expect(labels[0]).to.equal('Jan 2025');
    expect(labels.slice(1)).to.not.include('2025');
  });

  it('labels months, not one year, on two years of month starts at phone width', () => {
    // The churn line: 1 Feb 2024 to 1 Dec 2025, two ticks asked for. d3 offers one yearly tick there (1 Jan 2025)
    // or seven quarterly ones (Apr, Jul, Oct 2024, Jan, Apr, Jul, Oct 2025); every other one, counted from the
    // January, is kept: Jul 2024, Jan 2025, Jul 2025.
    const starts = Array.from({ length: 23 }, (_, i) => ({ x: new Date(Date.UTC(2024, 1 + i, 1)), y: 0.5 }));
    host = renderChart(
      timeLine([{ key: 'rate', mark: 'line', points: starts }], {
        width: 300,
        height: 120,
        xTicks: 2,
        yFormat: String,
        label: 'Churn rate',
      }),
    );
    expect(tickLabels(host)).to.deep.equal(['Jul 2024', 'Jan 2025', 'Jul']);
  });

  it("ticks no finer than the points' period: monthly points get month ticks, weekly ones Mondays", () => {
    // Six month starts, March to August 2025, on a wide chart (1200 px): d3 alone ticks Sundays between them.
    const six = Array.from({ length: 6 }, (_, i) => ({ x: new Date(Date.UTC(2025, 2 + i, 1)), y: 0.1 }));
    const draw = (points: typeof six, xPeriod?: 'week' | 'month') =>
      renderChart(
        timeLine([{ key: 'rate', mark: 'line', points }], {
          width: 1200,
          height: 120,
          yFormat: String,
          label: 'r',
          xPeriod,
        }),
      );
    host = draw(six);
    expect(tickLabels(host)).to.include('Mar 16');
    host.remove();
    host = draw(six, 'month');
    expect(tickLabels(host)).to.deep.equal(['Mar 2025', 'Apr', 'May', 'Jun', 'Jul', 'Aug']);
    host.remove();
    // Eight ISO weeks from Monday 3 March 2025: d3's weekly ticks would fall on Sundays, between two points.
    const weeks = Array.from({ length: 8 }, (_, i) => ({ x: new Date(Date.UTC(2025, 2, 3 + 7 * i)), y: 0.1 }));
    host = draw(weeks, 'week');
    expect(tickLabels(host)).to.deep.equal([
      'Mar 3',
      'Mar 10',
      'Mar 17',
      'Mar 24',
      'Mar 31',
      'Apr 7',
      'Apr 14',
      'Apr 21',
    ]);
  });

  it('reads point by point from the keyboard, with a tooltip and a live region', async () => {
    let cursor!: CursorController;
    const chart = await mountChart((h) => {
      cursor ??= new CursorController(h);
      return html`<div class="chart">
        ${timeLine([{ key: 'gmv', mark: 'line', points: months }], {
          width: 300,
          height: 120,
          yFormat: money,
          label: 'GMV by month.',
          cursor: {
            controller: cursor,
            series: ['gmv'],
            lines: (i) => [`Month ${i + 1}`, money(months[i].y)],
            hint: 'Use the arrow keys to read each month.',
          },
        })}
        ${cursor.overlay(true)}
      </div>`;
    });
    host = chart;
    await chart.updateComplete;
    const plot = chart.shadowRoot!.querySelector<SVGRectElement>('.plot')!;
    expect(plot.getAttribute('tabindex')).to.equal('0');
    expect(plot.getAttribute('aria-label')).to.equal('GMV by month. Use the arrow keys to read each month.');
    plot.focus();
    await chart.updateComplete;
    const live = () => chart.shadowRoot!.querySelector('[aria-live]')!.textContent!.trim();
    expect(live()).to.equal('Month 3, $50');
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' }));
    await chart.updateComplete;
    expect(live()).to.equal('Month 1, $100');
    expect(chart.shadowRoot!.querySelector('.cursor')!.getAttribute('transform')).to.equal('translate(0,0)');
    await expect(chart).shadowDom.to.be.accessible();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('.tooltip')).to.equal(null);
  });

  it('makes interactive series focusable marks that act on Enter', async () => {
    const acted: string[] = [];
    host = renderChart(
      timeLine(
        ['a', 'b'].map((key, k) => ({
          key,
          mark: 'line' as const,
          points: [1, 2, 3].map((x) => ({ x, y: x * (k + 1) })),
          endLabel: key.toUpperCase(),
          interaction: {
            label: `Series ${key}`,
            role: 'button' as const,
            activate: () => acted.push(key),
            enter: () => {},
            leave: () => {},
          },
        })),
        { width: 300, height: 120, x: 'linear', yFormat: String, label: 'Two series' },
      ),
    );
    await matchSvgSnapshot(host, 'time-line-interactive');
    const lines = [...host.shadowRoot!.querySelectorAll<SVGPathElement>('path.line')];
    expect(
      lines.map((l) => [l.getAttribute('tabindex'), l.getAttribute('role'), l.getAttribute('aria-label')]),
    ).to.deep.equal([
      ['0', 'button', 'Series a'],
      ['0', 'button', 'Series b'],
    ]);
    lines[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(acted).to.deep.equal(['b']);
    await expect(host).to.be.accessible();
  });

  it('keeps an interactive series with a partial last point one tab stop: the dashed stretch is not focusable', () => {
    host = renderChart(
      timeLine(
        [
          {
            key: 'a',
            mark: 'line',
            points: [1, 2, 3].map((x) => ({ x, y: x, partial: x === 3 })),
            interaction: { label: 'Series a', role: 'img', activate: () => {}, enter: () => {}, leave: () => {} },
          },
        ],
        { width: 300, height: 120, x: 'linear', yFormat: String, label: 'One series' },
      ),
    );
    const paths = [...host.shadowRoot!.querySelectorAll('path.line')];
    expect(paths.map((p) => [p.getAttribute('class'), p.getAttribute('tabindex')])).to.deep.equal([
      ['line', '0'],
      ['line incomplete', null],
    ]);
    expect(paths[1].getAttribute('aria-hidden')).to.equal('true');
  });

  it('reaches below 0 to the smallest value when signed', () => {
    const points = months.map((p, i) => ({ x: p.x, y: [30, -10, 10][i] }));
    host = renderChart(
      timeLine([{ key: 'weekly', mark: 'line', points }], {
        width: 300,
        height: 120,
        yFormat: money,
        label: 'Weekly',
        signed: true,
      }),
    );
    // Plot 230 × 84 px; y: −10 … 30 (already round at 4 ticks of 10) → 84 … 0, so 30 → 0, −10 → 84, 10 → 42;
    // x as above: 0, 120.85, 230.
    expect(host.shadowRoot!.querySelector('path.line')!.getAttribute('d')).to.equal('M0,0L120.85,84L230,42');
    expect(tickLabels(host).length).to.be.above(0);
  });
});
