import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { isUnfiltered, type FilterState } from '../../data/filter-state.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { categoryChangeSql, sellerChurnByCategorySql } from '../../metrics/insights.js';
import { churnPeriods, DEFAULT_CHURN_DAYS } from '../../metrics/seller-churn.js';
import { rfmSegmentSummarySql } from '../../metrics/rfm.js';
import { whatIfOrdersSql, whatIfSessionsSql } from '../../metrics/what-if.js';
import { regionSql } from '../../metrics/geo.js';
import type { Window } from '../../metrics/revenue-trend.js';
import {
  conversionFinding,
  gmvChangeFinding,
  lateRateFinding,
  rank,
  segmentFinding,
  sellerChurnFinding,
  shareFinding,
  summaryMarkdown,
  type Finding,
} from '../../models/insights.js';
import { insightsStyles } from './mkt-insights.styles.js';
import { tierWord } from '../../format/tier.js';

export interface InsightsResult {
  readonly window: Window;
  readonly findings: readonly Finding[];
  /** The filters the findings were computed under. */
  readonly filters: FilterState;
}

type Slice = { dim: string; slice: string };

/**
 * Plain-language findings under the current filters, ranked by importance (weight × magnitude × reach; the scoring
 * is documented in `src/models/insights.ts`): GMV vs the prior period and the category leading the move, the
 * category with unusual seller churn, the seller tier furthest over the 4% late-shipment target, the category
 * whose conversion stands out, the customer segment holding an outsized share of revenue, and the biggest
 * category and region. Each finding has a button that filters the dashboard to what it is about. The same
 * findings download as a Markdown executive summary. When the filters change, a polite live region announces how
 * many findings there are and the first one.
 *
 * @summary Ranked plain-language findings, each a link to its view, downloadable as a Markdown summary.
 * @fires mkt-filter-change - A finding's "Show" button was pressed.
 * @csspart card - The widget's frame.
 * @csspart finding - One finding.
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
  get findings(): readonly Finding[] {
    return this.task.value?.findings ?? [];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<InsightsResult> {
    const info = dashboard.info!;
    if (!info.minDate || !info.maxDate)
      return { window: { from: '1970-01-01', to: '1970-01-01' }, findings: [], filters };
    const { current, prior } = kpiPeriods(filters, info.minDate, info.maxDate);
    const run = <R extends Record<string, unknown>>(sql: string) => engine.query(sql, signal).then((t) => rows<R>(t));
    const periods = churnPeriods(current, DEFAULT_CHURN_DAYS);
    const f = this.format;
    const [change, churn, orders, sessions, segments, regions] = await Promise.all([
      prior.to >= info.minDate
        ? run<{ category: string; gmv: number; gmv_prior: number }>(categoryChangeSql(filters, current, prior))
        : Promise.resolve([]),
      periods
        ? run<{ category: string; active: number; churned: number }>(sellerChurnByCategorySql(filters, periods))
        : Promise.resolve([]),
      run<Slice & { gmv: number; shipped: number; late: number }>(whatIfOrdersSql(filters)),
      info.tables.has('mkt_sessions')
        ? run<Slice & { sessions: number; purchases: number }>(whatIfSessionsSql(filters))
        : Promise.resolve([]),
      run<{ segment: string; customers: number; revenue: number }>(rfmSegmentSummarySql(filters)),
      run<{ region: string; gmv: number }>(regionSql(filters)),
    ]);
    const by = <R extends Slice>(list: readonly R[], dim: string) => list.filter((r) => r.dim === dim);
    const findings = rank([
      gmvChangeFinding(change, f),
      sellerChurnFinding(churn, f),
      lateRateFinding(
        by(orders, 'tier').map((r) => ({ tier: r.slice, shipped: r.shipped, late: r.late })),
        f,
      ),
      conversionFinding(
        by(sessions, 'category').map((r) => ({ category: r.slice, sessions: r.sessions, purchases: r.purchases })),
        f,
        30,
      ),
      segmentFinding(segments, f),
      shareFinding(
        'category-share',
        by(orders, 'category').map((r) => ({ name: r.slice, gmv: r.gmv })),
        f,
      ),
      // The region filter narrows to one region, whose share would be 100%: the region mix only without it.
      filters.regions.length === 0
        ? shareFinding(
            'region-share',
            regions.map((r) => ({ name: r.region, gmv: r.gmv })),
            f,
          )
        : null,
    ]);
    return { window: current, findings, filters };
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
      columns: ['Rank', 'Finding', 'Kind', 'Score', 'From', 'To'],
      rows: result.findings.map((x, i) => [i + 1, x.text, x.kind, x.score, result.window.from, result.window.to]),
    };
  }

  protected override renderResult(result: InsightsResult) {
    return html`<ol class="findings">
      ${result.findings.slice(0, this.shown).map(
        (x) =>
          html`<li class="finding" part="finding" data-kind=${x.kind}>
            <p class="text">${x.text}</p>
            ${x.link ? html`<button type="button" class="show" @click=${() => this.changeFilters(x.link!)}>${x.linkLabel}</button>` : nothing}
          </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-insights': MktInsights;
  }
}
