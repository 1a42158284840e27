import { expect } from '@open-wc/testing';
import { applyFilterPatch, EMPTY_FILTERS, FilterValidationError, isUnfiltered } from '../../src/data/filter-state.js';
import { whereClause } from '../../src/metrics/filter-sql.js';
import { priorPeriod } from '../../src/metrics/filter-sql.js';

describe('filter state', () => {
  it('applyFilterPatch() returns a new frozen state and leaves the old one untouched', () => {
    const next = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys', 'Books', 'Toys'] });
    expect(next).to.not.equal(EMPTY_FILTERS);
    expect(next.categories).to.deep.equal(['Books', 'Toys']);
    expect(EMPTY_FILTERS.categories).to.deep.equal([]);
    expect(Object.isFrozen(next)).to.be.true;
    expect(Object.isFrozen(next.categories)).to.be.true;
  });

  it('applyFilterPatch() returns the same object when nothing changes', () => {
    const a = applyFilterPatch(EMPTY_FILTERS, { tiers: ['gold'] });
    expect(applyFilterPatch(a, { tiers: ['gold'] })).to.equal(a);
  });

  it('clears a filter with null or an empty list', () => {
    const a = applyFilterPatch(EMPTY_FILTERS, { tiers: ['gold'], dateFrom: '2025-01-01', segment: 'Champions' });
    const b = applyFilterPatch(a, { tiers: [], dateFrom: null, segment: null });
    expect(isUnfiltered(b)).to.be.true;
  });

  for (const [patch, problem] of [
    [{ dateFrom: '2025-02-30' }, 'dateFrom must be a YYYY-MM-DD date'],
    [{ dateFrom: '2025-03-01', dateTo: '2025-02-01' }, 'after dateTo'],
    [{ categories: 'Toys' }, 'categories must be an array of strings'],
    [{ tiers: [1, 2] }, 'tiers must be an array of strings'],
    [{ cohort: 'March' }, 'cohort must be a YYYY-MM month'],
    [{ colour: 'red' }, 'unknown filter "colour"'],
    [null, 'must be an object'],
    [{ regions: Array.from({ length: 600 }, (_, i) => `r${i}`) }, 'at most 500'],
  ] as const) {
    it(`rejects ${JSON.stringify(patch)?.slice(0, 50)} as a whole: ${problem}`, () => {
      const start = applyFilterPatch(EMPTY_FILTERS, { tiers: ['gold'] });
      expect(() => applyFilterPatch(start, patch)).to.throw(FilterValidationError, problem);
    });
  }

  it('whereClause() escapes quotes so that a value can never end the string literal', () => {
    const f = applyFilterPatch(EMPTY_FILTERS, {
      categories: ["Kids' Toys'); DROP TABLE mkt_orders; --"],
      segment: "Can't Lose Them",
    });
    const where = whereClause(f);
    expect(where).to.contain(`category IN ('Kids'' Toys''); DROP TABLE mkt_orders; --')`);
    expect(where).to.contain(`segment = 'Can''t Lose Them'`);
  });

  it('whereClause() is empty without filters and ignores what it is told to', () => {
    expect(whereClause(EMPTY_FILTERS)).to.equal('');
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys'], tiers: ['gold'] });
    expect(whereClause(f, { ignore: ['categories'] })).to.equal(`WHERE tier IN ('gold')`);
  });

  it('priorPeriod() of March is the 31 days before it, and of a leap February the 29 before', () => {
    expect(priorPeriod('2025-03-01', '2025-03-31')).to.deep.equal({ from: '2025-01-29', to: '2025-02-28' });
    expect(priorPeriod('2024-02-01', '2024-02-29')).to.deep.equal({ from: '2024-01-03', to: '2024-01-31' });
  });
});
