import type { DashboardState } from '../../data/dashboard-state.js';
import { EMPTY_FILTERS, type FilterState } from '../../data/filter-state.js';
import { rows } from '../../data/arrow-rows.js';
import type { CoPurchaseOptions, NextBestRow } from '../../metrics/co-purchase.js';
import { named } from '../../queries/registry.js';

export type { NextBestRow };

/**
 * The filters co-purchase rules are learnt under: the dashboard's, but never narrowed to the products (or, for
 * category rules, the categories) asked about, which would leave nothing bought with them.
 */
export function basketFilters(filters: FilterState, level: CoPurchaseOptions['level']): FilterState {
  const categories = level === 'category' ? EMPTY_FILTERS.categories : filters.categories;
  return { ...filters, products: EMPTY_FILTERS.products, categories };
}

/**
 * Next best products for some customers (an early-warning list, say) on a dashboard: for each, up to `perCustomer`
 * items they have not bought in the filtered window that their own purchases point to (the strongest co-purchase
 * rule with lift above 1; see `nextBestProductsSql`). A customer whose items are in no rule gets none.
 *
 * ```js
 * const data = document.querySelector('mkt-data');
 * const tips = await nextBestProducts(data.state, ['c2', 'c5']); // [{ customer_id, rank, y, y_name, x, confidence, lift }]
 * ```
 */
export async function nextBestProducts(
  dashboard: DashboardState,
  customerIds: readonly string[],
  options: CoPurchaseOptions & { readonly perCustomer?: number; readonly signal?: AbortSignal } = {},
): Promise<NextBestRow[]> {
  if (dashboard.status !== 'ready' || !dashboard.engine) throw new Error('The dashboard has no data loaded yet.');
  const { signal, ...rules } = options;
  const filters = basketFilters(dashboard.filters, options.level);
  const table = await dashboard.engine.query(named('nextBestProducts', filters, customerIds, rules), signal);
  return rows<NextBestRow>(table);
}
