/**
 * The real Olist marketplace (../shared/data: olist-2017-subset + olist-sellers-products) as marketkit's tables.
 * Pure SQL, run by DuckDB in Node (generator/convert-olist.ts) and by DuckDB-WASM in the tests, so both convert
 * the data the same way. Every choice where Olist has no equivalent of a kit column is spelled out in OLIST_NOTES.
 */
import type { Manifest, ManifestTable } from '../../src/schema/manifest.js';
import type { TableName } from '../../src/schema/tables.js';

/** The Olist files read, relative to the shared data folder. */
export const OLIST_SOURCES = {
  orders: 'olist-2017-subset/orders.csv',
  items: 'olist-2017-subset/order_items.csv',
  customers: 'olist-2017-subset/customers.csv',
  products: 'olist-2017-subset/products.csv',
  translation: 'olist-2017-subset/product_category_name_translation.csv',
  sellers: 'olist-sellers-products/olist_sellers_dataset.csv',
  payments: 'olist-sellers-products/olist_order_payments_dataset.csv.gz',
} as const;
export type OlistSource = keyof typeof OLIST_SOURCES;

/** Olist order status → the kit's transaction status. */
export const OLIST_STATUS: Readonly<Record<string, 'completed' | 'cancelled'>> = {
  delivered: 'completed',
  canceled: 'cancelled',
  unavailable: 'cancelled',
  // Still in these states when the data was published (2018): never delivered, so not completed.
  shipped: 'cancelled',
  invoiced: 'cancelled',
  processing: 'cancelled',
  approved: 'cancelled',
  created: 'cancelled',
};

/** Tier cut-offs on sellers ranked by GMV (share of sellers from the top); `new` comes first, by join day. */
export const OLIST_TIERS = { gold: 0.1, silver: 0.4, newWithinDays: 90 } as const;

/** How each kit table is written: the demo's manifest exercises Parquet, CSV and a column mapping. */
export const OLIST_OUTPUT: Readonly<
  Record<'sellers' | 'products' | 'customers' | 'transactions' | 'orders' | 'payments', ManifestTable>
> = {
  sellers: { file: 'sellers.csv', format: 'csv' },
  products: { file: 'products.parquet', format: 'parquet' },
  customers: { file: 'customers.csv', columns: { id: 'customer_unique_id', region: 'customer_state' } },
  transactions: { file: 'transactions.parquet', columns: { order_date: 'purchased_at', revenue: 'price' } },
  orders: { file: 'orders.parquet', format: 'parquet' },
  payments: {
    file: 'payments.csv',
    columns: { method: 'payment_type', installments: 'payment_installments', value: 'payment_value' },
  },
};

/** What a reader of the demo needs to know about the conversion (also in the manifest). */
export const OLIST_NOTES = [
  'transactions: one row per order item (quantity 1); order_id = Olist order_id (an order of three items is one order of three lines); revenue = item price in BRL, freight excluded; order_date = day of order_purchase_timestamp (the file keeps the full timestamp as purchased_at; the kit takes its day).',
  'transactions.status: delivered → completed; canceled and unavailable → cancelled; shipped, invoiced, processing, approved, created → cancelled (not delivered when the data was published). Olist has no returns.',
  'transactions.delivery_days: days from the purchase day to order_delivered_customer_date, null when not delivered; was_late: delivered after order_estimated_delivery_date (false when not delivered).',
  'customers: one per customer_unique_id (a person across orders); region = state of their first order; first_purchase_date = day of their first order, any status.',
  `sellers: those with an order item in the data; region = seller_state; join_date = day of their first order item (Olist has no sign-up date); status = active (Olist has none); category = the category of most of their items; name = city + id prefix (Olist has no shop names). tier: new when the first order item is in the last ${OLIST_TIERS.newWithinDays} days of the data; the others ranked by GMV (completed revenue): top ${OLIST_TIERS.gold * 100}% gold, up to ${OLIST_TIERS.silver * 100}% silver, the rest bronze.`,
  'products: those with an order item; category = English name from the translation file (the Portuguese name when it has no translation, "uncategorized" when Olist has none); subcategory = category (Olist has one level); seller_id = the seller with most of its items (Olist lists products without a seller); price = its latest item price; cost = null (Olist has no costs); listed_date = day of its first order item; status = active.',
  'orders: one row per Olist order of the subset, with the status mapping above: it makes the orders without items countable (cancelled or unavailable before an item was allocated).',
  "payments: Olist's payments of the subset's orders; id = order_id + payment_sequential; method = payment_type (credit_card, boleto, voucher, debit_card, not_defined); value includes freight, so an order's payments exceed its items' revenue.",
  'No reviews in this subset, no returns and no page events in Olist: the views that need them say so.',
  'No campaigns and no support tickets in Olist (its marketing-funnel dataset is about sellers recruited, not orders): no campaign_id on transactions, no campaigns or support_tickets table; the campaign and customer-service views say so.',
];

/** SQL that reads the Olist CSVs (`path` says where each is, as a SQL string literal) and creates olist_<kit table>. */
export function olistConversionSql(path: (source: OlistSource) => string): string[] {
  const read = (source: OlistSource) =>
    `read_csv(${path(source)}, header = true, all_varchar = true${OLIST_SOURCES[source].endsWith('.gz') ? `, compression = 'gzip'` : ''})`;
  const status = Object.entries(OLIST_STATUS)
    .map(([from, to]) => `WHEN '${from}' THEN '${to}'`)
    .join(' ');
  return [
    `CREATE OR REPLACE TABLE olist_transactions AS
      SELECT i.order_id || '-' || i.order_item_id AS id, i.order_id, c.customer_unique_id AS customer_id, i.seller_id, i.product_id,
        CAST(o.order_purchase_timestamp AS TIMESTAMP) AS purchased_at, 1::INTEGER AS quantity, CAST(i.price AS DOUBLE) AS price,
        CASE o.order_status ${status} END AS status,
        date_diff('day', CAST(o.order_purchase_timestamp AS DATE), CAST(o.order_delivered_customer_date AS DATE))::INTEGER AS delivery_days,
        coalesce(CAST(o.order_delivered_customer_date AS TIMESTAMP) > CAST(o.order_estimated_delivery_date AS TIMESTAMP), false) AS was_late
      FROM ${read('items')} i
      JOIN ${read('orders')} o ON o.order_id = i.order_id
      JOIN ${read('customers')} c ON c.customer_id = o.customer_id
      ORDER BY purchased_at, id`,
    `CREATE OR REPLACE TABLE olist_orders AS
      SELECT o.order_id AS id, c.customer_unique_id AS customer_id, CAST(o.order_purchase_timestamp AS DATE) AS order_date,
        CASE o.order_status ${status} END AS status
      FROM ${read('orders')} o JOIN ${read('customers')} c ON c.customer_id = o.customer_id
      ORDER BY order_date, id`,
    `CREATE OR REPLACE TABLE olist_payments AS
      SELECT p.order_id || '-' || p.payment_sequential AS id, p.order_id, p.payment_type,
        CAST(p.payment_installments AS INTEGER) AS payment_installments, CAST(p.payment_value AS DOUBLE) AS payment_value
      FROM ${read('payments')} p WHERE p.order_id IN (SELECT id FROM olist_orders)
      ORDER BY p.order_id, CAST(p.payment_sequential AS INTEGER)`,
    `CREATE OR REPLACE TABLE olist_customers AS
      SELECT c.customer_unique_id, min(CAST(o.order_purchase_timestamp AS DATE)) AS first_purchase_date,
        arg_min(c.customer_state, o.order_purchase_timestamp) AS customer_state
      FROM ${read('customers')} c LEFT JOIN ${read('orders')} o ON o.customer_id = c.customer_id
      GROUP BY 1 ORDER BY 1`,
    `CREATE OR REPLACE TABLE olist_categories AS
      SELECT p.product_id, coalesce(t.product_category_name_english, p.product_category_name, 'uncategorized') AS category
      FROM ${read('products')} p LEFT JOIN ${read('translation')} t ON t.product_category_name = p.product_category_name`,
    `CREATE OR REPLACE TABLE olist_products AS
      WITH per_seller AS (SELECT product_id, seller_id, count(*) AS n FROM olist_transactions GROUP BY 1, 2),
      lines AS (SELECT product_id, arg_max(price, purchased_at) AS price, min(purchased_at)::DATE AS listed_date
        FROM olist_transactions GROUP BY 1)
      SELECT l.product_id AS id, first(s.seller_id ORDER BY s.n DESC, s.seller_id) AS seller_id,
        any_value(c.category) || ' ' || left(l.product_id, 8) AS name, any_value(c.category) AS category,
        any_value(c.category) AS subcategory, any_value(l.price) AS price, NULL::DOUBLE AS cost,
        any_value(l.listed_date) AS listed_date, 'active' AS status
      FROM lines l JOIN per_seller s USING (product_id) JOIN olist_categories c USING (product_id)
      GROUP BY l.product_id ORDER BY 1`,
    `CREATE OR REPLACE TABLE olist_sellers AS
      WITH sales AS (
        SELECT t.seller_id, coalesce(sum(t.price) FILTER (WHERE t.status = 'completed'), 0) AS gmv,
          min(t.purchased_at)::DATE AS join_date
        FROM olist_transactions t GROUP BY 1),
      cats AS (SELECT t.seller_id, c.category, count(*) AS n FROM olist_transactions t JOIN olist_categories c USING (product_id) GROUP BY 1, 2),
      last_day AS (SELECT max(purchased_at)::DATE AS d FROM olist_transactions),
      ranked AS (
        SELECT s.*, s.join_date > (SELECT d FROM last_day) - ${OLIST_TIERS.newWithinDays} AS is_new,
          cume_dist() OVER (PARTITION BY s.join_date > (SELECT d FROM last_day) - ${OLIST_TIERS.newWithinDays} ORDER BY s.gmv DESC) AS share
        FROM sales s)
      SELECT r.seller_id AS id, x.seller_city || ' ' || left(r.seller_id, 6) AS name,
        CASE WHEN r.is_new THEN 'new' WHEN r.share <= ${OLIST_TIERS.gold} THEN 'gold' WHEN r.share <= ${OLIST_TIERS.silver} THEN 'silver' ELSE 'bronze' END AS tier,
        (SELECT first(category ORDER BY n DESC, category) FROM cats WHERE cats.seller_id = r.seller_id) AS category,
        r.join_date, 'active' AS status, x.seller_state AS region
      FROM ranked r JOIN ${read('sellers')} x ON x.seller_id = r.seller_id
      ORDER BY 1`,
  ];
}

/** The SELECT that writes each kit table's file (column names as OLIST_OUTPUT maps them). */
export const OLIST_EXPORT: Readonly<Record<keyof typeof OLIST_OUTPUT, string>> = {
  sellers: 'SELECT * FROM olist_sellers',
  products: 'SELECT * FROM olist_products',
  customers: 'SELECT * FROM olist_customers',
  transactions: 'SELECT * FROM olist_transactions',
  orders: 'SELECT * FROM olist_orders',
  payments: 'SELECT * FROM olist_payments',
};

/** `COPY (...) TO path` for a kit table, in the format OLIST_OUTPUT gives it. */
export function olistCopySql(table: keyof typeof OLIST_OUTPUT, to: string): string {
  const format = OLIST_OUTPUT[table].file.endsWith('.parquet') ? 'FORMAT parquet' : 'FORMAT csv, HEADER true';
  return `COPY (${OLIST_EXPORT[table]}) TO ${to} (${format})`;
}

/** The manifest written beside the converted files. */
export function olistManifest(
  rows: Partial<Record<TableName, number>> = {},
  bytes: Partial<Record<TableName, number>> = {},
): Manifest {
  const tables: Partial<Record<TableName, ManifestTable>> = {};
  for (const [name, entry] of Object.entries(OLIST_OUTPUT) as [keyof typeof OLIST_OUTPUT, ManifestTable][]) {
    tables[name] = { ...entry, rows: rows[name], bytes: bytes[name] };
  }
  return {
    schemaVersion: 1,
    name: 'Olist (real Brazilian marketplace), orders purchased in 2017',
    currency: 'BRL',
    source:
      'olist-2017-subset + olist-sellers-products (see ../shared/data/README.md); converted by generator/convert-olist.ts',
    dateRange: { start: '2017-01-01', end: '2017-12-31' },
    notes: OLIST_NOTES,
    tables,
  };
}
