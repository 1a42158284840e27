import { expect } from '@open-wc/testing';
import {
  buildQuery,
  isQueryName,
  named,
  QUERY_BUILDERS,
  type NamedQuery,
  type QueryName,
} from '../../src/queries/registry.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import { kpiPeriods } from '../../src/metrics/kpis.js';

// Filters that set every key, with values a JSON round trip could alter if a builder read them wrongly (a quote,
// non-ASCII text, a segment and a cohort).
const filters = applyFilterPatch(EMPTY_FILTERS, {
  dateFrom: '2025-02-01',
  dateTo: '2025-02-28',
  categories: ["Kids' toys", 'Électronique'],
  tiers: ['gold'],
  regions: ['CA', 'SP'],
  products: ['p1', 'p2'],
  segment: 'Champions',
  cohort: '2025-01',
});
const periods = kpiPeriods(filters, '2025-01-10', '2025-03-10');
const window = periods.current;
const churnWindows = { base: periods.prior, recent: periods.current };

/** Representative arguments of every query, as its call sites pass them (several forms where options vary). */
const SAMPLES: { readonly [N in QueryName]: readonly NamedQuery<N>[] } = {
  orderKpis: [named('orderKpis', filters, periods), named('orderKpis', EMPTY_FILTERS, periods)],
  sessionKpis: [named('sessionKpis', filters, periods)],
  revenueTrend: [
    named('revenueTrend', filters, window, 'day'),
    named('revenueTrend', filters, window, 'week', { compare: true, dataStart: '2025-01-10' }),
  ],
  categoryPerformance: [named('categoryPerformance', filters, { withSessions: true })],
  tierContribution: [named('tierContribution', filters, window, 'month')],
  cohortActivity: [named('cohortActivity', filters, { entity: 'sellers', periods: 6 })],
  sessionDepths: [named('sessionDepths', filters)],
  repeatPaths: [named('repeatPaths', filters)],
  ordersPlaced: [named('ordersPlaced', filters)],
  region: [named('region', filters)],
  regionNames: [named('regionNames')],
  sellerHealth: [named('sellerHealth', filters, { withReviews: true, withTickets: false })],
  sellerMonthly: [named('sellerMonthly', filters, "s'1", { withReviews: false })],
  sellerChurn: [named('sellerChurn', filters, churnWindows)],
  churn: [
    named('churn', filters, { days: 30, refDates: ['2025-02-01', '2025-02-15'] }),
    named('churn', filters, { days: 30, refDates: ['2025-02-01'], by: 'cohort' }),
  ],
  interPurchaseGaps: [named('interPurchaseGaps', filters)],
  customerSummary: [
    named('customerSummary', filters, { end: '2025-02-28', ignore: ['segment'] }),
    named('customerSummary', filters, { end: '2025-02-28' }),
  ],
  rfm: [named('rfm', filters, { end: '2025-02-28' }), named('rfm', filters)],
  rfmSegmentSummary: [named('rfmSegmentSummary', filters)],
  dailyOrderSeries: [named('dailyOrderSeries', filters, window)],
  dailySessionSeries: [named('dailySessionSeries', filters, window)],
  weeklySellerChurn: [named('weeklySellerChurn', filters, window, '2025-03-10')],
  whatIfOrders: [named('whatIfOrders', filters)],
  whatIfSessions: [named('whatIfSessions', filters)],
  entityValues: [named('entityValues', filters, 'seller')],
  returns: [
    named('returns', filters, 'reason', { withReturns: true }),
    named('returns', filters, 'month', { withReturns: false }),
  ],
  returnChange: [named('returnChange', filters, periods.current, periods.prior)],
  paymentMethods: [named('paymentMethods', filters)],
  paymentMix: [named('paymentMix', filters, 'category'), named('paymentMix', filters, 'week')],
  paymentInstallments: [named('paymentInstallments', filters)],
  unmatchedPayments: [named('unmatchedPayments')],
  support: [named('support', filters), named('support', filters, 'tier')],
  campaignPerformance: [
    named('campaignPerformance', filters),
    named('campaignPerformance', filters, { by: 'channel', withSessions: true }),
  ],
  campaignTrend: [named('campaignTrend', filters, 'month')],
  campaignCoverage: [named('campaignCoverage', filters)],
  productPerformance: [named('productPerformance', filters, periods, { withSessions: true, withReviews: true })],
  productNames: [named('productNames', ['p1', "p'2"])],
  coPurchase: [
    named('coPurchase', filters, 'p1', { level: 'product', basket: 'order', minCount: 2, limit: 12 }),
    named('coPurchase', filters, null, { level: 'category', basket: 'customer', minCount: 3, limit: 24 }),
  ],
  basketItems: [named('basketItems', filters, { level: 'product', basket: 'order', limit: 40 })],
  nextBestProducts: [
    named('nextBestProducts', filters, ['c1', 'c2'], {
      level: 'product',
      basket: 'order',
      minCount: 2,
      perCustomer: 2,
    }),
    named('nextBestProducts', filters, [], {}),
  ],
  categoryChange: [named('categoryChange', filters, periods.current, periods.prior)],
  sellerChurnByCategory: [named('sellerChurnByCategory', filters, churnWindows)],
};

describe('Named-query registry', () => {
  it('has representative arguments in this test for every query it names', () => {
    expect(Object.keys(SAMPLES).sort()).to.deep.equal(Object.keys(QUERY_BUILDERS).sort());
  });

  for (const [name, queries] of Object.entries(SAMPLES) as [QueryName, readonly NamedQuery[]][]) {
    it(`${name}: the server builds the same SQL from the arguments as JSON sent them`, () => {
      for (const q of queries) {
        expect(q.name).to.equal(name);
        const sent = JSON.parse(JSON.stringify({ name: q.name, args: q.args })) as { name: unknown; args: unknown };
        expect(isQueryName(sent.name)).to.be.true;
        const rebuilt = buildQuery(sent.name as QueryName, sent.args as NamedQuery['args']);
        expect(rebuilt).to.equal(q.sql);
        expect(rebuilt.length).to.be.greaterThan(20);
      }
    });
  }

  it('named() leaves out trailing undefined arguments, which JSON would turn into null', () => {
    const q = named('support', filters, undefined);
    expect(q.args).to.have.length(1);
    expect(JSON.parse(JSON.stringify(q.args))).to.deep.equal(q.args);
    expect(q.sql).to.equal(named('support', filters, 'all').sql);
  });

  it('isQueryName() accepts only the registry names (never one inherited from Object)', () => {
    expect(isQueryName('orderKpis')).to.be.true;
    for (const bad of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'SELECT 1', '', 42, null])
      expect(isQueryName(bad), String(bad)).to.be.false;
  });
});
