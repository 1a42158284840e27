import { SELLER_TIERS, TRAFFIC_SOURCES, TRANSACTION_STATUSES, type TableName } from '../schema/tables.js';
import type { SqlDatabase } from './sql-database.js';
import type { QueryName } from '../queries/registry.js';
import { customerSegmentsTableSql, RFM_SEGMENTS } from '../metrics/rfm.js';
import { firstOfEachId, str } from '../metrics/sql.js';
import { SESSION_DEPTH } from '../metrics/funnel.js';

/**
 * Tables built once after load so that widgets scan one wide, date-sorted fact table instead of joining
 * four tables on every filter change. Widgets' SQL reads these, never the raw joins.
 */
interface DerivedTable {
  readonly name: string;
  readonly needs: readonly TableName[];
  /** The statement, given the tables present (to use an optional table when it is there). */
  readonly sql: string | ((present: ReadonlySet<TableName>) => string);
}

/** Each order line's reviews, folded into mkt_orders so that seller health needs no join per filter change. */
const LINE_REVIEWS = `SELECT transaction_id, bool_or(rating <= 2) AS review_negative, count(*)::INTEGER AS review_count,
  sum(rating)::DOUBLE AS rating_sum, sum(sentiment)::DOUBLE AS sentiment_sum FROM reviews GROUP BY transaction_id`;

/** What an order or session whose product, seller or customer is missing counts under (see data-quality.ts). */
export const UNKNOWN = '(unknown)';

/**
 * The dimensions every filter names, as ENUM types made from the values present (sorted, so that ORDER BY stays
 * alphabetical). DuckDB-WASM filters and groups an ENUM column two to three times faster than the same strings;
 * results still read as strings, and a literal that is not a member simply matches nothing.
 * A column whose values the schema lists (tier, status, traffic source) gets the list: loading refuses any other
 * value (coerce-table.ts), so the list holds every value present without a scan of the data.
 */
interface DimensionType {
  readonly name: string;
  readonly needs: readonly TableName[];
  /** SQL giving the values, one column. */
  readonly values: string;
  /** Whether the type also holds UNKNOWN, for rows that lack the value (a line whose seller is not in sellers). */
  readonly unknown?: false;
}

const listed = (values: readonly string[]) => `SELECT * FROM (VALUES ${values.map((v) => `(${str(v)})`).join(', ')})`;

const DIMENSION_TYPES: readonly DimensionType[] = [
  { name: 'mkt_category', needs: ['products'], values: 'SELECT category FROM products' },
  { name: 'mkt_tier', needs: ['sellers'], values: listed(SELLER_TIERS) },
  {
    name: 'mkt_region',
    needs: ['sellers', 'customers'],
    values: 'SELECT region FROM customers UNION ALL SELECT region FROM sellers',
  },
  // A line's own status, never filled in: a status outside the list fails its cast (CHECKED_BY_ENUM_CAST).
  { name: 'mkt_status', needs: ['transactions'], values: listed(TRANSACTION_STATUSES), unknown: false },
  { name: 'mkt_source', needs: ['page_events'], values: listed(TRAFFIC_SOURCES) },
];

function dimensionTypeSql({ name, values, unknown }: DimensionType): string {
  const all = unknown === false ? values : `${values} UNION ALL SELECT '${UNKNOWN}'`;
  return `CREATE TYPE ${name} AS ENUM (SELECT DISTINCT v FROM (${all}) d(v) WHERE v IS NOT NULL ORDER BY v)`;
}

/**
 * Columns whose values the schema lists and mkt_orders casts to an ENUM of that list (mkt_status, and mkt_tier
 * through the sellers): a value outside it fails the build, so loading does not scan for such values first
 * (coerceTable's `listedLater`); the loader then runs that check to name the column and the value.
 */
export const CHECKED_BY_ENUM_CAST: Readonly<Partial<Record<TableName, readonly string[]>>> = {
  transactions: ['status'],
  sellers: ['tier'],
};

const LINE_COLUMNS =
  'id, order_id, customer_id, seller_id, product_id, order_date, quantity, revenue, status, delivery_days, was_late, campaign_id';

/**
 * The order lines, plus one line-less row (no seller, product or revenue) per cancelled order of the optional
 * `orders` table that has no line, so that such an order (a cancellation before any item was allocated) still
 * counts once. An order completed or returned without lines has nothing to count (no revenue, no item).
 * (The orders without lines, from mkt_order_keys, are found before taking each id's first row: the same rows,
 * without looking at all; each id's first row is taken as in firstOfEachId, without a window.)
 * `line_no` numbers the lines: a line without an order id is its own order, keyed by it.
 */
function linesSql(present: ReadonlySet<TableName>): string {
  const lines = `SELECT ${LINE_COLUMNS}, rowid AS line_no FROM transactions`;
  if (!present.has('orders')) return lines;
  return `${lines} UNION ALL
    SELECT NULL, o.id, o.customer_id, NULL, NULL, o.order_date, 0, 0, o.status, NULL, false, NULL, NULL
    FROM (SELECT * FROM orders WHERE rowid IN (SELECT min(rowid) FROM orders
      WHERE id IN (SELECT order_id FROM mkt_order_keys WHERE NOT has_lines) GROUP BY id)) o
    WHERE o.status = 'cancelled'`;
}

/**
 * Dense integers for orders (counting distinct integers is about twice as fast as distinct strings): lines that
 * share an order id share a key; a line without one gets a negative key of its own (see orderKeySql).
 * `has_lines`: the order has lines; linesSql finds the orders without (a join on the few, not on every line).
 */
const ORDER_KEYS = (present: ReadonlySet<TableName>) => `CREATE OR REPLACE TABLE mkt_order_keys AS
  SELECT order_id, row_number() OVER ()::INTEGER AS order_key, bool_or(line) AS has_lines FROM (
    SELECT order_id, true AS line FROM transactions WHERE order_id IS NOT NULL
    ${present.has('orders') ? 'UNION ALL SELECT id, false FROM orders WHERE id IS NOT NULL' : ''}
  ) GROUP BY order_id`;

const MONTH_INDEX = (day: string) => `(year(${day}) * 12 + month(${day}) - 1)::INTEGER`;

/**
 * One pass over the lines per customer (NULL ids form one group, as in a GROUP BY): what the customer tables
 * below read, instead of each scanning the lines again. The figures count completed lines only.
 */
const CUSTOMER_FACTS = `CREATE OR REPLACE TABLE mkt_customer_facts AS
  SELECT customer_id, row_number() OVER ()::INTEGER AS customer_key,
    min(order_date) FILTER (WHERE status = 'completed') AS first_order_date,
    max(order_date) FILTER (WHERE status = 'completed') AS last_order_date,
    count(DISTINCT order_date) FILTER (WHERE status = 'completed')::INTEGER AS frequency,
    sum(revenue) FILTER (WHERE status = 'completed')::DOUBLE AS monetary
  FROM transactions GROUP BY customer_id`;

/**
 * Every customer of the customers table or the lines with what the fact tables copy: a line or session joins this
 * one table instead of four (region, first purchase, segment, key), which is most of the cost of building them.
 */
const CUSTOMER_DIMS = `CREATE OR REPLACE TABLE mkt_customer_dims AS
  SELECT coalesce(f.customer_id, c.id) AS customer_id, f.customer_key,
    coalesce(c.region, '${UNKNOWN}')::mkt_region AS region, strftime(f.first_order_date, '%Y-%m') AS cohort,
    ${MONTH_INDEX('f.first_order_date')} AS cohort_month, seg.segment::mkt_segment AS segment
  FROM (SELECT * FROM mkt_customer_facts WHERE customer_id IS NOT NULL) f
  FULL JOIN ${firstOfEachId('customers')} c ON c.id = f.customer_id
  LEFT JOIN mkt_customer_segments seg ON seg.customer_id = f.customer_id`;

/** Every seller of the sellers table or the lines, with their tier, region and first month of sales. */
const SELLER_DIMS = `CREATE OR REPLACE TABLE mkt_seller_dims AS
  SELECT coalesce(f.seller_id, s.id) AS seller_id, coalesce(s.tier, '${UNKNOWN}')::mkt_tier AS tier,
    coalesce(s.region, '${UNKNOWN}')::mkt_region AS seller_region, ${MONTH_INDEX('f.first_sale_date')} AS seller_cohort_month
  FROM (SELECT * FROM mkt_seller_first WHERE seller_id IS NOT NULL) f
  FULL JOIN ${firstOfEachId('sellers')} s ON s.id = f.seller_id`;

/**
 * A ticket takes its category and product from its order's lines of the seller it names (the first such line; any
 * line of the order when it names no seller), its tier from that seller, its region, cohort and segment from its customer (the
 * order's when it names none). Times become hours after opening; `opened_date` is the day a date filter selects.
 * `late_response`: first answered more than 24 hours after opening, or not answered although opened more than 24
 * hours before the latest ticket of the data (Amazon's late response rate counts messages not answered within 24 h).
 */
const TICKETS = `CREATE OR REPLACE TABLE mkt_tickets AS
  WITH t AS (SELECT * FROM support_tickets QUALIFY row_number() OVER (PARTITION BY id ORDER BY rowid) = 1),
  lines AS (
    SELECT t.id AS ticket_id, any_value(o.order_key) AS order_key,
      first(o.category ORDER BY o.seller_id IS DISTINCT FROM t.seller_id, o.id) AS category,
      first(o.seller_id ORDER BY o.seller_id IS DISTINCT FROM t.seller_id, o.id) AS seller_id,
      first(o.product_id ORDER BY o.seller_id IS DISTINCT FROM t.seller_id, o.id) AS product_id,
      first(o.customer_id ORDER BY o.id) AS customer_id
    FROM t JOIN mkt_order_keys ok ON ok.order_id = t.order_id JOIN mkt_orders o ON o.order_key = ok.order_key
    WHERE o.id IS NOT NULL
    GROUP BY t.id
  )
  SELECT t.id, l.order_key, coalesce(t.customer_id, l.customer_id) AS customer_id,
    coalesce(t.seller_id, l.seller_id) AS seller_id, l.product_id, t.opened_at::DATE AS opened_date,
    date_diff('second', t.opened_at, t.first_response_at) / 3600.0 AS response_hours,
    date_diff('second', t.opened_at, t.resolved_at) / 3600.0 AS resolution_hours,
    coalesce(t.first_response_at > t.opened_at + INTERVAL 24 HOUR,
      t.opened_at + INTERVAL 24 HOUR < max(t.opened_at) OVER ()) AS late_response,
    coalesce(t.reason, '${UNKNOWN}') AS reason, t.csat::INTEGER AS csat,
    coalesce(l.category, '${UNKNOWN}')::mkt_category AS category, coalesce(s.tier, '${UNKNOWN}')::mkt_tier AS tier,
    coalesce(c.region, '${UNKNOWN}')::mkt_region AS region, f.cohort, seg.segment::mkt_segment AS segment
  FROM t LEFT JOIN lines l ON l.ticket_id = t.id
  LEFT JOIN ${firstOfEachId('sellers')} s ON s.id = coalesce(t.seller_id, l.seller_id)
  LEFT JOIN ${firstOfEachId('customers')} c ON c.id = coalesce(t.customer_id, l.customer_id)
  LEFT JOIN mkt_customer_first f ON f.customer_id = coalesce(t.customer_id, l.customer_id)
  LEFT JOIN mkt_customer_segments seg ON seg.customer_id = coalesce(t.customer_id, l.customer_id)
  ORDER BY opened_date`;

/**
 * The columns of mkt_orders that its lean version leaves out (see LEAN_TABLES): all but those the lean elements
 * read (src/components/data/lean-start.ts) and the filters name (date, category, tier, region).
 */
export const FULL_ORDER_COLUMNS = [
  'id',
  'customer_id',
  'quantity',
  'delivery_days',
  'was_late',
  'cost',
  'seller_region',
  'order_month',
  'product_id',
  'subcategory',
  'campaign_id',
  'cohort',
  'cohort_month',
  'seller_cohort_month',
  'segment',
  'review_negative',
  'review_count',
  'rating_sum',
  'sentiment_sum',
] as const;

/** What the lean mkt_orders joins instead of mkt_seller_dims and mkt_customer_dims: the same values, fewer columns. */
const LEAN_SELLERS = `(SELECT id AS seller_id, coalesce(tier, '${UNKNOWN}')::mkt_tier AS tier FROM ${firstOfEachId('sellers')})`;
const LEAN_CUSTOMERS = `(SELECT coalesce(f.customer_id, c.id) AS customer_id, f.customer_key,
    coalesce(c.region, '${UNKNOWN}')::mkt_region AS region
  FROM (SELECT * FROM mkt_customer_keys WHERE customer_id IS NOT NULL) f
  FULL JOIN ${firstOfEachId('customers')} c ON c.id = f.customer_id)`;

/**
 * mkt_orders, `full` or `lean`: the same rows in the same order; the lean table has every column but
 * FULL_ORDER_COLUMNS, each with the same values. Categories become the ENUM once per product, not once per line
 * (46 ms of 590 at scale 5).
 */
function ordersSql(present: ReadonlySet<TableName>, kind: 'full' | 'lean'): string {
  const full = (sql: string) => (kind === 'full' ? sql : '');
  const reviews = present.has('reviews')
    ? 'coalesce(r.review_negative, false) AS review_negative, coalesce(r.review_count, 0) AS review_count, r.rating_sum, r.sentiment_sum'
    : 'NULL::BOOLEAN AS review_negative, NULL::INTEGER AS review_count, NULL::DOUBLE AS rating_sum, NULL::DOUBLE AS sentiment_sum';
  return `CREATE OR REPLACE TABLE mkt_orders AS
    SELECT ${full('t.id, ')}coalesce(ok.order_key, -1 - t.line_no::INTEGER) AS order_key, ${full('t.customer_id, ')}
      c.customer_key, t.seller_id, ${full('t.product_id, ')}t.order_date, ${full('t.quantity::INTEGER AS quantity, ')}
      t.revenue::DOUBLE AS revenue, t.status::mkt_status AS status,
      ${full('t.delivery_days::INTEGER AS delivery_days, t.was_late, ')}
      coalesce(p.category, '${UNKNOWN}'::mkt_category) AS category, coalesce(s.tier, '${UNKNOWN}'::mkt_tier) AS tier,
      coalesce(c.region, '${UNKNOWN}'::mkt_region) AS region
      ${full(`, coalesce(p.subcategory, '${UNKNOWN}') AS subcategory, p.cost::DOUBLE * t.quantity AS cost,
        coalesce(s.seller_region, '${UNKNOWN}'::mkt_region) AS seller_region, ${MONTH_INDEX('t.order_date')} AS order_month,
        c.cohort, c.cohort_month, s.seller_cohort_month, c.segment, t.campaign_id, ${reviews}`)}
    FROM (${linesSql(present)}) t
    LEFT JOIN mkt_order_keys ok ON ok.order_id = t.order_id
    LEFT JOIN (SELECT id, category::mkt_category AS category${full(', subcategory, cost')} FROM ${firstOfEachId('products')}) p
      ON p.id = t.product_id
    LEFT JOIN ${kind === 'full' ? 'mkt_seller_dims' : LEAN_SELLERS} s ON s.seller_id = t.seller_id
    LEFT JOIN ${kind === 'full' ? 'mkt_customer_dims' : LEAN_CUSTOMERS} c ON c.customer_id = t.customer_id
    ${kind === 'full' && present.has('reviews') ? `LEFT JOIN (${LINE_REVIEWS}) r ON r.transaction_id = t.id` : ''}
    ORDER BY t.order_date`;
}

export const DERIVED_TABLES: readonly DerivedTable[] = [
  { name: 'mkt_customer_facts', needs: ['transactions'], sql: CUSTOMER_FACTS },
  {
    name: 'mkt_customer_first',
    needs: ['transactions'],
    sql: `CREATE OR REPLACE TABLE mkt_customer_first AS
      SELECT customer_id, first_order_date, strftime(first_order_date, '%Y-%m') AS cohort
      FROM mkt_customer_facts WHERE first_order_date IS NOT NULL`,
  },
  {
    name: 'mkt_seller_first',
    needs: ['transactions'],
    sql: `CREATE OR REPLACE TABLE mkt_seller_first AS
      SELECT seller_id, min(order_date) AS first_sale_date FROM transactions WHERE status = 'completed' GROUP BY seller_id`,
  },
  {
    name: 'mkt_order_keys',
    needs: ['transactions'],
    sql: ORDER_KEYS,
  },
  {
    // Each customer's RFM segment over all the data: what the `segment` filter selects (src/metrics/rfm.ts).
    name: 'mkt_customer_segments',
    needs: ['transactions'],
    sql: customerSegmentsTableSql(),
  },
  { name: 'mkt_customer_dims', needs: ['transactions', 'customers'], sql: CUSTOMER_DIMS },
  { name: 'mkt_seller_dims', needs: ['transactions', 'sellers'], sql: SELLER_DIMS },
  {
    // One row per order line with every dimension a filter can name. Months are also kept as integers
    // (year × 12 + month − 1) so that cohort queries find a line's period by subtraction, without joins.
    // `order_key` identifies the order: every "orders" figure is count(DISTINCT order_key) (src/metrics/orders.ts).
    name: 'mkt_orders',
    needs: ['transactions', 'products', 'sellers', 'customers'],
    sql: (present) => ordersSql(present, 'full'),
  },
  {
    // Each payment with its order's key, so that payments follow the filters through mkt_orders.
    name: 'mkt_payments',
    needs: ['payments', 'transactions'],
    sql: `CREATE OR REPLACE TABLE mkt_payments AS
      SELECT ok.order_key, p.method, p.installments::INTEGER AS installments, p.value::DOUBLE AS value
      FROM payments p JOIN mkt_order_keys ok ON ok.order_id = p.order_id`,
  },
  {
    // Each returned line's reason (its first return's) and refunds: what the returns element joins to its lines on
    // every filter change, grouped once (half of its statement at scale 10).
    name: 'mkt_line_returns',
    needs: ['returns'],
    sql: `CREATE OR REPLACE TABLE mkt_line_returns AS
      SELECT transaction_id, first(reason ORDER BY return_date, id) AS reason, sum(refunded) AS refunded
      FROM returns GROUP BY transaction_id`,
  },
  {
    // Each order line that has refunds, with its refunds and the dimensions a filter names or the returns element
    // groups by: one row per line carrying a returned id, as joining mkt_line_returns to the lines gives. The returns
    // element sums the refunds from here, without that join on every filter change (33 of its 53 ms at scale 10).
    name: 'mkt_refunded_lines',
    needs: ['returns', 'transactions', 'products', 'sellers', 'customers'],
    sql: `CREATE OR REPLACE TABLE mkt_refunded_lines AS
      SELECT l.id, l.status, l.order_date, l.category, l.tier, l.region, l.cohort, l.segment, l.product_id, l.seller_id,
        r.refunded
      FROM mkt_line_returns r JOIN mkt_orders l ON l.id = r.transaction_id ORDER BY l.order_date`,
  },
  {
    // One row per support ticket with the dimensions a filter names, so that service metrics follow the filters.
    name: 'mkt_tickets',
    needs: ['support_tickets', 'transactions', 'products', 'sellers', 'customers'],
    sql: TICKETS,
  },
  {
    // One row per session: the steps it reached, where it came from, and the dimensions of its first product.
    name: 'mkt_sessions',
    needs: ['page_events', 'products', 'sellers', 'customers'],
    // Sessions are folded first and joined after: the joins then touch one row per session, not per event.
    sql: `CREATE OR REPLACE TABLE mkt_sessions AS
      WITH folded AS (
        SELECT session_id, any_value(customer_id) AS customer_id, min(event_time) AS started,
          min(event_time)::DATE AS session_date,
          arg_min(traffic_source, event_time) AS traffic_source, arg_min(product_id, event_time) AS product_id,
          arg_min(campaign_id, event_time) AS campaign_id,
          bool_or(event_type = 'view') AS viewed, bool_or(event_type = 'add_to_cart') AS carted,
          bool_or(event_type = 'checkout_start') AS checked_out, bool_or(event_type = 'purchase') AS purchased
        FROM page_events GROUP BY session_id
      )
      SELECT e.session_id, e.customer_id, e.started, e.session_date, e.traffic_source::mkt_source AS traffic_source,
        coalesce(p.category, '${UNKNOWN}')::mkt_category AS category, coalesce(s.tier, '${UNKNOWN}'::mkt_tier) AS tier,
        coalesce(c.region, '${UNKNOWN}'::mkt_region) AS region, c.cohort, c.segment, e.campaign_id,
        e.product_id,
        e.viewed, e.carted, e.checked_out, e.purchased,
        ${SESSION_DEPTH}::UTINYINT AS depth
      FROM folded e
      LEFT JOIN ${firstOfEachId('products')} p ON p.id = e.product_id
      LEFT JOIN mkt_seller_dims s ON s.seller_id = p.seller_id
      LEFT JOIN mkt_customer_dims c ON c.customer_id = e.customer_id
      ORDER BY session_date`,
  },
];

const buildable = (needs: readonly TableName[], present: ReadonlySet<TableName>) => needs.every((t) => present.has(t));

/** The derived tables that can be built from the tables present. */
export function derivedTableNames(present: ReadonlySet<TableName>): string[] {
  return DERIVED_TABLES.filter((d) => buildable(d.needs, present)).map((d) => d.name);
}

/**
 * What a page whose elements read only the lean columns of mkt_orders needs before its first paint: the keys and
 * a mkt_orders without FULL_ORDER_COLUMNS, which skips the segments, cohorts and reviews (about half the work).
 * It is built without LEAN_LATER, so its rows are the full table's but the line-less cancelled orders of `orders`:
 * every figure of LEAN_QUERIES counts completed lines alone, and is the same on either table.
 * completeDerivedTables builds the rest when a query first needs it.
 */
const LEAN_TABLES: readonly DerivedTable[] = [
  ...DERIVED_TABLES.filter((d) => d.name === 'mkt_order_keys'),
  {
    // The customer keys alone, in half the time of mkt_customer_facts (which numbers customers differently: the
    // keys only count customers, within one build of mkt_orders).
    name: 'mkt_customer_keys',
    needs: ['transactions'],
    sql: `CREATE OR REPLACE TABLE mkt_customer_keys AS
      SELECT customer_id, row_number() OVER ()::INTEGER AS customer_key FROM transactions GROUP BY customer_id`,
  },
  {
    name: 'mkt_orders',
    needs: ['transactions', 'products', 'sellers', 'customers'],
    sql: (present) => ordersSql(present, 'lean'),
  },
];

/** Tables the lean start loads with the rest, after the first paint: nothing of LEAN_QUERIES reads them. */
export const LEAN_LATER: ReadonlySet<TableName> = new Set(['orders', 'reviews']);

/**
 * The named queries (src/queries/registry.ts) that the lean mkt_orders answers as the full one would; any other
 * query reading mkt_orders has the rest built first (QueryEngine.defer).
 */
export const LEAN_QUERIES: ReadonlySet<QueryName> = new Set<QueryName>([
  'orderKpis',
  'revenueTrend',
  'categoryPerformance',
  'tierContribution',
]);

/** The lean start can be made from the tables present (else buildDerivedTables builds what it can). */
export const canStartLean = (present: ReadonlySet<TableName>) => LEAN_TABLES.every((d) => buildable(d.needs, present));

export interface BuildOptions {
  /** Only what a page of lean elements needs first (LEAN_TABLES); completeDerivedTables builds the rest. */
  readonly lean?: boolean;
}

/**
 * Builds every derived table whose source tables are present; returns the names built. `lean`: only the lean start
 * (LEAN_TABLES, mkt_orders lean; check canStartLean first), which completeDerivedTables completes.
 */
export async function buildDerivedTables(
  engine: SqlDatabase,
  present: ReadonlySet<TableName>,
  { lean = false }: BuildOptions = {},
): Promise<Set<string>> {
  for (const type of DIMENSION_TYPES) {
    if (buildable(type.needs, present)) await engine.exec(dimensionTypeSql(type));
  }
  await engine.exec(`CREATE TYPE mkt_segment AS ENUM (${RFM_SEGMENTS.map(str).join(', ')})`);
  return buildFrom(engine, lean ? LEAN_TABLES : DERIVED_TABLES, present);
}

/**
 * After a lean buildDerivedTables: every other derived table, and mkt_orders in full. Returns the names built.
 * `keysBuilt`: mkt_order_keys is up to date (else it is built again: `orders` was loaded since).
 */
export async function completeDerivedTables(
  engine: SqlDatabase,
  present: ReadonlySet<TableName>,
  { keysBuilt = true } = {},
): Promise<Set<string>> {
  return buildFrom(
    engine,
    DERIVED_TABLES.filter((d) => !keysBuilt || d.name !== 'mkt_order_keys'),
    present,
  );
}

/**
 * Builds what `table` (loaded after the others: see deferred-tables.ts) adds: the dimension types and derived
 * tables that read it, now that every table they need is `present`. Returns the names built.
 */
export async function buildDerivedTablesOf(
  engine: SqlDatabase,
  table: TableName,
  present: ReadonlySet<TableName>,
): Promise<Set<string>> {
  for (const type of DIMENSION_TYPES) {
    if (type.needs.includes(table) && buildable(type.needs, present)) await engine.exec(dimensionTypeSql(type));
  }
  return buildFrom(
    engine,
    DERIVED_TABLES.filter((d) => d.needs.includes(table)),
    present,
  );
}

async function buildFrom(
  engine: SqlDatabase,
  tables: readonly DerivedTable[],
  present: ReadonlySet<TableName>,
): Promise<Set<string>> {
  const built = new Set<string>();
  for (const table of tables) {
    if (!buildable(table.needs, present)) continue;
    await engine.exec(typeof table.sql === 'string' ? table.sql : table.sql(present));
    built.add(table.name);
  }
  return built;
}
