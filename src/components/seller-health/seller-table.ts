import { html, type TemplateResult } from 'lit';
import type { SellerHealthRow } from '../../metrics/seller-health.js';
import type { Health, HealthTier } from '../../models/health-score.js';
import type { Formatter } from '../../format/format.js';
import type { ExportTable } from '../../charts/export.js';

/** A seller with its rates, score and health `tier`; `programmeTier` is the seller's tier (gold, silver, ...). */
export type AssessedSeller = Omit<SellerHealthRow, 'tier'> & Health & { readonly programmeTier: string };

export type SortKey = 'name' | 'tier' | 'score' | 'defectRate' | 'lateRate' | 'avgRating' | 'revenue';

/** The Health column's order: the sellers that need attention first, the unscored last. */
const TIER_ORDER: Record<HealthTier, number> = { Critical: 0, 'At Risk': 1, Healthy: 2, 'Not enough orders': 3 };
const slug = (t: HealthTier) => t.toLowerCase().replaceAll(' ', '-');

export interface SellerQuery {
  readonly search: string;
  readonly tier: HealthTier | null;
  readonly sortKey: SortKey;
  readonly ascending: boolean;
}

/**
 * The sellers a table lists: those of `tier` whose name or id contains `search`, sorted by `sortKey` (unknown
 * values last); by tier, the most revenue (the most GMV at stake) first within a tier.
 */
export function listSellers(sellers: readonly AssessedSeller[], q: SellerQuery): AssessedSeller[] {
  const search = q.search.trim().toLocaleLowerCase();
  const list = sellers.filter(
    (s) =>
      (!q.tier || s.tier === q.tier) &&
      (!search || s.name.toLocaleLowerCase().includes(search) || s.seller_id.toLocaleLowerCase().includes(search)),
  );
  const key = q.sortKey;
  const dir = q.ascending ? 1 : -1;
  const value = (s: AssessedSeller): string | number | null =>
    key === 'name' ? s.name.toLocaleLowerCase() : key === 'tier' ? TIER_ORDER[s.tier] : (s[key] as number | null);
  return list.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' ? va.localeCompare(vb as string) : va - (vb as number);
    return c * dir || (key === 'tier' ? b.revenue - a.revenue : 0) || a.name.localeCompare(b.name);
  });
}

export interface SellerTableOptions {
  readonly sortKey: SortKey;
  readonly ascending: boolean;
  readonly selected: string | null;
  readonly withReviews: boolean;
  readonly format: Formatter;
  readonly sortBy: (key: SortKey) => void;
  readonly open: (seller: AssessedSeller) => void;
}

/** One page of the seller table: sortable column headers, a button per seller that opens its months. */
export function sellerTable(sellers: readonly AssessedSeller[], o: SellerTableOptions): TemplateResult {
  const f = o.format;
  const head = (key: SortKey, label: string, numeric = false) => {
    const on = o.sortKey === key;
    return html`<th
      scope="col"
      class=${numeric ? 'num' : ''}
      aria-sort=${on ? (o.ascending ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" data-sort=${key} @click=${() => o.sortBy(key)}>
        ${label}${on ? (o.ascending ? ' ▲' : ' ▼') : ''}
      </button>
    </th>`;
  };
  const rating = (v: number | null) => (o.withReviews ? (v === null ? '–' : v.toFixed(2)) : 'n/a');
  return html`<table class="data" part="table">
    <caption class="visually-hidden">
      Seller health
    </caption>
    <thead>
      <tr>
        ${head('name', 'Seller')}${head('tier', 'Health')}${head('score', 'Score', true)}${head('defectRate', 'Defect rate', true)}
        ${head('lateRate', 'Late ship', true)}${head('avgRating', 'Avg rating', true)}${head('revenue', 'Revenue', true)}
      </tr>
    </thead>
    <tbody>
      ${sellers.map((s) => {
        const open = o.selected === s.seller_id;
        return html`<tr data-seller=${s.seller_id} class=${open ? 'open' : ''}>
          <td>
            <button type="button" class="seller" aria-expanded=${open ? 'true' : 'false'} @click=${() => o.open(s)}>
              ${s.name}
            </button>
          </td>
          <td><span class="badge ${slug(s.tier)}">${s.tier}</span></td>
          <td class="num score">${s.score === null ? '–' : f.count(Math.round(s.score))}</td>
          <td class="num odr">${o.withReviews ? f.percent(s.defectRate, 1) : 'n/a'}</td>
          <td class="num late">${f.percent(s.lateRate, 1)}</td>
          <td class="num rating">${rating(s.avgRating)}</td>
          <td class="num revenue">${f.money(s.revenue)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** The sellers as CSV rows: ids, tiers and the raw rates. */
export function sellersExport(sellers: readonly AssessedSeller[]): ExportTable {
  return {
    columns: [
      'Seller id',
      'Seller',
      'Programme tier',
      'Health',
      'Score',
      'Orders',
      'Defect rate',
      'Late rate',
      'Avg rating',
      'Revenue',
    ],
    rows: sellers.map((s) => [
      s.seller_id,
      s.name,
      s.programmeTier,
      s.tier,
      s.score,
      s.orders,
      s.defectRate,
      s.lateRate,
      s.avgRating,
      s.revenue,
    ]),
  };
}
