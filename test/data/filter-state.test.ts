import { expect } from '@open-wc/testing';
import {
  applyFilterPatch,
  checkFilterPatch,
  EMPTY_FILTERS,
  fitFiltersToData,
  FilterValidationError,
  isUnfiltered,
  type FilterDomain,
} from '../../src/data/filter-state.js';
import { whereClause } from '../../src/metrics/filter-sql.js';
import { priorPeriod } from '../../src/metrics/filter-sql.js';
import { readUrlFilters } from '../../src/data/url-state.js';

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
    [{ products: 'p1' }, 'products must be an array of strings'],
    [{ cohort: 'March' }, 'cohort must be a YYYY-MM month'],
    [{ colour: 'red' }, 'unknown filter "colour"'],
    [null, 'must be an object'],
    [{ regions: Array.from({ length: 600 }, (_, i) => `r${i}`) }, 'at most 500'],
    [{ regions: ['Texas\u0000'] }, 'regions may not contain a NUL byte'],
    [{ segment: 'Champ\u0000ions' }, 'segment may not contain a NUL byte'],
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
    expect(where).to.contain(`category = TRY_CAST('Kids'' Toys''); DROP TABLE mkt_orders; --' AS mkt_category)`);
    expect(where).to.contain(`segment = 'Can''t Lose Them'`);
  });

  it('keeps product ids sorted and once each, and selects them by product_id, escaped', () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { products: ['p2', "p1'; --", 'p2'] });
    expect(f.products).to.deep.equal(["p1'; --", 'p2']);
    expect(Object.isFrozen(f.products)).to.be.true;
    expect(whereClause(f)).to.equal(`WHERE product_id IN ('p1''; --', 'p2')`);
    expect(whereClause(f, { ignore: ['products'] })).to.equal('');
    expect(isUnfiltered(applyFilterPatch(f, { products: null }))).to.be.true;
  });

  it('reads list filters, products among them, from the URL', () => {
    expect(readUrlFilters('u', '?u.products=p2&u.products=p1&u.categories=Books&v.products=p3')).to.deep.equal({
      categories: ['Books'],
      products: ['p2', 'p1'],
    });
  });

  it('whereClause() is empty without filters and ignores what it is told to', () => {
    expect(whereClause(EMPTY_FILTERS)).to.equal('');
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Toys'], tiers: ['gold'] });
    expect(whereClause(f, { ignore: ['categories'] })).to.equal(`WHERE tier = TRY_CAST('gold' AS mkt_tier)`);
  });

  it('priorPeriod() of March is the 31 days before it, and of a leap February the 29 before', () => {
    expect(priorPeriod('2025-03-01', '2025-03-31')).to.deep.equal({ from: '2025-01-29', to: '2025-02-28' });
    expect(priorPeriod('2024-02-01', '2024-02-29')).to.deep.equal({ from: '2024-01-03', to: '2024-01-31' });
  });

  describe('against the data (a FilterDomain)', () => {
    const domain: FilterDomain = {
      minDate: '2025-01-10',
      maxDate: '2025-03-10',
      categories: ['Books', 'x'.repeat(10_011)],
      tiers: ['gold'],
      regions: Array.from({ length: 700 }, (_, i) => `r${String(i).padStart(3, '0')}`),
    };

    it('clamps dates outside the data to its first and last day, and says so', () => {
      const { filters, adjustments } = checkFilterPatch(
        EMPTY_FILTERS,
        { dateFrom: '0001-01-01', dateTo: '9999-12-31' },
        domain,
      );
      expect([filters.dateFrom, filters.dateTo]).to.deep.equal(['2025-01-10', '2025-03-10']);
      expect(adjustments).to.have.length(2);
      expect(adjustments[0]).to.contain('dateFrom 0001-01-01 is before the data; 2025-01-10 is used');
    });

    it('keeps dates inside the data as they are, with no adjustment', () => {
      const outcome = checkFilterPatch(EMPTY_FILTERS, { dateFrom: '2025-02-01', dateTo: '2025-03-10' }, domain);
      expect(outcome.adjustments).to.deep.equal([]);
      expect(outcome.filters.dateFrom).to.equal('2025-02-01');
    });

    it('rejects a range that holds no day of the data', () => {
      expect(() => checkFilterPatch(EMPTY_FILTERS, { dateFrom: '2030-01-01' }, domain)).to.throw(
        FilterValidationError,
        'holds no day of the data',
      );
      expect(() => checkFilterPatch(EMPTY_FILTERS, { dateTo: '0202-06-01' }, domain)).to.throw(FilterValidationError);
    });

    it('accepts a value of any length that the data holds, and refuses a long one it does not', () => {
      const long = 'x'.repeat(10_011);
      expect(checkFilterPatch(EMPTY_FILTERS, { categories: [long] }, domain).filters.categories).to.have.length(1);
      expect(() => checkFilterPatch(EMPTY_FILTERS, { categories: ['y'.repeat(10_011)] }, domain)).to.throw(
        FilterValidationError,
        'that the data does not hold',
      );
      // Before the data is known, the value is taken (and checked again once it is).
      expect(applyFilterPatch(EMPTY_FILTERS, { categories: ['y'.repeat(10_011)] }).categories).to.have.length(1);
    });

    it('allows selecting every value of the data even beyond 500', () => {
      const all = checkFilterPatch(EMPTY_FILTERS, { regions: domain.regions }, domain).filters;
      expect(all.regions).to.have.length(700);
    });

    it('fitFiltersToData() clears only the filters that cannot apply, and keeps the others', () => {
      const early = applyFilterPatch(EMPTY_FILTERS, {
        dateFrom: '2031-01-01',
        tiers: ['gold'],
        categories: ['y'.repeat(10_011)],
      });
      const { filters, adjustments } = fitFiltersToData(early, domain);
      expect(filters.dateFrom).to.equal(null);
      expect(filters.categories).to.deep.equal([]);
      expect(filters.tiers).to.deep.equal(['gold']);
      expect(adjustments).to.have.length(2);
      expect(fitFiltersToData(filters, domain).filters).to.equal(filters);
    });
  });
});
