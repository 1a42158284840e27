import type { InMemoryDataset } from '../../src/data/load-dataset.js';
import { tableIPCFromRows } from '../../src/schema/arrow.js';

/** Where the tests fetch the real public datasets (served from MARKETKIT_SHARED_DATA, default ../shared/data). */
export const SHARED_DATA = '/shared-data';

/** The text of a shared dataset file, or null (with a plain console message) when the folder is absent. */
export async function sharedText(file: string): Promise<string | null> {
  const response = await fetch(`${SHARED_DATA}/${file}`);
  if (!response.ok) {
    console.warn(
      `Skipping: the shared dataset ${file} is not available (set MARKETKIT_SHARED_DATA to the folder holding it; default ../shared/data).`,
    );
    return null;
  }
  return response.text();
}

/**
 * CDNOW_master.txt (customer_id, yyyymmdd, number_of_cds, dollar_value, whitespace separated) as the kit's tables:
 * one customer row per id, every purchase a completed transaction of a single dummy seller and product.
 */
export function cdnowDataset(text: string): InMemoryDataset {
  const transactions: Record<string, string | number | boolean | null>[] = [];
  const firstDay = new Map<string, string>();
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 4) continue;
    const [customer, ymd, cds, dollars] = parts;
    const day = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
    if (!firstDay.has(customer) || day < firstDay.get(customer)!) firstDay.set(customer, day);
    transactions.push({
      id: `t${transactions.length + 1}`,
      customer_id: customer,
      seller_id: 'cdnow',
      product_id: 'cd',
      order_date: day,
      quantity: Number(cds),
      revenue: Number(dollars),
      status: 'completed',
      delivery_days: null,
      was_late: false,
    });
  }
  const customers = [...firstDay].map(([id, day]) => ({ id, first_purchase_date: day, region: 'Unknown' }));
  return {
    manifest: { name: 'CDNOW master', dateRange: { start: '1997-01-01', end: '1998-06-30' } },
    files: {
      sellers: tableIPCFromRows('sellers', [
        {
          id: 'cdnow',
          name: 'CDNOW',
          tier: 'gold',
          category: 'Music',
          join_date: '1997-01-01',
          status: 'active',
          region: 'Unknown',
        },
      ]),
      products: tableIPCFromRows('products', [
        {
          id: 'cd',
          seller_id: 'cdnow',
          name: 'CD',
          category: 'Music',
          subcategory: 'CD',
          price: 15,
          cost: 10,
          listed_date: '1997-01-01',
          status: 'active',
        },
      ]),
      customers: tableIPCFromRows('customers', customers),
      transactions: tableIPCFromRows('transactions', transactions),
    },
  };
}
