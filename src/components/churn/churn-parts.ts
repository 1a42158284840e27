import { html, type TemplateResult } from 'lit';
import type { ExportTable } from '../../charts/export.js';
import { dataTable, numberColumn } from '../../charts/data-table.js';
import type { AtRiskCustomer, ChurnAnalysis } from '../../models/churn-model.js';
import type { Formatter } from '../../format/format.js';
import type { ChurnResult } from './mkt-churn.js';

/** Every part of the churn view in one long table: a "Section" column says which. */
export function churnExport(r: ChurnResult): ExportTable {
  const blank = (n: number) => Array<null>(n).fill(null);
  return {
    columns: [
      'Section',
      'Key',
      'Active',
      'Churned',
      'Rate',
      'Revenue',
      'P(alive)',
      'Churn probability',
      'Value at risk',
      'Why',
    ],
    rows: [
      ...r.series.map((p) => ['Rate by month start', p.refDate, p.active, p.churned, p.rate, ...blank(5)]),
      ...r.groups.map((g) => [`By ${r.breakdown}`, g.group, g.active, g.churned, g.rate, ...blank(5)]),
      ...r.atRisk.map((c) => [
        'At risk',
        c.id,
        null,
        null,
        null,
        c.revenue,
        c.pAlive,
        c.churnProbability,
        c.valueAtRisk,
        c.reason,
      ]),
    ],
  };
}

/** The churn model's holdout metrics, and how it was fitted. */
export function churnModelSummary(m: ChurnAnalysis['model'], days: number, f: Formatter): TemplateResult {
  if (!m.fitted) {
    return html`<p class="note">
      Not enough customers with history before the cut-off to fit a model (${m.train} in training).
    </p>`;
  }
  return html`<dl class="metrics" data-model>
      <div>
        <dt>AUC</dt>
        <dd data-metric="auc">${Number.isFinite(m.auc) ? m.auc.toFixed(2) : '–'}</dd>
      </div>
      <div>
        <dt>Precision</dt>
        <dd data-metric="precision">${f.percent(m.precision, 0)}</dd>
      </div>
      <div>
        <dt>Recall</dt>
        <dd data-metric="recall">${f.percent(m.recall, 0)}</dd>
      </div>
      <div>
        <dt>Holdout</dt>
        <dd>${f.count(m.holdout)} customers, ${f.percent(m.holdoutRate, 0)} churned</dd>
      </div>
    </dl>
    <p class="note">
      Logistic regression on recency, purchase days, revenue and tenure ${days} days before the end; label: no purchase
      since. Trained on ${f.count(m.train)} customers, tested on a fixed fifth (by id); precision and recall at 50%.
    </p>`;
}

/** The early-warning list: high-value customers at risk, by value at risk. */
export function atRiskTable(atRisk: readonly AtRiskCustomer[], f: Formatter): TemplateResult {
  if (atRisk.length === 0) return html`<p class="note">No high-value repeat buyer is overdue or losing P(alive).</p>`;
  return html`<div class="table-wrap">
    ${dataTable(
      'High-value customers at risk, by value at risk',
      [
        { label: 'Customer', value: (c: AtRiskCustomer) => c.id },
        numberColumn<AtRiskCustomer>('Revenue', (c) => c.revenue, f.money),
        {
          label: 'Days since / usual',
          value: (c: AtRiskCustomer) => `${Math.round(c.daysSinceLast)} / ${Math.round(c.usualGap)}`,
          numeric: true,
        },
        {
          label: 'P(alive)',
          value: (c: AtRiskCustomer) =>
            `${f.percent(c.pAlive, 0)}${c.drop > 0.005 ? ` (−${Math.round(c.drop * 100)} pts)` : ''}`,
          numeric: true,
        },
        numberColumn<AtRiskCustomer>(
          'Churn prob.',
          (c) => c.churnProbability,
          (v) => f.percent(v, 0),
        ),
        numberColumn<AtRiskCustomer>('Value at risk', (c) => c.valueAtRisk, f.money),
        { label: 'Why', value: (c: AtRiskCustomer) => c.reason, class: 'reason' },
      ],
      atRisk,
    )}
  </div>`;
}
