/**
 * The one truth about marketkit's tables: used by the generator to write them and by the data element to
 * validate what it loads. Column types are DuckDB's logical types, as `DESCRIBE` reports them.
 */

export const COLUMN_TYPES = ['VARCHAR', 'INTEGER', 'DOUBLE', 'DATE', 'TIMESTAMP', 'BOOLEAN'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Allowed values of a categorical column. */
  readonly values?: readonly string[];
  readonly nullable?: boolean;
  /**
   * The column may be left out of the file; the loader then adds it filled with nulls. Only for columns whose
   * absence the elements handle and say so (e.g. without `transactions.order_id` each line counts as an order).
   */
  readonly optional?: boolean;
  /** `table.column` that this column references. */
  readonly references?: string;
  readonly description: string;
}

export interface TableSpec {
  readonly name: TableName;
  /** Optional tables may be absent: the widgets that need them say so, the rest work. */
  readonly optional: boolean;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

export const SELLER_TIERS = ['gold', 'silver', 'bronze', 'new'] as const;
export type SellerTier = (typeof SELLER_TIERS)[number];
export const SELLER_STATUSES = ['active', 'suspended', 'churned'] as const;
export const PRODUCT_STATUSES = ['active', 'inactive', 'out_of_stock'] as const;
export const TRANSACTION_STATUSES = ['completed', 'returned', 'cancelled'] as const;
export const EVENT_TYPES = ['view', 'add_to_cart', 'checkout_start', 'purchase'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const TRAFFIC_SOURCES = ['direct', 'organic_search', 'paid_search', 'social', 'email', 'referral'] as const;

/**
 * How orders and sessions are credited to campaigns (one scheme, documented here and in docs/schema.md):
 * **last touch**. An order line's `campaign_id` names the campaign of the last marketing click before the order (as
 * the shop's analytics recorded it; the same on every line of an order); a session's `campaign_id` names the campaign
 * whose link started it. Nothing is inferred from traffic sources or dates: an order or session without a
 * `campaign_id` is not attributed. Metrics built on it say "last-touch" in their result (src/metrics/campaigns.ts).
 */
export const CAMPAIGN_ATTRIBUTION = 'last-touch' as const;

export const TABLE_NAMES = [
  'sellers',
  'products',
  'customers',
  'transactions',
  'orders',
  'payments',
  'returns',
  'reviews',
  'page_events',
  'campaigns',
  'support_tickets',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const id = (description: string): ColumnSpec => ({ name: 'id', type: 'VARCHAR', description });
const ref = (name: string, references: string, nullable = false): ColumnSpec => ({
  name,
  type: 'VARCHAR',
  references,
  nullable,
  description: `References ${references}.`,
});

export const SCHEMA: Readonly<Record<TableName, TableSpec>> = {
  sellers: {
    name: 'sellers',
    optional: false,
    description: 'One row per seller on the marketplace.',
    columns: [
      id('Seller id.'),
      { name: 'name', type: 'VARCHAR', description: 'Shop name.' },
      { name: 'tier', type: 'VARCHAR', values: SELLER_TIERS, description: 'Programme tier.' },
      { name: 'category', type: 'VARCHAR', description: 'Main category the seller sells in.' },
      { name: 'join_date', type: 'DATE', description: 'Day the seller joined.' },
      {
        name: 'status',
        type: 'VARCHAR',
        values: SELLER_STATUSES,
        description: 'Account status at the end of the data.',
      },
      { name: 'region', type: 'VARCHAR', description: 'Region the seller ships from.' },
    ],
  },
  products: {
    name: 'products',
    optional: false,
    description: 'One row per listed product.',
    columns: [
      id('Product id.'),
      ref('seller_id', 'sellers.id'),
      { name: 'name', type: 'VARCHAR', description: 'Product title.' },
      { name: 'category', type: 'VARCHAR', description: 'Category; the dashboard filters by it.' },
      { name: 'subcategory', type: 'VARCHAR', description: 'Subcategory.' },
      { name: 'price', type: 'DOUBLE', description: 'List price.' },
      {
        name: 'cost',
        type: 'DOUBLE',
        nullable: true,
        description: 'Unit cost to the seller; null when unknown (real data often has no costs: Olist has none).',
      },
      { name: 'listed_date', type: 'DATE', description: 'Day the product was listed.' },
      { name: 'status', type: 'VARCHAR', values: PRODUCT_STATUSES, description: 'Listing status.' },
    ],
  },
  customers: {
    name: 'customers',
    optional: false,
    description: 'One row per customer.',
    columns: [
      id('Customer id.'),
      { name: 'first_purchase_date', type: 'DATE', nullable: true, description: 'Day of the first order, if any.' },
      { name: 'region', type: 'VARCHAR', description: 'Region the customer lives in.' },
    ],
  },
  transactions: {
    name: 'transactions',
    optional: false,
    description:
      'One row per order line. An order is the lines that share an `order_id`; status, customer and date are per line.',
    columns: [
      id('Order line id.'),
      {
        name: 'order_id',
        type: 'VARCHAR',
        optional: true,
        nullable: true,
        description:
          'Order the line belongs to. With it, orders, average order value and every order count count orders; without it (or where null) each line is its own order and the elements say "per line".',
      },
      ref('customer_id', 'customers.id'),
      ref('seller_id', 'sellers.id'),
      ref('product_id', 'products.id'),
      { name: 'order_date', type: 'DATE', description: 'Day the order was placed.' },
      { name: 'quantity', type: 'INTEGER', description: 'Units ordered.' },
      { name: 'revenue', type: 'DOUBLE', description: 'Amount paid for the line (GMV).' },
      { name: 'status', type: 'VARCHAR', values: TRANSACTION_STATUSES, description: 'Outcome of the order.' },
      {
        name: 'delivery_days',
        type: 'INTEGER',
        nullable: true,
        description: 'Days from order to delivery; null when not delivered.',
      },
      { name: 'was_late', type: 'BOOLEAN', description: 'Shipped after the promised date.' },
      {
        name: 'campaign_id',
        type: 'VARCHAR',
        optional: true,
        nullable: true,
        references: 'campaigns.id',
        description:
          'Campaign credited with the order, last touch: the campaign of the last marketing click before the order (the same on every line of an order); null when no campaign brought it. See `campaigns`.',
      },
    ],
  },
  orders: {
    name: 'orders',
    optional: true,
    description:
      'One row per order, needed only for orders that have no lines (e.g. cancelled before any item was allocated: Olist has 109). An order that has lines takes its status, customer and date from its lines; a cancelled order without lines counts once in marketplace-wide order counts and cancellation rates (it has no seller, product or category); an order completed or returned without lines has nothing to count and is not counted.',
    columns: [
      id('Order id, as in `transactions.order_id`.'),
      ref('customer_id', 'customers.id', true),
      { name: 'order_date', type: 'DATE', description: 'Day the order was placed.' },
      {
        name: 'status',
        type: 'VARCHAR',
        values: TRANSACTION_STATUSES,
        description: 'Outcome of the order.',
      },
    ],
  },
  payments: {
    name: 'payments',
    optional: true,
    description:
      "One row per payment of an order (an order may be paid in parts, e.g. a voucher and a card). Amounts include freight where the shop charges it, so they need not add up to the lines' revenue.",
    columns: [
      id('Payment id.'),
      {
        name: 'order_id',
        type: 'VARCHAR',
        description: 'Order paid, as in `transactions.order_id` (or `orders.id`).',
      },
      { name: 'method', type: 'VARCHAR', description: 'Payment method, e.g. `credit_card`, `boleto`, `voucher`.' },
      { name: 'installments', type: 'INTEGER', description: 'Number of instalments (1 = paid at once).' },
      { name: 'value', type: 'DOUBLE', description: 'Amount paid.' },
    ],
  },
  returns: {
    name: 'returns',
    optional: true,
    description:
      'One row per returned order line: the details of a line whose status is `returned`. Kept apart from `transactions` so that a refund is never a negative revenue.',
    columns: [
      id('Return id.'),
      ref('transaction_id', 'transactions.id'),
      { name: 'return_date', type: 'DATE', description: 'Day the return was received.' },
      { name: 'reason', type: 'VARCHAR', description: 'Why the customer returned it, e.g. `damaged`, `wrong size`.' },
      { name: 'refunded', type: 'DOUBLE', description: "Amount refunded (at most the line's revenue)." },
    ],
  },
  reviews: {
    name: 'reviews',
    optional: true,
    description: 'One row per review of an order line.',
    columns: [
      id('Review id.'),
      ref('transaction_id', 'transactions.id'),
      ref('seller_id', 'sellers.id'),
      ref('product_id', 'products.id'),
      { name: 'rating', type: 'INTEGER', description: 'Stars, 1 to 5.' },
      { name: 'sentiment', type: 'DOUBLE', description: 'Sentiment of the review text, -1 to 1.' },
      { name: 'review_date', type: 'DATE', description: 'Day the review was written.' },
    ],
  },
  page_events: {
    name: 'page_events',
    optional: true,
    description: 'One row per storefront event in a session.',
    columns: [
      id('Event id.'),
      { name: 'session_id', type: 'VARCHAR', description: 'Browsing session.' },
      ref('customer_id', 'customers.id', true),
      ref('product_id', 'products.id', true),
      { name: 'event_type', type: 'VARCHAR', values: EVENT_TYPES, description: 'Funnel step.' },
      {
        name: 'order_id',
        type: 'VARCHAR',
        optional: true,
        nullable: true,
        description:
          'On a purchase event: the order it placed (`transactions.order_id`), so that the funnel reconciles purchases with orders.',
      },
      { name: 'event_time', type: 'TIMESTAMP', description: 'When it happened.' },
      { name: 'traffic_source', type: 'VARCHAR', values: TRAFFIC_SOURCES, description: 'How the session arrived.' },
      {
        name: 'campaign_id',
        type: 'VARCHAR',
        optional: true,
        nullable: true,
        references: 'campaigns.id',
        description:
          "Campaign whose link started the session (a session's campaign is that of its earliest event that names one); null when none did.",
      },
    ],
  },
  campaigns: {
    name: 'campaigns',
    optional: true,
    description:
      "One row per marketing campaign. Orders and sessions are credited to a campaign by their `campaign_id` (last touch: the last marketing click before the order); nothing is inferred from traffic sources or dates. Spend is spread evenly over the campaign's days.",
    columns: [
      id('Campaign id, as in `transactions.campaign_id` and `page_events.campaign_id`.'),
      { name: 'name', type: 'VARCHAR', description: 'Campaign name.' },
      {
        name: 'channel',
        type: 'VARCHAR',
        description:
          'Marketing channel, e.g. `email`, `paid_search`, `social` (naming it like `page_events.traffic_source` lets the sessions of the channel be compared with the campaign).',
      },
      { name: 'start_date', type: 'DATE', description: 'First day of the campaign.' },
      { name: 'end_date', type: 'DATE', description: 'Last day of the campaign (inclusive).' },
      { name: 'spend', type: 'DOUBLE', description: 'Total amount spent on the campaign.' },
    ],
  },
  support_tickets: {
    name: 'support_tickets',
    optional: true,
    description:
      "One row per customer-service ticket. A ticket about an order names it; it counts under the seller it names and the category of that seller's lines in the order. Times are when it was opened, first answered and resolved.",
    columns: [
      id('Ticket id.'),
      {
        name: 'order_id',
        type: 'VARCHAR',
        nullable: true,
        description: 'Order the ticket is about, as in `transactions.order_id`; null for a question about no order.',
      },
      ref('customer_id', 'customers.id', true),
      ref('seller_id', 'sellers.id', true),
      { name: 'opened_at', type: 'TIMESTAMP', description: 'When the customer opened the ticket.' },
      {
        name: 'first_response_at',
        type: 'TIMESTAMP',
        nullable: true,
        description: 'First reply to the customer; null when none yet.',
      },
      {
        name: 'resolved_at',
        type: 'TIMESTAMP',
        nullable: true,
        description: 'When the ticket was resolved; null while it is open.',
      },
      {
        name: 'reason',
        type: 'VARCHAR',
        description: 'What the ticket is about, e.g. `late delivery`, `return or refund`, `damaged item`.',
      },
      {
        name: 'csat',
        type: 'INTEGER',
        nullable: true,
        description:
          'Customer satisfaction survey answer, 1 (very unsatisfied) to 5 (very satisfied); null when not answered.',
      },
    ],
  },
};

export const SCHEMA_VERSION = 1;
