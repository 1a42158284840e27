import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn } from '../base/attribute-check.js';
import { isUnfiltered, type FilterState } from '../../data/filter-state.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import type { Window } from '../../metrics/revenue-trend.js';
import { summaryMarkdown } from '../../models/insights.js';
import type { RankedFinding } from '../../models/findings.js';
import { allFindings, supportInWords } from '../../models/finding-sources.js';
import { findingInputs } from './finding-queries.js';
import { insightsStyles } from './mkt-insights.styles.js';
import { tierWord } from '../../format/tier.js';

export interface InsightsResult {
  readonly window: Window;
  readonly findings: readonly RankedFinding[];
  /** The analyses that could not run, in words ("campaign returns (no campaigns table)"). */
  readonly skipped: readonly string[];
  /** The filters the findings were computed under. */
  readonly filters: FilterState;
}

/**
 * Plain-language findings under the current filters, ranked across every analysis by one score (weight × magnitude
 * × reach; see `src/models/findings.ts`): GMV vs the prior period and the category leading the move, seller churn
 * by category, late shipments by seller tier (tested against the other tiers), conversion by category, the customer
 * segment with an outsized share, the biggest category and region, concentration of customers' and sellers' GMV,
 * a category whose returns rose, a customer cohort that churns more, a campaign whose return is an outlier and a
 * tier whose CSAT fell. Each finding gives its size and how sure it is in plain words (the test or interval behind
 * it, adjusted for the groups compared; a candidate that fails its test is not shown), and a button that filters
 * the dashboard to what it is about. Analyses whose optional table is missing (campaigns, support tickets) are
 * skipped and named. The same findings download as a Markdown executive summary. When the filters change, a
 * polite live region announces how many findings there are and the first one.
 *
 * @summary Ranked plain-language findings, each a link to its view, downloadable as a Markdown summary.
 * @fires mkt-filter-change - A finding's "Show" button was pressed.
 * @csspart card - The widget's frame.
 * @csspart finding - One finding: its sentence, its size and support, its button.
 * @csspart download - The download link.
 */
@customElement('mkt-insights')
export class MktInsights extends MktWidget<InsightsResult> {
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override readonly queryPriority = 'background' as const;
  protected override readonly memoResults = true;
  static override styles = [...MktWidget.styles, insightsStyles];

  /** Largest number of findings shown (and written to the summary). */
  @property({ type: Number }) limit = 6;

  private downloadUrl: string | null = null;

  private get shown(): number {
    return this.validAttribute('limit', this.limit, integerIn(1, 50), 6, 'a whole number from 1 to 50');
  }

  /** The findings for the current filters, highest score first. */
  get findings(): readonly RankedFinding[] {
    return this.task.value?.findings ?? [];
  }

  protected override async query(context: QueryContext): Promise<InsightsResult> {
    const { filters, dashboard } = context;
    const info = dashboard.info!;
    if (!info.minDate || !info.maxDate)
      return { window: { from: '1970-01-01', to: '1970-01-01' }, findings: [], skipped: [], filters };
    const { current } = kpiPeriods(filters, info.minDate, info.maxDate);
    const { findings, skipped } = allFindings(await findingInputs(context, current, this.format), this.format);
    return { window: current, findings, skipped, filters };
  }

  protected override isEmpty(result: InsightsResult): boolean {
    return result.findings.length === 0;
  }

  protected override emptyMessage(): string {
    return 'Nothing stands out under the current filters.';
  }

  /** A short summary for the live region. */
  private announcement(): string {
    const r = this.task.value;
    if (!r) return '';
    const shown = r.findings.slice(0, this.shown);
    if (shown.length === 0) return 'Insights updated: nothing stands out under the current filters.';
    return `Insights updated: ${shown.length} ${shown.length === 1 ? 'finding' : 'findings'}. First: ${shown[0].text}.`;
  }

  /** The scope line of the summary: the filters in words. */
  private scope(r: InsightsResult): string {
    const f = this.format;
    const parts = [`${f.date(r.window.from)} – ${f.date(r.window.to)}`];
    const flt = r.filters;
    if (flt.categories.length) parts.push(`categories: ${flt.categories.join(', ')}`);
    if (flt.tiers.length) parts.push(`tiers: ${flt.tiers.map(tierWord).join(', ')}`);
    if (flt.regions.length) parts.push(`regions: ${flt.regions.join(', ')}`);
    if (flt.segment) parts.push(`segment: ${flt.segment}`);
    if (flt.cohort) parts.push(`cohort: ${flt.cohort}`);
    return `${isUnfiltered(flt) ? 'All data' : 'Filtered'}, ${parts.join('; ')}`;
  }

  /** The executive summary of the current findings, as Markdown. */
  markdown(): string {
    const r = this.task.value;
    if (!r) return '';
    return summaryMarkdown(r.findings.slice(0, this.shown), this.scope(r), this.format.date(new Date()));
  }

  private download(e: Event) {
    const link = e.currentTarget as HTMLAnchorElement;
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = URL.createObjectURL(new Blob([this.markdown()], { type: 'text/markdown;charset=utf-8' }));
    link.href = this.downloadUrl;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = null;
  }

  protected override renderControls() {
    // Lives in the header, which stays in place across loading states, so screen readers hear each change.
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement()}
      </div>
      ${
        this.task.value && this.task.value.findings.length > 0
          ? html`<a
              class="download"
              part="download"
              href="#"
              download="executive-summary.md"
              @click=${(e: Event) => this.download(e)}
              >Download summary (.md)</a
            >`
          : nothing
      }`;
  }

  protected override exportTable(result: InsightsResult): ExportTable {
    return {
      columns: ['Rank', 'Finding', 'Kind', 'Score', 'Size', 'Support', 'From', 'To'],
      rows: result.findings.map((x, i) => [
        i + 1,
        x.text,
        x.kind,
        x.score,
        x.support ? x.size.text : null,
        x.support?.text ?? null,
        result.window.from,
        result.window.to,
      ]),
    };
  }

  protected override renderResult(result: InsightsResult) {
    return html`<ol class="findings">
        ${result.findings.slice(0, this.shown).map(
          (x) =>
            html`<li class="finding" part="finding" data-kind=${x.kind}>
              <p class="text">${x.text}</p>
              <p class="evidence">
                ${x.support ? html`<span class="size">${x.size.text}.</span> ` : nothing}<span class="support"
                  >${supportInWords(x.support)}</span
                >
              </p>
              ${
                x.filter
                  ? html`<button type="button" class="show" @click=${() => this.changeFilters(x.filter!)}>
                      ${x.filterLabel}
                    </button>`
                  : nothing
              }
            </li>`,
        )}
      </ol>
      ${
        result.skipped.length
          ? html`<p class="data-note" data-note="skipped">Not run: ${result.skipped.join('; ')}.</p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-insights': MktInsights;
  }
}
