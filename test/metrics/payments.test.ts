import { expect } from '@open-wc/testing';
import { openEngine, sql } from '../support/engine.js';
import { analyticsShop } from '../fixtures/analytics-shop.js';
import {
  instalmentSummary,
  mixGroups,
  paymentInstallmentsSql,
  paymentMethodsSql,
  paymentMixSql,
  type InstallmentRow,
  type PaymentMixRow,
} from '../../src/metrics/payments.js';
import { applyFilterPatch, EMPTY_FILTERS } from '../../src/data/filter-state.js';
import type { QueryEngine } from '../../src/data/query-engine.js';

const r4 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);

// Payments: o1 card 120; o2 wallet 20; o3 card 50 (3 instalments); o4 card 90 (6) + gift card 30; o5 bnpl 110 (4);
// o6 card 50; o7 card 50; o8 wallet 130; o9 card 100 (3); o10 gift card 10. 760 in all.
describe('payment SQL on the analytics shop', () => {
  let engine: QueryEngine;
  let close: () => Promise<void>;
  before(async () => {
    ({ engine, close } = await openEngine(analyticsShop()));
  });
  after(() => close());

  it('paymentMethodsSql() still gives the mix of every selected order', async () => {
    const rows = await sql(engine, paymentMethodsSql(EMPTY_FILTERS));
    // Card: o1 o3 o4 o6 o7 o9, 460, instalments (1 + 3 + 6 + 1 + 1 + 3) / 6 = 2.5.
    expect(rows[0]).to.deep.equal({ method: 'credit_card', orders: 6, payments: 6, value: 460, installments: 2.5 });
  });

  it('paymentMixSql() by month groups orders by their month', async () => {
    const rows = await sql<PaymentMixRow>(engine, paymentMixSql(EMPTY_FILTERS, 'month'));
    // February (o1 o2 o3): card 170 of 190 (2 of 3 orders), wallet 20. March (o4..o10, 7 orders): card o4 o6 o7 o9
    // 290 of 570, wallet o8 130, bnpl o5 110, gift card o4 o10 40.
    expect(rows.map((r) => [r.grp, r.method, r.orders, r.value, r4(r.value_share), r4(r.order_share)])).to.deep.equal([
      ['2025-02-01', 'credit_card', 2, 170, 0.8947, 0.6667],
      ['2025-02-01', 'digital_wallet', 1, 20, 0.1053, 0.3333],
      ['2025-03-01', 'credit_card', 4, 290, 0.5088, 0.5714],
      ['2025-03-01', 'digital_wallet', 1, 130, 0.2281, 0.1429],
      ['2025-03-01', 'buy_now_pay_later', 1, 110, 0.193, 0.1429],
      ['2025-03-01', 'gift_card', 2, 40, 0.0702, 0.2857],
    ]);
  });

  it('paymentMixSql() by category splits a payment by its order’s revenue per category', async () => {
    const rows = await sql<PaymentMixRow>(engine, paymentMixSql(EMPTY_FILTERS, 'category'));
    // o4: Electronics 100, Books 20 → card 90 = 75 + 15, gift 30 = 25 + 5. o6: Books 40, Electronics 10 (returned,
    // still in the order) → card 50 = 40 + 10. o8: Electronics 110, Books 20 → wallet 130 = 110 + 20.
    // Books: card 15 + 40 = 55 (o4 o6), wallet 20 + 20 = 40 (o2 o8), gift 5 (o4): 100 over o2 o4 o6 o8.
    // Electronics: card 120 + 75 + 10 = 205 (o1 o4 o6), bnpl 110, wallet 110, gift 25 + 10 = 35 (o4 o10): 460 over
    // o1 o4 o5 o6 o8 o10. Toys: card 50 + 50 + 100 = 200 (o3 o7 o9). 100 + 460 + 200 = 760.
    expect(rows.map((r) => [r.grp, r.method, r.orders, r4(r.value), r4(r.order_share)])).to.deep.equal([
      ['Books', 'credit_card', 2, 55, 0.5],
      ['Books', 'digital_wallet', 2, 40, 0.5],
      ['Books', 'gift_card', 1, 5, 0.25],
      ['Electronics', 'credit_card', 3, 205, 0.5],
      ['Electronics', 'buy_now_pay_later', 1, 110, 0.1667],
      ['Electronics', 'digital_wallet', 1, 110, 0.1667],
      ['Electronics', 'gift_card', 2, 35, 0.3333],
      ['Toys', 'credit_card', 3, 200, 1],
    ]);
  });

  it('paymentMixSql() by category keeps the split when a category filter selects the orders', async () => {
    const f = applyFilterPatch(EMPTY_FILTERS, { categories: ['Books'] });
    const rows = await sql<PaymentMixRow>(engine, paymentMixSql(f, 'category'));
    // Orders with a Books line: o2 o4 o6 o8. Their Electronics share stays Electronics' (75 + 25 + 10 + 110 = 220).
    const electronics = rows.filter((r) => r.grp === 'Electronics').reduce((s, r) => s + r.value, 0);
    const books = rows.filter((r) => r.grp === 'Books').reduce((s, r) => s + r.value, 0);
    expect([r4(books), r4(electronics)]).to.deep.equal([100, 220]);
  });

  it('paymentInstallmentsSql() counts payments by method and number of instalments', async () => {
    const rows = await sql<InstallmentRow>(engine, paymentInstallmentsSql(EMPTY_FILTERS));
    expect(rows.map((r) => [r.method, r.installments, r.payments, r.value])).to.deep.equal([
      ['buy_now_pay_later', 4, 1, 110],
      ['credit_card', 1, 3, 220],
      ['credit_card', 3, 2, 150],
      ['credit_card', 6, 1, 90],
      ['digital_wallet', 1, 2, 150],
      ['gift_card', 1, 2, 40],
    ]);
  });

  it('mixGroups() gives each month its value per method, methods by value over all months', async () => {
    const { methods, groups } = mixGroups(await sql<PaymentMixRow>(engine, paymentMixSql(EMPTY_FILTERS, 'month')));
    // Card 170 + 290 = 460, wallet 20 + 130 = 150, bnpl 110, gift 40. February 190, March 570.
    expect(methods).to.deep.equal(['credit_card', 'digital_wallet', 'buy_now_pay_later', 'gift_card']);
    expect(groups.map((g) => [g.grp, g.total, g.values.credit_card, g.values.gift_card])).to.deep.equal([
      ['2025-02-01', 190, 170, undefined],
      ['2025-03-01', 570, 290, 40],
    ]);
  });

  it('instalmentSummary() adds up the methods per number of instalments and the value paid in instalments', async () => {
    const s = instalmentSummary(await sql<InstallmentRow>(engine, paymentInstallmentsSql(EMPTY_FILTERS)));
    // At once: card 220 (3) + wallet 150 (2) + gift 40 (2) = 410 in 7 payments; 3: card 150 (2); 4: bnpl 110; 6: card
    // 90. In instalments 150 + 110 + 90 = 350 of 760 = 46.05 %, 4 of 11 payments.
    expect(s.buckets.map((b) => [b.installments, b.payments, b.value, r4(b.share)])).to.deep.equal([
      [1, 7, 410, 0.5395],
      [3, 2, 150, 0.1974],
      [4, 1, 110, 0.1447],
      [6, 1, 90, 0.1184],
    ]);
    expect([s.total, s.inInstalments, r4(s.share), s.payments, s.paymentsInInstalments]).to.deep.equal([
      760, 350, 0.4605, 11, 4,
    ]);
  });

  it('instalmentSummary() counts a payment recorded with 0 instalments as paid at once, and nothing as no share', () => {
    const s = instalmentSummary([
      { method: 'voucher', installments: 0, orders: 1, payments: 1, value: 10 },
      { method: 'credit_card', installments: 1, orders: 1, payments: 1, value: 30 },
    ]);
    expect(s.buckets).to.deep.equal([{ installments: 1, payments: 2, value: 40, share: 1 }]);
    expect(instalmentSummary([]).share).to.equal(null);
  });

  it('refuses an unknown grouping', () => {
    expect(() => paymentMixSql(EMPTY_FILTERS, 'year; DROP TABLE payments' as never)).to.throw(TypeError);
  });
});
