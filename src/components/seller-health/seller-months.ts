import { html, nothing, type TemplateResult } from 'lit';
import type { SellerMonthRow } from '../../metrics/seller-health.js';
import { assessHealth } from '../../models/health-score.js';
import { sparkline } from '../../charts/sparkline.js';
import type { Formatter } from '../../format/format.js';
import type { AssessedSeller } from './seller-table.js';
import { tierWord } from '../../format/tier.js';

/** A seller's months: a sparkline per measure with its last value, and the months as a table. */
export function sellerMonths(
  name: string,
  months: readonly SellerMonthRow[],
  withReviews: boolean,
  f: Formatter,
): TemplateResult {
  const assessed = months.map((m) => ({ ...m, ...assessHealth(m, 1) }));
  const rating = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  const rate = (v: number | null) => f.percent(v, 1);
  const spark = (label: string, values: (number | null)[], text: (v: number | null) => string) =>
    html`<li>
      ${label}<span class="last">${text(values[values.length - 1])}</span>
      ${sparkline(values, { width: 120, height: 28 })}
    </li>`;
  return html`<ul class="sparks">
      ${spark(
        'Revenue',
        assessed.map((m) => m.revenue),
        f.money,
      )}
      ${spark(
        'Defect rate',
        assessed.map((m) => m.defectRate),
        rate,
      )}
      ${spark(
        'Late ship',
        assessed.map((m) => m.lateRate),
        rate,
      )}
      ${spark(
        'Cancellations',
        assessed.map((m) => m.cancelRate),
        rate,
      )}
      ${
        withReviews
          ? spark(
              'Avg rating',
              assessed.map((m) => m.avgRating),
              rating,
            )
          : nothing
      }
    </ul>
    <div class="scroll">
      <table class="data months">
        <caption class="visually-hidden">
          ${name} by month
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="num">Orders</th>
            <th scope="col" class="num">Revenue</th>
            <th scope="col" class="num">Defect rate</th>
            <th scope="col" class="num">Late ship</th>
            <th scope="col" class="num">Cancelled</th>
            ${withReviews ? html`<th scope="col" class="num">Avg rating</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${assessed.map(
            (m) =>
              html`<tr data-month=${m.month}>
                <td>${f.month(m.month)}</td>
                <td class="num">${f.count(m.orders)}</td>
                <td class="num">${f.money(m.revenue)}</td>
                <td class="num">${rate(m.defectRate)}</td>
                <td class="num">${rate(m.lateRate)}</td>
                <td class="num">${rate(m.cancelRate)}</td>
                ${withReviews ? html`<td class="num">${rating(m.avgRating)}</td>` : nothing}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** The panel of an open seller: its name, tier and score, a Close button, and `body` (its months). */
export function sellerDetail(s: AssessedSeller, body: TemplateResult, close: () => void): TemplateResult {
  return html`<section class="detail" part="detail" aria-label="${s.name} month by month">
    <header>
      <div>
        <h3>${s.name}</h3>
        <span class="meta"
          >${s.tier}${s.score === null ? '' : ` · score ${Math.round(s.score)}`} · ${tierWord(s.programmeTier)} seller ·
          account ${s.status}</span
        >
      </div>
      <button type="button" class="close" @click=${close}>Close</button>
    </header>
    ${body}
  </section>`;
}
