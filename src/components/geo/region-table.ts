import { html, type TemplateResult } from 'lit';
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
  return html`<table class="data" part="table">
    <caption class="visually-hidden">
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Region</th>
        <th scope="col" class="num">GMV</th>
        <th scope="col" class="num">Share</th>
        <th scope="col" class="num">Customers</th>
      </tr>
    </thead>
    <tbody>
      ${regions.map(
        (r) =>
          html`<tr data-region=${r.region}>
            <th scope="row">
              <button
                type="button"
                class="region"
                aria-pressed=${selected.has(r.region) ? 'true' : 'false'}
                @click=${() => toggle(r.region)}
              >
                ${r.region}
              </button>
            </th>
            <td class="num">${f.money(r.gmv)}</td>
            <td class="num">${f.percent(total > 0 ? r.gmv / total : null, 1)}</td>
            <td class="num">${f.count(r.customers)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
