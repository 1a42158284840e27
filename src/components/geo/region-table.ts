import { html, type TemplateResult } from 'lit';
import { dataTable } from '../../charts/data-table.js';
import type { Formatter } from '../../format/format.js';
import type { RegionRow } from './mkt-geo.js';

/** Regions with GMV, share of GMV and customers; each name is a button that filters to it. */
export function regionTable(
  regions: readonly RegionRow[],
  caption: string,
  f: Formatter,
  selected: ReadonlySet<string>,
  toggle: (region: string) => void,
  /** The GMV shares are of: all regions' GMV by default. */
  total = regions.reduce((s, r) => s + r.gmv, 0),
): TemplateResult {
  return dataTable(
    caption,
    [
      {
        label: 'Region',
        value: (r) => r.region,
        rowHeader: true,
        cell: (r) =>
          html`<button
            type="button"
            class="region"
            aria-pressed=${selected.has(r.region) ? 'true' : 'false'}
            @click=${() => toggle(r.region)}
          >
            ${r.region}
          </button>`,
      },
      { label: 'GMV', value: (r) => f.money(r.gmv), numeric: true },
      { label: 'Share', value: (r) => f.percent(total > 0 ? r.gmv / total : null, 1), numeric: true },
      { label: 'Customers', value: (r) => f.count(r.customers), numeric: true },
    ],
    regions,
  );
}
