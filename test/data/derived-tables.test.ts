import { expect } from '@open-wc/testing';
import { TINY, tinyDataset } from '../fixtures/tiny-marketplace.js';
import { openEngine, sql } from '../support/engine.js';

/**
 * mkt_orders takes each line's customer and seller dimensions from one per-customer and one per-seller table
 * (mkt_customer_dims, mkt_seller_dims). These are the cases where a customer or seller is known to one source
 * only, worked by hand:
 *   c1 (California): L1 completed 2025-01-10, L2 returned 2025-03-05 → cohort 2025-01
 *   c2 (Texas, listed twice: the first row, Texas, wins): only a returned line L3 → no cohort, no segment
 *   c5: not in customers; L4 completed 2025-02-01 → region "(unknown)", cohort 2025-02
 *   c4 (New York): no line, one cancelled order o9 in `orders` only → its row keeps New York, no cohort
 *   s3 (new tier): only the returned line L3 → tier "new", no first sale month
 *   s9: not in sellers; L4 → tier "(unknown)", first sale 2025-02
 *   (no customer): L5 completed 2025-02-02 → region "(unknown)", no key
 */
const tx = (id: string, customer: string | null, seller: string, day: string, status: string) => ({
  id,
  order_id: `o-${id}`,
  customer_id: customer,
  seller_id: seller,
  product_id: 'p1',
  order_date: day,
  quantity: 1,
  revenue: 10,
  status,
  delivery_days: 2,
  was_late: false,
  campaign_id: null,
});

const dataset = () =>
  tinyDataset({
    without: ['reviews', 'page_events'],
    rows: {
      customers: [
        ...TINY.customers.filter((c) => c.id !== 'c3'),
        { id: 'c2', first_purchase_date: '2025-01-15', region: 'Florida' },
      ],
      transactions: [
        tx('L1', 'c1', 's1', '2025-01-10', 'completed'),
        tx('L2', 'c1', 's1', '2025-03-05', 'returned'),
        tx('L3', 'c2', 's3', '2025-01-20', 'returned'),
        tx('L4', 'c5', 's9', '2025-02-01', 'completed'),
        tx('L5', null, 's1', '2025-02-02', 'completed'),
      ],
      orders: [{ id: 'o9', customer_id: 'c4', order_date: '2025-03-01', status: 'cancelled' }],
    },
  });

interface Row extends Record<string, unknown> {
  id: string | null;
  customer_id: string | null;
  keyed: boolean;
  region: string;
  cohort: string | null;
  cohort_month: number | null;
  segment: string | null;
  tier: string;
  seller_region: string;
  seller_cohort_month: number | null;
}

describe('derived tables: dimensions known to one source only', () => {
  let rows: Row[];
  let close: () => Promise<void>;

  before(async () => {
    const opened = await openEngine(dataset());
    close = opened.close;
    rows = await sql<Row>(
      opened.engine,
      `SELECT id, customer_id, customer_key IS NOT NULL AS keyed, region::VARCHAR AS region, cohort, cohort_month,
        segment::VARCHAR AS segment, tier::VARCHAR AS tier, seller_region::VARCHAR AS seller_region, seller_cohort_month
      FROM mkt_orders ORDER BY order_date`,
    );
  });
  after(() => close());

  const byId = (id: string | null) => rows.find((r) => r.id === id)!;
  const month = (year: number, m: number) => year * 12 + m - 1;

  it('gives every line and the line-less cancelled order one row', () => {
    expect(rows.map((r) => r.id)).to.deep.equal(['L1', 'L3', 'L4', 'L5', null, 'L2']);
  });

  it('takes region from the customers table and cohort from the completed lines', () => {
    expect(byId('L1')).to.include({
      region: 'California',
      cohort: '2025-01',
      cohort_month: month(2025, 1),
      keyed: true,
    });
    expect(byId('L2')).to.include({ region: 'California', cohort: '2025-01' });
  });

  it('keeps the first row of a customer listed twice, and no cohort or segment without a completed line', () => {
    expect(byId('L3')).to.include({ region: 'Texas', cohort: null, segment: null, keyed: true });
  });

  it('gives a customer missing from the customers table its lines’ cohort and an unknown region', () => {
    expect(byId('L4')).to.include({ region: '(unknown)', cohort: '2025-02', keyed: true });
    expect(byId('L4').segment).to.be.a('string');
  });

  it('gives a customer known only from a cancelled order its region, and no key or cohort', () => {
    expect(byId(null)).to.include({ customer_id: 'c4', region: 'New York', cohort: null, keyed: false });
  });

  it('counts a line without customer under an unknown region, without key', () => {
    expect(byId('L5')).to.include({ region: '(unknown)', keyed: false, cohort: null });
  });

  it('takes tier and region from sellers and the first sale month from the completed lines', () => {
    expect(byId('L1')).to.include({ tier: 'gold', seller_region: 'California', seller_cohort_month: month(2025, 1) });
    expect(byId('L3')).to.include({ tier: 'new', seller_region: 'New York', seller_cohort_month: null });
    expect(byId('L4')).to.include({
      tier: '(unknown)',
      seller_region: '(unknown)',
      seller_cohort_month: month(2025, 2),
    });
  });
});

/**
 * The lean mkt_orders (built first for a page of lean elements: src/components/data/lean-start.ts) has the same
 * rows, with the same values, in every column it keeps: the cases above, on the columns it has.
 */
describe('derived tables: the lean mkt_orders', () => {
  const KEPT = `order_key, customer_key IS NOT NULL AS keyed, seller_id, order_date, revenue, status::VARCHAR AS status,
    category::VARCHAR AS category, tier::VARCHAR AS tier, region::VARCHAR AS region`;
  const read = async (lean: boolean) => {
    const opened = await openEngine(dataset(), { lean });
    try {
      const columns = await sql<{ name: string }>(opened.engine, `SELECT name FROM pragma_table_info('mkt_orders')`);
      const rows = await sql<Record<string, unknown>>(
        opened.engine,
        `SELECT ${KEPT} FROM mkt_orders ORDER BY order_date, order_key`,
      );
      return { columns: columns.map((c) => c.name), rows };
    } finally {
      await opened.close();
    }
  };

  it('keeps every row and value of the full table in the columns it has', async () => {
    const [full, lean] = [await read(false), await read(true)];
    expect(lean.rows).to.deep.equal(full.rows);
    expect(lean.rows.map((r) => r.region)).to.deep.equal([
      'California',
      'Texas',
      '(unknown)',
      '(unknown)',
      'New York',
      'California',
    ]);
    expect(lean.rows.map((r) => r.tier)).to.deep.equal(['gold', 'new', '(unknown)', 'gold', '(unknown)', 'gold']);
    expect(lean.rows.map((r) => r.keyed)).to.deep.equal([true, true, true, false, false, true]);
  });

  it('keeps only what the lean elements read and the filters name', async () => {
    const { columns } = await read(true);
    for (const left of ['id', 'customer_id', 'product_id', 'segment', 'cohort', 'cohort_month', 'review_count', 'cost'])
      expect(columns).not.to.include(left);
    expect(columns).to.have.members([
      'order_key',
      'customer_key',
      'seller_id',
      'order_date',
      'revenue',
      'status',
      'category',
      'tier',
      'region',
    ]);
  });
});
