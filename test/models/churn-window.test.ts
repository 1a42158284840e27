import { expect } from '@open-wc/testing';
import { churnWindow, gapQuantile } from '../../src/models/churn-window.js';

describe('churn window from the purchase cycle', () => {
  // Ten gaps: 3 of 7 days, 4 of 14, 2 of 30, 1 of 90. Cumulative 3, 7, 9, 10 of 10.
  const gaps = [
    { gap_days: 30, gaps: 2 },
    { gap_days: 7, gaps: 3 },
    { gap_days: 90, gaps: 1 },
    { gap_days: 14, gaps: 4 },
  ];

  it('gapQuantile() is the smallest gap with at least that share at or below it', () => {
    // p90: 9 of 10 gaps reached at 30 days. Median: 5 of 10 first reached at 14. p95: 9.5 → only 90 reaches it.
    expect(gapQuantile(gaps, 0.9)).to.equal(30);
    expect(gapQuantile(gaps, 0.5)).to.equal(14);
    expect(gapQuantile(gaps, 0.95)).to.equal(90);
    expect(gapQuantile(gaps, 0.3)).to.equal(7);
    expect(gapQuantile([], 0.9)).to.equal(null);
    expect(() => gapQuantile(gaps, 1)).to.throw(RangeError);
  });

  it('churnWindow() reads the p90 by default, any quantile on request, and draws the distribution', () => {
    const w = churnWindow(gaps, { minGaps: 10 });
    expect(w).to.deep.include({ days: 30, quantile: 0.9, source: 'gaps', gaps: 10, medianGap: 14 });
    expect(w.cumulative).to.deep.equal([
      { days: 7, share: 0.3 },
      { days: 14, share: 0.7 },
      { days: 30, share: 0.9 },
      { days: 90, share: 1 },
    ]);
    expect(churnWindow(gaps, { minGaps: 10, quantile: 0.7 }).days).to.equal(14);
  });

  it('churnWindow() falls back, and says so, when too few customers came back', () => {
    // Ten gaps are fewer than the default 20.
    const w = churnWindow(gaps);
    expect(w).to.deep.include({ days: 90, source: 'fallback', gaps: 10 });
    expect(churnWindow([], { fallbackDays: 60 })).to.deep.include({ days: 60, source: 'fallback', medianGap: null });
    expect(() => churnWindow([{ gap_days: 0, gaps: 1 }])).to.throw(RangeError);
    expect(() => churnWindow([{ gap_days: 2.5, gaps: 1 }])).to.throw(RangeError);
  });
});
