import { html, nothing, type TemplateResult } from 'lit';
import type { ExportTable } from '../../charts/export.js';
import { dataTable, numberColumn } from '../../charts/data-table.js';
import { AT_RISK_THRESHOLD, type AtRiskCustomer, type ChurnAnalysis } from '../../models/churn-model.js';
import { factorLabel } from '../../models/churn-factors.js';
import type { ChurnWindow } from '../../models/churn-window.js';
import type { Formatter } from '../../format/format.js';
import type { ChurnResult } from './mkt-churn.js';

/** Every part of the churn view in one long table: a "Section" column says which. */
export function churnExport(r: ChurnResult, f: Formatter): ExportTable {
  const blank = (n: number) => Array<null>(n).fill(null);
  return {
    columns: ['Section', 'Key', 'Customers', 'Active', 'Churned', 'Rate', 'Revenue', 'Risk', 'Value at risk', 'Why'],
    rows: [
      ...r.series.map((p) => ['Rate by month start', p.refDate, null, p.active, p.churned, p.rate, ...blank(4)]),
      ...r.groups.map((g) => [`By ${r.breakdown}`, g.group, g.customers, g.active, g.churned, g.rate, ...blank(4)]),
      ...r.atRisk.map((c) => ['At risk', c.id, ...blank(4), c.revenue, c.risk, c.valueAtRisk, why(c, f)]),
    ],
  };
}

/** The churn definition in words: N, and where it comes from (the purchase cycle, or the page). */
export function churnDefinition(days: number, cycle: ChurnWindow, auto: boolean, f: Formatter): TemplateResult {
  const share = f.percent(cycle.quantile, 0);
  const median = cycle.medianGap === null ? '' : `, median ${cycle.medianGap} days`;
  const source =
    cycle.source === 'fallback'
      ? `only ${f.count(cycle.gaps)} repeat orders, too few to read the purchase cycle${auto ? ', so the default' : ''}`
      : auto
        ? `${share} of repeat orders come within ${days} days (${f.count(cycle.gaps)} repeat orders${median})`
        : `set on the page; in this data ${share} of repeat orders come within ${cycle.days} days${median}`;
  return html`<p class="definition" data-definition>
    A customer counts as churned after <strong>${days} days</strong> without an order: ${source}.
  </p>`;
}

/** The churn model's holdout quality against the base rate, in plain words. */
export function churnModelSummary(m: ChurnAnalysis['model'], days: number, f: Formatter): TemplateResult {
  const q = m.quality;
  if (!m.fitted || !q) {
    return html`<p class="note">
      Not enough customers with history before the cut-off to fit a model (${m.train} in training).
    </p>`;
  }
  if (q.positives === 0 || q.positives === q.n) {
    return html`<p class="note" data-one-class>
      ${q.positives === 0 ? 'None' : 'All'} of the ${f.count(q.n)} test customers churned: with only one outcome to
      predict, the test cannot say how good the model is. Try another window.
    </p>`;
  }
  const pct = (v: number) => (Number.isFinite(v) ? f.percent(v, 0) : '–');
  const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}×` : '–');
  const metric = (name: string, label: string, value: string, detail: string) =>
    html`<div>
      <dt>${label}</dt>
      <dd data-metric=${name}>${value}</dd>
      <dd class="detail">${detail}</dd>
    </div>`;
  return html`<dl class="metrics" data-model>
      ${metric('base-rate', 'Base rate', pct(q.baseRate), `of ${f.count(q.n)} test customers churned`)}
      ${metric('pr-auc', 'PR-AUC', Number.isFinite(q.prAuc) ? q.prAuc.toFixed(2) : '–', `${times(q.prAucLift)} chance`)}
      ${metric('precision', 'Precision', pct(q.precision), `${times(q.lift)} the base rate`)}
      ${metric('recall', 'Recall', pct(q.recall), `of the churned found`)}
      ${metric('auc', 'ROC AUC', Number.isFinite(q.auc) ? q.auc.toFixed(2) : '–', '0.50 = chance')}
    </dl>
    <p class="note">
      Of ${f.count(q.n)} test customers, ${pct(q.baseRate)} made no order in the next ${days} days: calling everyone
      churned is right that often. Of those the model puts at ${pct(q.threshold)} or more, ${pct(q.precision)} churned
      (${times(q.lift)} the base rate), and it finds ${pct(q.recall)} of the churned. The riskiest ${pct(q.topShare)}
      churn ${times(q.topShareLift)} as often as average. Logistic regression on recency, purchase days, revenue and
      tenure ${days} days before the end, trained on ${f.count(m.train)} customers, tested on a fixed fifth (by id).
    </p>`;
}

/** The factors that raise a customer's risk, in words. */
const why = (c: AtRiskCustomer, f: Formatter) =>
  c.factors.map((x) => factorLabel(x.feature, x.value, x.typical, f.money)).join('; ') ||
  "nothing above the typical customer's risk";

/** The early warning: how many active customers are at risk, and the first of them by value at risk. */
export function atRiskTable(r: ChurnResult, f: Formatter): TemplateResult {
  const threshold = f.percent(AT_RISK_THRESHOLD, 0);
  if (!r.model.fitted) return html`<p class="note">No risk without a churn model.</p>`;
  const count = html`<p class="note" data-at-risk-count>
    ${f.count(r.atRiskCount)} of the ${f.count(r.active)} customers who ordered in the last ${r.days} days have a risk
    of ${threshold} or more of no order in the next ${r.days}.
    ${
      r.atRisk.length
        ? html`Risk is the model's probability; value at risk = risk × revenue to date; "why" lists what raises the risk
          against the typical customer.`
        : nothing
    }
  </p>`;
  if (r.atRisk.length === 0) return count;
  return html`${count}
    <div class="table-wrap">
      ${dataTable(
        'Customers at risk, by value at risk',
        [
          { label: 'Customer', value: (c: AtRiskCustomer) => c.id },
          numberColumn<AtRiskCustomer>('Revenue', (c) => c.revenue, f.money),
          numberColumn<AtRiskCustomer>(
            'Risk',
            (c) => c.risk,
            (v) => f.percent(v, 0),
          ),
          numberColumn<AtRiskCustomer>('Value at risk', (c) => c.valueAtRisk, f.money),
          { label: 'Why', value: (c: AtRiskCustomer) => why(c, f), class: 'reason' },
        ],
        r.atRisk,
      )}
    </div>`;
}
