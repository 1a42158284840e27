import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../../charts/style-props.js';
import { doughnut } from '../../charts/doughnut.js';
import type { OrderUnit } from '../../metrics/orders.js';
import { CRITICAL_BELOW, HEALTHY_FROM, ticketWeightShare, type HealthTier } from '../../models/health-score.js';
import type { Formatter } from '../../format/format.js';
import { LINES_AS_ORDERS } from '../base/data-notes.js';

const TIER_COLOURS: Record<HealthTier, string> = {
  Healthy: 'var(--mkt-positive, var(--_mkt-positive))',
  'At Risk': 'var(--mkt-warning, var(--_mkt-warning))',
  Critical: 'var(--mkt-negative, var(--_mkt-negative))',
  'Not enough orders': 'var(--mkt-border, var(--_mkt-border))',
};

export interface TierCount {
  readonly tier: HealthTier;
  readonly n: number;
}

/** The doughnut of the health tiers (a slice narrows the table to its tier) and their legend with counts. */
export function tierOverview(
  counts: readonly TierCount[],
  total: number,
  shown: HealthTier | null,
  toggle: (tier: HealthTier) => void,
  f: Formatter,
): TemplateResult {
  const slices = counts.map(({ tier, n }) => {
    const share = f.percent(n / total, 0);
    const press = shown === tier ? 'Press to show all sellers.' : 'Press to show only these in the table.';
    const label = `${tier}: ${n} sellers (${share}). ${press}`;
    return { key: tier, value: n, color: TIER_COLOURS[tier], label, title: `${tier}: ${n} (${share})` };
  });
  return html`<div class="top">
    ${doughnut(slices, {
      size: 150,
      label: 'Sellers by health tier',
      total: f.count(total),
      totalLabel: 'sellers',
      select: { selected: shown, toggle: (tier) => toggle(tier as HealthTier) },
    })}
    <ul class="tiers">
      ${counts.map(
        (c) =>
          html`<li data-tier=${c.tier}>
            <span class="swatch" ${styleProps({ background: TIER_COLOURS[c.tier] })}></span>${c.tier}
            <span class="n">${f.count(c.n)}</span>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** What the rates are per, the score's cut-offs and their sources, and what the data leaves out. */
export function healthStandards(
  data: { readonly orderUnit: OrderUnit; readonly withReviews: boolean; readonly withTickets: boolean },
  minimum: number,
  f: Formatter,
): TemplateResult {
  return html`<p class="standards">
    Rates per
    ${data.orderUnit === 'line' ? html`<strong data-unit="line">order line</strong> (${LINES_AS_ORDERS.toLowerCase()})` : html`<span data-unit="order">order</span>`}.
    Score 0–100: Healthy ≥ ${HEALTHY_FROM} (within Amazon's late-shipment &lt; 4 % and cancellation &lt; 2.5 % targets
    and Walmart's negative-feedback ≤ 2 %), Critical &lt; ${CRITICAL_BELOW} (twice the targets). Fewer than ${minimum}
    orders: not scored.
    ${data.withReviews ? nothing : html`<strong>The defect rate and review sentiment are unavailable: this dataset has no reviews.</strong>`}
    ${data.withTickets ? html`<span data-note="tickets">Support tickets weigh ${f.percent(ticketWeightShare(), 0)} of the score: responses later than 24 hours and CSAT answers of 1–2.</span>` : nothing}
  </p>`;
}
