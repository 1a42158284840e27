/**
 * Invariants that must hold on any generated dataset: schema and types, unique ids, referential integrity,
 * value ranges, date ordering (seller joins < listing <= order <= review), first purchase dates, the order of
 * funnel events, orders, payments and returns (order-invariants.ts), campaigns and support tickets
 * (marketing-service-invariants.ts). Returns human-readable violations; an empty list means the dataset is sound.
 */
import { SCHEMA, TABLE_NAMES, type ColumnType } from '../../src/schema/tables.js';
import type { Manifest } from '../../src/schema/manifest.js';
import { NULL_DAY, booleans, dayOfIso, days, indexById, numbers, strings, type Tables } from './columns.js';
import { funnelOrderViolations } from './funnel-order.js';
import { marketingServiceViolations } from './marketing-service-invariants.js';
import { orderViolations } from './order-invariants.js';

const ARROW_TYPE: Record<ColumnType, string> = {
  VARCHAR: 'Utf8',
  INTEGER: 'Int32',
  DOUBLE: 'Float64',
  DATE: 'Date32<DAY>',
  TIMESTAMP: 'Timestamp<MILLISECOND>',
  BOOLEAN: 'Bool',
};

export class Violations {
  private readonly byRule = new Map<string, { count: number; examples: string[] }>();

  add(rule: string, example: string): void {
    const entry = this.byRule.get(rule) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(example);
    this.byRule.set(rule, entry);
  }

  check(ok: boolean, rule: string, example: () => string): void {
    if (!ok) this.add(rule, example());
  }

  list(): string[] {
    return [...this.byRule].map(([rule, { count, examples }]) => `${rule}: ${count} (e.g. ${examples.join('; ')})`);
  }
}

function checkSchema(tables: Tables, v: Violations): void {
  for (const name of TABLE_NAMES) {
    const table = tables[name];
    const spec = SCHEMA[name];
    const actual = table.schema.fields.map((f) => `${f.name}:${String(f.type)}`).join(', ');
    const expected = spec.columns.map((c) => `${c.name}:${ARROW_TYPE[c.type]}`).join(', ');
    v.check(actual === expected, `${name} schema`, () => `got ${actual}, want ${expected}`);
    for (const column of spec.columns) {
      const vector = table.getChild(column.name);
      if (!vector) continue;
      v.check(
        column.nullable === true || vector.nullCount === 0,
        `${name}.${column.name} has nulls`,
        () => `${vector.nullCount}`,
      );
      if (column.values) {
        const allowed = new Set(column.values);
        for (const value of strings(table, column.name)) {
          v.check(value === null || allowed.has(value), `${name}.${column.name} value`, () => String(value));
        }
      }
    }
    const ids = strings(table, 'id');
    v.check(
      new Set(ids).size === ids.length,
      `${name}.id unique`,
      () => `${ids.length - new Set(ids).size} duplicates`,
    );
  }
}

export function checkInvariants(tables: Tables, manifest?: Manifest): string[] {
  const v = new Violations();
  checkSchema(tables, v);
  const start = dayOfIso(manifest?.dateRange?.start ?? '2024-01-01');
  const end = dayOfIso(manifest?.dateRange?.end ?? '2025-12-31');
  for (const name of TABLE_NAMES) {
    const rows = manifest?.tables[name]?.rows;
    v.check(
      rows === undefined || rows === tables[name].numRows,
      'manifest row count',
      () => `${name}: ${rows} vs ${tables[name].numRows}`,
    );
  }

  const sellers = indexById(strings(tables.sellers, 'id'));
  const joinDay = days(tables.sellers, 'join_date');
  const pr = tables.products;
  const products = indexById(strings(pr, 'id'));
  const productSeller = strings(pr, 'seller_id').map((id) => sellers.get(id!) ?? -1);
  const listedDay = days(pr, 'listed_date');
  const price = numbers(pr, 'price');
  const cost = numbers(pr, 'cost');
  productSeller.forEach((s, p) => {
    v.check(s >= 0, 'products.seller_id exists', () => `row ${p}`);
    v.check(s < 0 || listedDay[p] > joinDay[s], 'product listed after its seller joined', () => `row ${p}`);
    v.check(
      price[p] > 0 && cost[p] > 0 && cost[p] < price[p],
      'product 0 < cost < price',
      () => `row ${p}: ${cost[p]} / ${price[p]}`,
    );
  });

  const customers = indexById(strings(tables.customers, 'id'));
  const tx = tables.transactions;
  const txIds = strings(tx, 'id') as string[];
  const txCustomer = strings(tx, 'customer_id').map((id) => customers.get(id!) ?? -1);
  const txSeller = strings(tx, 'seller_id').map((id) => sellers.get(id!) ?? -1);
  const txProduct = strings(tx, 'product_id').map((id) => products.get(id!) ?? -1);
  const orderDay = days(tx, 'order_date');
  const quantity = numbers(tx, 'quantity');
  const revenue = numbers(tx, 'revenue');
  const status = strings(tx, 'status');
  const delivery = numbers(tx, 'delivery_days');
  const late = booleans(tx, 'was_late');
  const firstCompleted = new Int32Array(customers.size).fill(NULL_DAY);
  for (let i = 0; i < tx.numRows; i++) {
    const [c, s, p, d] = [txCustomer[i], txSeller[i], txProduct[i], orderDay[i]];
    v.check(c >= 0 && s >= 0 && p >= 0, 'transaction foreign keys exist', () => txIds[i]);
    v.check(p < 0 || productSeller[p] === s, 'transaction seller is the product seller', () => txIds[i]);
    v.check(d >= start && d <= end, 'order_date within the date range', () => txIds[i]);
    v.check(s < 0 || d > joinDay[s], 'order after the seller joined', () => txIds[i]);
    v.check(p < 0 || d >= listedDay[p], 'order on or after the product listing', () => txIds[i]);
    v.check(quantity[i] >= 1 && revenue[i] > 0, 'quantity >= 1 and revenue > 0', () => txIds[i]);
    const cancelled = status[i] === 'cancelled';
    v.check(cancelled === Number.isNaN(delivery[i]), 'delivery_days null exactly when cancelled', () => txIds[i]);
    v.check(!cancelled || late[i] === false, 'cancelled lines are not late', () => txIds[i]);
    v.check(cancelled || delivery[i] >= 1, 'delivery_days >= 1', () => txIds[i]);
    if (status[i] === 'completed' && c >= 0 && (firstCompleted[c] === NULL_DAY || d < firstCompleted[c]))
      firstCompleted[c] = d;
  }
  days(tables.customers, 'first_purchase_date').forEach((day, c) => {
    v.check(day === firstCompleted[c], 'first_purchase_date = first completed order', () => `customer row ${c}`);
  });

  const txIndex = indexById(txIds);
  const rv = tables.reviews;
  const rvTx = strings(rv, 'transaction_id').map((id) => txIndex.get(id!) ?? -1);
  const rvSeller = strings(rv, 'seller_id').map((id) => sellers.get(id!) ?? -1);
  const rvProduct = strings(rv, 'product_id').map((id) => products.get(id!) ?? -1);
  const rating = numbers(rv, 'rating');
  const sentiment = numbers(rv, 'sentiment');
  const reviewDay = days(rv, 'review_date');
  for (let i = 0; i < rv.numRows; i++) {
    const t = rvTx[i];
    v.check(t >= 0, 'review transaction exists', () => `review row ${i}`);
    if (t < 0) continue;
    v.check(status[t] !== 'cancelled', 'reviews only of completed or returned lines', () => txIds[t]);
    v.check(
      rvSeller[i] === txSeller[t] && rvProduct[i] === txProduct[t],
      'review seller/product = its line',
      () => txIds[t],
    );
    v.check(reviewDay[i] >= orderDay[t] && reviewDay[i] <= end, 'order_date <= review_date <= end', () => txIds[t]);
    v.check(Number.isInteger(rating[i]) && rating[i] >= 1 && rating[i] <= 5, 'rating in 1..5', () => `${rating[i]}`);
    v.check(sentiment[i] >= -1 && sentiment[i] <= 1, 'sentiment in [-1, 1]', () => `${sentiment[i]}`);
  }

  funnelOrderViolations(tables, { start, end, customers, products, orderDay, txCustomer, txProduct, status }, v);
  orderViolations(tables, end, v);
  marketingServiceViolations(tables, start, end, v);
  return v.list();
}
