import { expect } from '@open-wc/testing';
import { DATE_PRESETS, matchPreset, presetRange } from '../../src/data/date-presets.js';

// Expected ranges counted on a calendar: December 31 minus 6 days is the 25th; minus 29 the 2nd; minus 89 crosses
// December (30 days back to the 1st), November (30 more to the 1st) and 29 more days of October, to the 3rd.
describe('date presets', () => {
  it('counts back from the last day of two years of data, 2024–2025', () => {
    const ranges = Object.fromEntries(DATE_PRESETS.map((p) => [p, presetRange(p, '2024-01-01', '2025-12-31')]));
    expect(ranges).to.deep.equal({
      'last-7-days': { from: '2025-12-25', to: '2025-12-31' },
      'last-30-days': { from: '2025-12-02', to: '2025-12-31' },
      'last-90-days': { from: '2025-10-03', to: '2025-12-31' },
      'month-to-date': { from: '2025-12-01', to: '2025-12-31' },
      'quarter-to-date': { from: '2025-10-01', to: '2025-12-31' },
      'year-to-date': { from: '2025-01-01', to: '2025-12-31' },
      'last-year': { from: '2024-01-01', to: '2024-12-31' },
      all: { from: null, to: null },
    });
  });

  it('crosses a leap day, and starts a range that begins before the data with the data', () => {
    // 1 March 2024: 6 days back is 24 February (29, 28, 27, 26, 25, 24); 89 days back: 29 Feb (1), 1 Feb (29),
    // 1 Jan (60), 3 Dec 2023 (89).
    const at = (p: (typeof DATE_PRESETS)[number]) => presetRange(p, '2023-06-15', '2024-03-01');
    expect(at('last-7-days')).to.deep.equal({ from: '2024-02-24', to: '2024-03-01' });
    expect(at('last-90-days')).to.deep.equal({ from: '2023-12-03', to: '2024-03-01' });
    expect(at('month-to-date')).to.deep.equal({ from: '2024-03-01', to: '2024-03-01' });
    expect(at('quarter-to-date')).to.deep.equal({ from: '2024-01-01', to: '2024-03-01' });
    expect(at('last-year'), '2023 from the first day of data').to.deep.equal({ from: '2023-06-15', to: '2023-12-31' });
  });

  it('starts the quarter on its first month', () => {
    const qtd = (last: string) => presetRange('quarter-to-date', '2020-01-01', last)!.from;
    expect(['2025-01-31', '2025-05-20', '2025-08-01', '2025-09-30', '2025-12-31'].map(qtd)).to.deep.equal([
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-07-01',
      '2025-10-01',
    ]);
  });

  it('has no range for a period without data', () => {
    expect(presetRange('last-year', '2025-01-01', '2025-12-31')).to.equal(null);
  });

  it('names the preset of a range, or none for a custom one', () => {
    expect(matchPreset({ from: '2025-12-02', to: '2025-12-31' }, '2024-01-01', '2025-12-31')).to.equal('last-30-days');
    expect(matchPreset({ from: null, to: null }, '2024-01-01', '2025-12-31')).to.equal('all');
    expect(matchPreset({ from: '2025-12-02', to: null }, '2024-01-01', '2025-12-31')).to.equal(null);
    expect(matchPreset({ from: '2025-12-03', to: '2025-12-31' }, '2024-01-01', '2025-12-31')).to.equal(null);
  });
});
