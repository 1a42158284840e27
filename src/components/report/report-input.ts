import { isUnfiltered, type FilterState } from '../../data/filter-state.js';
import type { Formatter } from '../../format/format.js';
import { tierWord } from '../../format/tier.js';
import { fromInsight, type RankedFinding } from '../../models/findings.js';
import type { Finding } from '../../models/insights.js';
import type { ReportChart, ReportInput } from '../../report/executive-report.js';
import { MktWidget } from '../base/mkt-widget.js';
import type { KpiResult } from '../kpis/kpi-list.js';

/** The filters besides the dates, in words: "All data" or "Categories: Books, Toys · Tiers: Gold". */
export function scopeWords(filters: FilterState): string {
  if (isUnfiltered({ ...filters, dateFrom: null, dateTo: null })) return 'All data';
  const parts: string[] = [];
  if (filters.categories.length) parts.push(`Categories: ${filters.categories.join(', ')}`);
  if (filters.tiers.length) parts.push(`Tiers: ${filters.tiers.map(tierWord).join(', ')}`);
  if (filters.regions.length) parts.push(`Regions: ${filters.regions.join(', ')}`);
  if (filters.segment) parts.push(`Segment: ${filters.segment}`);
  if (filters.cohort) parts.push(`Cohort: ${filters.cohort}`);
  return parts.join(' · ') || 'All data';
}

/** The widgets of `self`'s dashboard on the page, in document order, `self` left out. */
function dashboardWidgets(self: MktWidget<unknown>): MktWidget<unknown>[] {
  return [...document.querySelectorAll('*')].filter(
    (el): el is MktWidget<unknown> => el instanceof MktWidget && el !== self && el.dashboard === self.dashboard,
  );
}

/** The charts on screen, as the widgets' own SVG export makes them (widgets without a chart are left out). */
export function dashboardCharts(self: MktWidget<unknown>, limit: number): ReportChart[] {
  const charts: ReportChart[] = [];
  for (const w of dashboardWidgets(self)) {
    if (charts.length >= limit) break;
    let svg: string;
    try {
      svg = w.exportSvg();
    } catch {
      continue; // No chart on screen: the KPIs, the filter bar, a table, an empty or loading view.
    }
    charts.push({ title: w.shadowRoot?.querySelector('[part~="heading"]')?.textContent?.trim() || w.localName, svg });
  }
  return charts;
}

/**
 * The ranked findings of the dashboard's `<mkt-insights>` (its public `findings`), or null when the page has none.
 * Its plain insights become ranked findings (`fromInsight`); ranked ones are kept as they are.
 */
export function dashboardFindings(self: MktWidget<unknown>): RankedFinding[] | null {
  const insights = dashboardWidgets(self).find((w) => w.localName === 'mkt-insights') as
    (MktWidget<unknown> & { readonly findings?: readonly (Finding | RankedFinding)[] }) | undefined;
  if (!insights) return null;
  return (insights.findings ?? []).map((x) => ('size' in x ? x : fromInsight(x)));
}

/** Everything the report shows, under `filters`. */
export function reportInput(
  kpis: KpiResult,
  filters: FilterState,
  findings: readonly RankedFinding[] | null,
  charts: readonly ReportChart[],
  f: Formatter,
  title: string,
): ReportInput {
  const { current, prior } = kpis.periods;
  return {
    title,
    scope: scopeWords(filters),
    period: current,
    prior: prior.to < kpis.dataStart ? null : prior,
    generated: f.date(new Date()),
    kpis: kpis.kpis.map(({ label, value, prior: p, change, kind, note }) => ({
      label,
      value,
      prior: p,
      change,
      kind,
      ...(note ? { note } : {}),
    })),
    findings: findings ?? [],
    ...(findings === null ? { findingsUnavailable: 'No findings: the page has no <mkt-insights>.' } : {}),
    charts,
  };
}
