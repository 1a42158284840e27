import { expect } from '@open-wc/testing';
import { shareBars, type ShareRow } from '../../src/charts/share-bars.js';
import { matchSvgSnapshot, renderChart } from '../support/svg-snapshot.js';

const rows: ShareRow[] = [
  { key: 'Books', label: 'Books', values: { card: 60, wallet: 20, gift: 20 }, text: '$100' },
  { key: 'Toys', label: 'Toys', values: { card: 0, wallet: 30 }, text: '$30' },
  { key: 'None', label: 'None', values: {}, text: '$0' },
];
const colors: Record<string, string> = { card: '#1f77b4', wallet: '#ff7f0e', gift: '#2ca02c' };

describe('shareBars()', () => {
  let host: HTMLElement | undefined;
  afterEach(() => host?.remove());

  it('splits each row into its parts’ shares, left in key order (snapshot), as a labelled image', async () => {
    host = renderChart(
      shareBars(rows, {
        width: 300,
        labelWidth: 60,
        valueWidth: 40,
        keys: ['card', 'wallet', 'gift'],
        color: (k) => colors[k],
        title: (r, k, share) => `${r.label} ${k} ${Math.round(share * 100)}%`,
        label: 'Payment mix by category.',
      }),
    );
    await matchSvgSnapshot(host, 'share-bars');
    // Bars are 300 − 60 − 40 = 200 px. Books 100: card 60 % = 120 px from x 60, wallet 20 % = 40 px from 180,
    // gift 40 px from 220. Toys 30, all wallet: 200 px from 60. A row with no total draws no segment.
    const segments = [...host.shadowRoot!.querySelectorAll('g.share-row')].map((g) =>
      [...g.querySelectorAll('rect.segment')].map((s) => [
        s.getAttribute('data-part'),
        Number(s.getAttribute('x')),
        Number(s.getAttribute('width')),
      ]),
    );
    expect(segments).to.deep.equal([
      [
        ['card', 60, 120],
        ['wallet', 180, 40],
        ['gift', 220, 40],
      ],
      [['wallet', 60, 200]],
      [],
    ]);
    expect(host.shadowRoot!.querySelector('rect.segment title')!.textContent).to.equal('Books card 60%');
    await expect(host).to.be.accessible();
  });

  it('puts the labels above the bars when asked (narrow cards)', () => {
    host = renderChart(
      shareBars(rows.slice(0, 1), {
        width: 200,
        labelWidth: 0,
        valueWidth: 40,
        keys: ['card'],
        color: () => '#1f77b4',
        title: () => '',
        label: 'Mix',
        labelsAbove: true,
      }),
    );
    // A row of 24 + 16 px; the label at x 0 above, the bar from y 16 + 4, 40 − 16 − 8 = 16 px high.
    const name = host.shadowRoot!.querySelector('text.name')!;
    const segment = host.shadowRoot!.querySelector('rect.segment')!;
    expect([name.getAttribute('x'), segment.getAttribute('y'), segment.getAttribute('height')]).to.deep.equal([
      '0',
      '20',
      '16',
    ]);
    expect(host.shadowRoot!.querySelector('svg')!.getAttribute('height')).to.equal('40');
  });
});
