/**
 * Generates the whole dataset as a stream of Arrow record batches, table by table and, for the
 * day-driven tables (transactions, reviews, page_events), day by day: memory stays bounded by the models
 * (sellers, products, the customers' order plan) and one batch per table. Runs in Node and in the browser.
 */
import type { RecordBatch } from 'apache-arrow';
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../../src/schema/tables.js';
import type { Manifest } from '../../src/schema/manifest.js';
import { BatchBuilder } from './arrow-batch.js';
import { CATEGORIES, REGIONS } from './catalog.js';
import {
  DAY_COUNT,
  DEFAULT_YEARS,
  END_DAY,
  FIRST_YEAR,
  LAST_YEAR,
  START_DAY,
  dayWeights,
  isoDate,
  useYears,
} from './calendar.js';
import { attributedShare, campaignPlans, type CampaignPlan } from './campaign-calendar.js';
import { drawTicket } from './support-tickets.js';
import { NO_DAY, customerId, planCustomers } from './customers.js';
import { orderLine, type LineStatus } from './order-lines.js';
import { drawPayments, drawReturn } from './payments-returns.js';
import { DEFAULT_BATCH_ROWS, sizesFor, type GeneratorOptions } from './params.js';
import { NO_ANOMALIES, planAnomalies } from './planted-anomalies.js';
import { createProducts, meanPriceBySeller, pickProduct, productId } from './products.js';
import { Rng, cumulate } from './random.js';
import { drawReview } from './reviews.js';
import { assignTiers, createSellers, sellerId } from './sellers.js';
import { browsingSession, purchaseSession, sessionBudget, type PurchaseVisit, type Session } from './sessions.js';

export interface TableBatch {
  readonly table: TableName;
  readonly batch: RecordBatch;
}

/** Called once per generated day of the year. */
export type ProgressCallback = (done: number, total: number) => void;

const pad = (prefix: string, n: number, width: number) => `${prefix}-${String(n).padStart(width, '0')}`;

/**
 * Bumped when the generated tables change shape or meaning (2: two years, order ids, orders, payments, returns;
 * 3: campaigns with their lift and last-touch attribution, support tickets), so that `npm start` and the test runs
 * make stale demo data again (test/support/demo-data.mjs).
 */
export const GENERATOR_VERSION = 3;

/** Orders cancelled before any item was allocated (no lines; Olist: 109 of 99,441, about 0.1%). */
const LINE_LESS_CANCELLATION_SHARE = 0.001;

/** An order's status from its lines': completed if any line was kept, else returned if any came back. */
function orderStatus(statuses: readonly LineStatus[]): LineStatus {
  return statuses.includes('completed') ? 'completed' : statuses.includes('returned') ? 'returned' : 'cancelled';
}

/** Yields every batch of every table; returns the manifest once all are out. Same options → same batches. */
export function* generateDataset(
  options: GeneratorOptions,
  onProgress?: ProgressCallback,
): Generator<TableBatch, Manifest> {
  const { seed, scale } = options;
  useYears(options.years ?? DEFAULT_YEARS);
  const sizes = sizesFor(scale);
  const anomalies = options.plantAnomalies ? planAnomalies(seed) : NO_ANOMALIES;
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  const builders = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, new BatchBuilder(t, options.batchRows ?? DEFAULT_BATCH_ROWS)]),
  ) as Record<TableName, BatchBuilder>;
  function* out(table: TableName, batch: RecordBatch | null): Generator<TableBatch> {
    if (!batch) return;
    rows[table] += batch.numRows;
    yield { table, batch };
  }

  const sellers = createSellers(seed, sizes.sellers);
  const products = createProducts(seed, sizes.products, sellers);
  assignTiers(sellers);
  for (let s = 0; s < sellers.count; s++) {
    yield* out(
      'sellers',
      builders.sellers.push(
        sellerId(s),
        sellers.names[s],
        sellers.tier[s],
        CATEGORIES[sellers.category[s]].name,
        sellers.joinDay[s],
        sellers.status[s],
        REGIONS[sellers.region[s]].name,
      ),
    );
  }
  yield* out('sellers', builders.sellers.flush());
  for (let p = 0; p < products.count; p++) {
    const category = CATEGORIES[products.category[p]];
    yield* out(
      'products',
      builders.products.push(
        productId(p),
        sellerId(products.seller[p]),
        products.names[p],
        category.name,
        category.subcategories[products.subcategory[p]].name,
        products.price[p],
        products.cost[p],
        products.listedDay[p],
        products.status[p],
      ),
    );
  }
  yield* out('products', builders.products.flush());

  const plan = planCustomers(seed, sizes.customers, sizes.transactions);
  const orders = plan.orderLines.reduce((n, lines) => n + (lines > 0 ? 1 : 0), 0);
  const budget = sessionBudget(sizes.pageEventsTarget, orders, sizes.transactions / Math.max(1, orders));
  const demandCum = cumulate(dayWeights);
  const browsingUpTo = (d: number) => Math.round((budget.browsingSessions * demandCum[d]) / demandCum[DAY_COUNT - 1]);
  const meanPrice = meanPriceBySeller(products, sellers.count);
  const sellerWeight = sellers.size.map((size, s) => size / meanPrice[s]);
  const sellerCum = new Float64Array(sellers.count);
  const lineRng = new Rng(seed, 'order-lines');
  const reviewRng = new Rng(seed, 'reviews');
  const sessionRng = new Rng(seed, 'sessions');
  const paymentRng = new Rng(seed, 'payments');
  const returnRng = new Rng(seed, 'returns');
  const campaignRng = new Rng(seed, 'campaigns');
  const ticketRng = new Rng(seed, 'tickets');
  const campaigns = campaignPlans(FIRST_YEAR, LAST_YEAR);
  const campaignOfDay: (CampaignPlan | null)[] = Array.from({ length: DAY_COUNT }, () => null);
  for (const c of campaigns) for (let day = c.start; day <= c.end; day++) campaignOfDay[day - START_DAY] = c;
  /** Completed revenue credited to each campaign: its spend is set from it (ROAS as planned, with noise). */
  const campaignRevenue = new Map<string, number>();
  let ticketCount = 0;
  let lineCount = 0;
  let orderCount = 0;
  let paymentCount = 0;
  let returnCount = 0;
  let reviewCount = 0;
  let sessionCount = 0;
  let eventCount = 0;

  for (let d = 0; d < DAY_COUNT; d++) {
    const day = START_DAY + d;
    let total = 0;
    for (let s = 0; s < sellers.count; s++) {
      const active = sellers.activeStart[s] <= day && day <= sellers.activeEnd[s];
      sellerCum[s] = total += active ? sellerWeight[s] : 0;
    }
    const anyProduct = (rng: Rng) => pickProduct(products, rng.pickCumulative(sellerCum), day, rng);
    const visits: PurchaseVisit[] = [];
    const campaign = campaignOfDay[d];
    const credited = campaign ? attributedShare(campaign) : 0;
    for (let k = plan.dayStart[d]; k < plan.dayStart[d + 1]; k++) {
      const order = plan.ordersByDay[k];
      const customer = plan.orderCustomer[order];
      if (plan.orderLines[order] === 0) continue;
      const orderId = pad('o', ++orderCount, 8);
      const campaignId = campaign && campaignRng.chance(credited) ? campaign.id : null;
      const bought: number[] = [];
      const statuses: LineStatus[] = [];
      let total = 0;
      let trouble: { seller: number; late: boolean; returnDay: number | null } | null = null;
      let seller = lineRng.pickCumulative(sellerCum);
      for (let l = 0; l < plan.orderLines[order]; l++) {
        if (l > 0 && lineRng.chance(0.4)) seller = lineRng.pickCumulative(sellerCum);
        const product = pickProduct(products, seller, day, lineRng);
        const quality = sellers.quality[seller];
        const category = products.category[product];
        const line = orderLine(
          {
            quality,
            category,
            price: products.price[product],
            day,
            extraLate: anomalies.extraLate(day, sellers.tier[seller]),
            quantityFactor: anomalies.quantityFactor(day, category),
          },
          lineRng,
        );
        const returned =
          line.status === 'returned'
            ? drawReturn(line, day, CATEGORIES[category].sized ?? false, END_DAY, returnRng)
            : null;
        if (line.status === 'returned' && !returned) line.status = 'completed';
        const id = pad('t', ++lineCount, 8);
        yield* out(
          'transactions',
          builders.transactions.push(
            id,
            orderId,
            customerId(customer),
            sellerId(seller),
            productId(product),
            day,
            line.quantity,
            line.revenue,
            line.status,
            line.deliveryDays,
            line.late,
            campaignId,
          ),
        );
        if (campaignId && line.status === 'completed')
          campaignRevenue.set(campaignId, (campaignRevenue.get(campaignId) ?? 0) + line.revenue);
        if (line.late || returned) {
          trouble ??= { seller, late: false, returnDay: null };
          trouble.late ||= line.late;
          trouble.returnDay ??= returned?.returnDay ?? null;
        }
        if (returned) {
          yield* out(
            'returns',
            builders.returns.push(
              pad('rt', ++returnCount, 8),
              id,
              returned.returnDay,
              returned.reason,
              returned.refunded,
            ),
          );
        }
        if (line.status === 'completed' && plan.firstCompletedDay[customer] === NO_DAY)
          plan.firstCompletedDay[customer] = day;
        const review = drawReview(line, day, quality, reviewRng);
        if (review) {
          yield* out(
            'reviews',
            builders.reviews.push(
              pad('r', ++reviewCount, 8),
              id,
              sellerId(seller),
              productId(product),
              review.rating,
              review.sentiment,
              review.reviewDay,
            ),
          );
        }
        bought.push(product);
        statuses.push(line.status);
        total += line.revenue;
      }
      const status = orderStatus(statuses);
      yield* out('orders', builders.orders.push(orderId, customerId(customer), day, status));
      const ticketSeller = trouble?.seller ?? seller;
      const ticket = drawTicket(
        {
          day,
          quality: sellers.quality[ticketSeller],
          late: trouble?.late ?? false,
          returnDay: trouble?.returnDay ?? null,
          cancelled: status === 'cancelled',
        },
        END_DAY,
        ticketRng,
      );
      if (ticket) {
        yield* out(
          'support_tickets',
          builders.support_tickets.push(
            pad('tk', ++ticketCount, 8),
            ticket.aboutAccount ? null : orderId,
            customerId(customer),
            ticket.aboutAccount ? null : sellerId(ticketSeller),
            ticket.openedAt,
            ticket.firstResponseAt,
            ticket.resolvedAt,
            ticket.reason,
            ticket.csat,
          ),
        );
      }
      for (const payment of drawPayments(total, paymentRng)) {
        yield* out(
          'payments',
          builders.payments.push(
            pad('p', ++paymentCount, 8),
            orderId,
            payment.method,
            payment.installments,
            payment.value,
          ),
        );
      }
      if (lineRng.chance(LINE_LESS_CANCELLATION_SHARE)) {
        yield* out('orders', builders.orders.push(pad('o', ++orderCount, 8), customerId(customer), day, 'cancelled'));
      }
      if (sessionRng.chance(budget.trackedOrderShare)) {
        const via = campaign && campaignId ? { id: campaignId, channel: campaign.channel } : undefined;
        visits.push({ customer, products: bought, orderId, ...(via ? { campaign: via } : {}) });
      }
    }

    const sessions: Session[] = visits.map((visit) =>
      purchaseSession(day, visit, () => anyProduct(sessionRng), sessionRng),
    );
    const browsing = browsingUpTo(d) - (d > 0 ? browsingUpTo(d - 1) : 0);
    for (let i = 0; i < browsing; i++) {
      const session = browsingSession(day, plan.count, () => anyProduct(sessionRng), sessionRng);
      if (campaign && campaignRng.chance(credited)) {
        session.campaign = campaign.id;
        session.source = campaign.channel;
      }
      sessions.push(session);
    }
    sessions.sort((a, b) => a.start - b.start);
    for (const session of sessions) {
      const sid = pad('ss', ++sessionCount, 8);
      const customer = session.customer >= 0 ? customerId(session.customer) : null;
      for (const event of session.events) {
        yield* out(
          'page_events',
          builders.page_events.push(
            pad('e', ++eventCount, 9),
            sid,
            customer,
            productId(event.product),
            event.type,
            event.type === 'purchase' ? (session.orderId ?? null) : null,
            event.time,
            session.source,
            session.campaign ?? null,
          ),
        );
      }
    }
    onProgress?.(d + 1, DAY_COUNT);
  }
  for (const table of [
    'transactions',
    'orders',
    'payments',
    'returns',
    'reviews',
    'page_events',
    'support_tickets',
  ] as const)
    yield* out(table, builders[table].flush());

  for (const c of campaigns) {
    // Spend as planned from the revenue the campaign brought, ±15% (log-normal), in whole tens; at least 100.
    const spend = ((campaignRevenue.get(c.id) ?? 0) / c.roas) * campaignRng.lognormal(0, 0.15);
    yield* out(
      'campaigns',
      builders.campaigns.push(c.id, c.name, c.channel, c.start, c.end, Math.max(100, Math.round(spend / 10) * 10)),
    );
  }
  yield* out('campaigns', builders.campaigns.flush());

  for (let c = 0; c < plan.count; c++) {
    const first = plan.firstCompletedDay[c];
    yield* out(
      'customers',
      builders.customers.push(customerId(c), first === NO_DAY ? null : first, REGIONS[plan.region[c]].name),
    );
  }
  yield* out('customers', builders.customers.flush());

  return {
    schemaVersion: SCHEMA_VERSION,
    generatorVersion: GENERATOR_VERSION,
    name: `marketkit synthetic marketplace (seed ${seed}, scale ${scale})`,
    seed,
    scale,
    dateRange: { start: isoDate(START_DAY), end: isoDate(END_DAY) },
    // page_events is a sampled clickstream: this share of the orders has a tracked session.
    trackedOrderShare: Math.round(budget.trackedOrderShare * 10_000) / 10_000,
    tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { file: `${t}.arrow`, format: 'arrow', rows: rows[t] }])),
    ...(options.plantAnomalies ? { plantedAnomalies: anomalies.anomalies } : {}),
  };
}
