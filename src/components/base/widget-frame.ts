import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardState } from '../../data/dashboard-state.js';
import type { DataIssue } from '../../data/data-quality.js';
import { DERIVED_TABLES } from '../../data/derived-tables.js';

/** The templates every widget shows around (or instead of) its result: loading, messages, data problems. */

export function skeleton(): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status" aria-label="Loading">
    <span></span><span></span><span></span>
  </div>`;
}

export function message(kind: 'error' | 'empty' | 'notice', text: string): TemplateResult {
  return html`<p class="message ${kind}" part="message" role=${kind === 'error' ? 'alert' : 'status'}>${text}</p>`;
}

const TABLE_WORDS: Record<string, string> = {
  reviews: 'reviews',
  page_events: 'page events (storefront sessions)',
  mkt_sessions: 'page events (storefront sessions)',
  mkt_payments: 'payments',
  campaigns: 'campaigns table',
  support_tickets: 'support tickets',
  mkt_tickets: 'support tickets',
};

/** The tables of `required` the dashboard's data lacks (none while it is unknown). */
export function missingTables(dashboard: DashboardState | undefined, required: readonly string[]): string[] {
  const tables = dashboard?.info?.tables;
  return tables ? required.filter((t) => !tables.has(t)) : [];
}

/** "This dataset has no reviews, which this view needs." */
export function missingTablesMessage(missing: readonly string[]): TemplateResult {
  const words = [...new Set(missing.map((t) => TABLE_WORDS[t] ?? t))].join(' and ');
  return message('notice', `This dataset has no ${words}, which this view needs.`);
}

/** The dashboard's data problems in the tables a widget reads (the raw tables behind the derived ones). */
export function issuesIn(dashboard: DashboardState | undefined, required: readonly string[]): readonly DataIssue[] {
  if (!dashboard || dashboard.status !== 'ready' || dashboard.issues.length === 0) return [];
  const sources = new Set<string>();
  for (const name of required) {
    const derived = DERIVED_TABLES.find((d) => d.name === name);
    for (const t of derived ? derived.needs : [name]) sources.add(t);
  }
  return dashboard.issues.filter((i) => sources.has(i.table));
}

/** The dashboard formats with another locale or currency than the page asked for: every figure is affected. */
export function formatNote(dashboard: DashboardState | undefined): TemplateResult | typeof nothing {
  const notes = dashboard?.formatNotes ?? [];
  return notes.length === 0 ? nothing : html`<p class="issues" part="format-note">${notes.join(' ')}</p>`;
}

/** Data problems (duplicate ids, orphan keys, ...) in what a widget reads: it still works, and says so. */
export function issuesNote(issues: readonly DataIssue[]): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  return html`<details class="issues" part="issues">
    <summary>Data problem${issues.length > 1 ? `s (${issues.length})` : ''}: ${issues[0].message}</summary>
    <ul>
      ${issues.slice(1).map((i) => html`<li>${i.message}</li>`)}
    </ul>
  </details>`;
}
