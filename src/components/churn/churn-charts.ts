import { html, nothing, type TemplateResult } from 'lit';
import { bars } from '../../charts/bars.js';
import { timeLine } from '../../charts/time-line.js';
import { utcDay } from '../../charts/time-format.js';
import { dataTable } from '../../charts/data-table.js';
import type { Formatter } from '../../format/format.js';
import type { ChurnPoint, ChurnResult } from './mkt-churn.js';

/** The churn rate by month start, as a line, with its table view. */
export function churnLine(r: ChurnResult, f: Formatter, width: number): TemplateResult {
  const day = (p: ChurnPoint) => utcDay(p.refDate);
  const rates = r.series.filter((p) => p.rate !== null);
  const points = rates.map((p) => ({ x: day(p), y: p.rate }));
  const only = r.series.length === 1 ? +day(r.series[0]) : null;
  return html`${timeLine(
      [
        { key: 'rate', mark: 'line', points },
        {
          key: 'dots',
          mark: 'dots',
          points,
          title: (d) => {
            const p = rates[points.indexOf(d as (typeof points)[number])];
            return `${f.date(p.refDate)}: ${f.percent(p.rate)} of ${f.count(p.active)} active customers`;
          },
        },
      ],
      {
        width,
        height: 180,
        margin: { top: 8, right: 12, bottom: 24, left: 44 },
        xDomain: only === null ? undefined : [only - 15 * 864e5, only + 15 * 864e5],
        xTicks: Math.max(2, Math.floor(width / 120)),
        xFormat: (d) => f.month(d as Date),
        yFormat: (v) => f.percent(v, 0),
        yMin: 0.1,
        yNice: 10,
        label: 'Churn rate by month; the table view lists the values',
        part: 'chart',
      },
    )}
    <details>
      <summary class="note">Table view</summary>
      ${dataTable(
        'Churn rate by month',
        [
          { label: 'Month start', value: (p: ChurnPoint) => f.date(p.refDate) },
          { label: 'Active', value: (p: ChurnPoint) => f.count(p.active), numeric: true },
          { label: 'Churned', value: (p: ChurnPoint) => f.count(p.churned), numeric: true },
          { label: 'Rate', value: (p: ChurnPoint) => f.percent(p.rate), numeric: true },
        ],
        r.series,
      )}
    </details>`;
}

/** The pooled churn rate by segment or cohort, as bars, with its denominator named. */
export function churnBars(r: ChurnResult, f: Formatter, width: number): TemplateResult {
  const groups =
    r.breakdown === 'cohort' ? r.groups.slice(-12) : [...r.groups].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
  const rows = groups.map((g) => ({
    key: g.group,
    label: r.breakdown === 'cohort' ? f.month(g.group) : g.group,
    value: g.rate,
    text: `${f.percent(g.rate, 0)} of ${f.compact(g.active)}`,
  }));
  const months = r.groups.reduce((s, g) => s + g.active, 0);
  return html`${bars(rows, {
      width,
      rowHeight: 20,
      labelWidth: Math.min(130, Math.round(width * 0.34)),
      valueWidth: 90,
      max: 1,
      valueAtBar: true,
      label: `Churn rate by ${r.breakdown}: ${groups.map((g) => `${g.group} ${f.percent(g.rate)} of ${g.active} customer-months of ${g.customers} customers`).join('; ')}`,
    })}
    <p class="note" data-denominator>
      Rate = churned ÷ active customer-months: pooled over ${f.count(r.series.length)} month starts, a customer counts
      once at each month start they were active (${f.count(months)} customer-months in all).
      ${r.breakdown === 'cohort' && r.groups.length > 12 ? 'Latest 12 cohorts.' : nothing}
    </p>`;
}
