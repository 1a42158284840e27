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

export const TABLE_NAMES = ['sellers', 'products', 'customers', 'transactions', 'reviews', 'page_events'] as const;
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
    description: 'One row per order line.',
    columns: [
      id('Order line id.'),
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
      { name: 'event_time', type: 'TIMESTAMP', description: 'When it happened.' },
      { name: 'traffic_source', type: 'VARCHAR', values: TRAFFIC_SOURCES, description: 'How the session arrived.' },
    ],
  },
};

export const SCHEMA_VERSION = 1;
