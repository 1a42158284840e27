import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { tableFromColumns, type ExportTable } from '../../charts/export.js';
import { DISCOUNT_RATE, HORIZON_WEEKS, integerIn, oneOf } from '../base/attribute-check.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { treemap } from '../../charts/treemap.js';
import { categorical, OTHER_COLOUR } from '../../charts/palette.js';
import { isUnfiltered } from '../../data/filter-state.js';
import { RFM_SEGMENTS } from '../../metrics/rfm.js';
import { customerModelsOf } from '../../data/customer-models.js';
import type { RfmSegmentsStats, SegmentStats } from '../../models/rfm-stats.js';
import { warningsBox } from '../base/warnings.js';
import { segmented } from '../base/segmented.js';
import { numberColumn } from '../../charts/data-table.js';
import { segmentTable, tieText } from './segment-table.js';
import { rfmSegmentsStyles } from './mkt-rfm-segments.styles.js';

export type { SegmentStats } from '../../models/rfm-stats.js';
/** What the element renders: the segments (rules or K-means clusters) and, for K-means, how k was chosen. */
export type RfmSegmentsResult = RfmSegmentsStats;

/**
 * Customers grouped by RFM: the rule table of the rfm R package on quintile scores (method `rules`), or K-means
 * on standardised log R, F, M (method `kmeans`, clusters named from their centroids). A treemap sized by customers
 * and a table with each segment's customers, share of revenue, average 52-week CLV (BG/NBD + Gamma-Gamma),
 * average purchase days and average days since the last purchase. Segments are computed over the filtered window;
 * the segment filter itself is ignored here.
 *
 * Clicking a rules segment (tile or table row) filters the whole dashboard to its customers; clicking it again
 * clears the filter. Membership for cross-filtering is computed over all the data (`mkt_customer_segments`), so
 * with other filters active the filtered customers can differ from the ones counted here; the widget says so.
 *
 * @summary RFM segments (rules or K-means) with a treemap and a segment table; click to cross-filter.
 * @fires mkt-filter-change - A segment was clicked: `{ segment }`, or `{ segment: null }` to clear.
 * @fires mkt-error - As every widget (`query-failed`, `attribute-invalid`, `export-failed`); and, once per page,
 *   the warning `worker-unavailable` when the customer models run on the main thread for want of their worker.
 * @csspart card - The widget's frame.
 * @csspart chart - The treemap.
 * @csspart table - The segment table.
 * @csspart warnings - Scores that cannot tell most customers apart; a model fit that did not converge.
 */
@customElement('mkt-rfm-segments')
export class MktRfmSegments extends MktWidget<RfmSegmentsResult> {
  static override styles = [...MktWidget.styles, chartStyles, rfmSegmentsStyles];

  /** A model (K-means): its queries wait behind the aggregates' (see MktWidget). */
  protected override readonly queryPriority = 'background' as const;

  /** `rules` (the RFM rule table) or `kmeans` (data-driven clusters). */
  @property({ reflect: true }) method: 'rules' | 'kmeans' = 'rules';
  /** Number of K-means clusters; 0 chooses it by silhouette over 3..6. */
  @property({ type: Number }) k = 0;
  /** Horizon of the average CLV column, in weeks. */
  @property({ type: Number, attribute: 'horizon-weeks' }) horizonWeeks = 52;
  /** Monthly discount rate of the CLV. */
  @property({ type: Number, attribute: 'discount-rate' }) discountRate = 0.01;

  private readonly size = new SizeController(this);

  private get how(): 'rules' | 'kmeans' {
    return this.validAttribute('method', this.method, oneOf(['rules', 'kmeans'] as const), 'rules', 'rules or kmeans');
  }

  private get clusters(): number {
    const valid = (k: number) => k === 0 || integerIn(2, 10)(k);
    return this.validAttribute('k', this.k, valid, 0, '0 (chosen by silhouette) or a whole number from 2 to 10');
  }

  private get horizon(): number {
    return this.validOption('horizon-weeks', this.horizonWeeks, HORIZON_WEEKS);
  }

  private get rate(): number {
    return this.validOption('discount-rate', this.discountRate, DISCOUNT_RATE);
  }

  protected override queryArgs() {
    return [this.how, this.clusters, this.horizon, this.rate];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<RfmSegmentsResult> {
    const end = filters.dateTo ?? dashboard.info?.maxDate;
    if (!end)
      return { method: this.how, segments: [], customers: 0, k: null, chosenBy: null, ties: [], fitWarnings: [] };
    // Segment statistics, K-means and the CLV join run in a worker, on the fit shared with CLV and churn.
    const result = await customerModelsOf(dashboard).rfm(engine, filters, {
      end,
      ignore: ['segment'],
      horizonWeeks: this.horizon,
      discountRate: this.rate,
      method: this.how,
      k: this.clusters,
    });
    signal.throwIfAborted();
    return result;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Its worker starts loading while DuckDB loads the data.
    this.dashboard?.models?.prepare();
    this.dashboard?.models?.watchFallback(this);
  }

  protected override isEmpty(result: RfmSegmentsResult): boolean {
    return result.segments.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No customer has a completed order under the current filters.';
  }

  protected override renderControls() {
    const methods = [
      ['rules', 'Rules'],
      ['kmeans', 'K-means'],
    ] as const;
    const k = html`<label class="k"
      >k
      <select
        aria-label="Number of clusters"
        @change=${(e: Event) => (this.k = Number((e.target as HTMLSelectElement).value))}
      >
        ${[0, 3, 4, 5, 6].map((k) => html`<option value=${k} ?selected=${this.clusters === k}>${k === 0 ? 'auto' : k}</option>`)}
      </select></label
    >`;
    return html`${segmented('Segmentation method', methods, this.how, (m) => (this.method = m))}
    ${this.how === 'kmeans' ? k : nothing}`;
  }

  private get activeSegment(): string | null {
    return this.dashboard?.filters.segment ?? null;
  }

  /** Rules segments filter the dashboard; a second click on the active one clears it. */
  private pick(name: string): void {
    if (this.how !== 'rules') return;
    this.changeFilters({ segment: this.activeSegment === name ? null : name });
  }

  /** Ten rule segments need ten distinct colours (the 8 series tokens would repeat); "Others" is grey. */
  private colour(result: RfmSegmentsResult, name: string): string {
    if (name === 'Others') return OTHER_COLOUR;
    const index =
      result.method === 'rules' ? RFM_SEGMENTS.indexOf(name) : result.segments.findIndex((s) => s.name === name);
    return categorical[index % categorical.length];
  }

  /** The segments as in the table below the treemap, with raw numbers (no "Table" toggle: the table is always shown). */
  protected override exportTable(result: RfmSegmentsResult): ExportTable {
    const view = this.segmentView(result);
    return tableFromColumns(view.columns, view.rows);
  }

  private segmentView(result: RfmSegmentsResult): DataView<SegmentStats> {
    const f = this.format;
    const n = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(1) : '–');
    return {
      caption: `Customers by ${result.method === 'kmeans' ? 'cluster' : 'RFM segment'}`,
      rows: result.segments,
      columns: [
        { label: 'Segment', value: (s) => s.name },
        numberColumn('Customers', (s) => s.customers, f.count),
        numberColumn('Revenue', (s) => s.revenue, f.money),
        numberColumn(
          'Revenue share',
          (s) => s.revenueShare,
          (v) => f.percent(v, 1),
        ),
        numberColumn(
          'Mean CLV',
          (s) => s.avgClv,
          (v) => f.money(Number.isFinite(v) ? v : null),
        ),
        numberColumn('Mean purchases', (s) => s.avgFrequency, n),
        numberColumn('Mean days since last', (s) => s.avgRecency, n),
      ],
    };
  }

  protected override renderResult(result: RfmSegmentsResult) {
    const f = this.format;
    const active = this.activeSegment;
    const clickable = result.method === 'rules';
    const width = this.size.drawWidth;
    const label = (s: SegmentStats) =>
      `${s.name}: ${f.count(s.customers)} ${s.customers === 1 ? 'customer' : 'customers'}, ${f.percent(s.revenueShare)} of revenue${clickable ? (active === s.name ? '. Active filter; press to clear' : '. Press to filter the dashboard') : ''}`;
    const tiles = result.segments.map((s) => {
      const color = this.colour(result, s.name);
      const text = `${f.compact(s.customers)} · ${f.percent(s.revenueShare, 0)}`;
      return { key: s.name, name: s.name, value: s.customers, color, text, label: label(s) };
    });
    const chart = treemap(tiles, {
      width,
      height: Math.round(Math.min(320, Math.max(200, width * 0.5))),
      label: `Treemap of ${result.customers} customers by segment`,
      select: clickable ? { selected: active, toggle: (name) => this.pick(name) } : undefined,
    });
    return html`${
        result.method === 'rules'
          ? warningsBox(
              result.ties.map((t) => tieText(t, f)),
              'ties',
            )
          : nothing
      }
      ${warningsBox(result.fitWarnings, 'fit')}
      <div class="layout">
        ${chart}
        <div class="table-wrap">
          ${segmentTable(result.segments, {
            active: this.activeSegment,
            clickable: result.method === 'rules',
            colour: (name) => this.colour(result, name),
            pick: (name) => this.pick(name),
            format: f,
          })}
        </div>
      </div>
      ${
        result.method === 'kmeans'
          ? html`<p class="note">
              K-means on standardised log recency, frequency and monetary value; k =
              ${result.k}${result.chosenBy === 'silhouette' ? ' (best mean silhouette over 3–6 on a sample)' : ''}.
              Clusters are not a dashboard filter.
            </p>`
          : this.dashboard && !isUnfiltered({ ...this.dashboard.filters, segment: null })
            ? html`<p class="note">
                Segments here are computed over the filtered data; clicking one filters by each customer's segment over
                all the data.
              </p>`
            : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-rfm-segments': MktRfmSegments;
  }
}
