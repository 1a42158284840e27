import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleProps } from '../../charts/style-props.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { tableFromColumns, type ExportTable } from '../../charts/export.js';
import { DISCOUNT_RATE, HORIZON_WEEKS, integerIn, oneOf } from '../base/attribute-check.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { treemap } from '../../charts/treemap.js';
import { categorical } from '../../charts/palette.js';
import { isUnfiltered } from '../../data/filter-state.js';
import { RFM_SEGMENTS } from '../../metrics/rfm.js';
import { customerModelsOf } from '../../data/customer-models.js';
import { largestChart } from '../clv/chart-svg.js';
import type { RfmSegmentsStats, ScoreTie, SegmentStats } from './rfm-stats.js';
import { warningsBox } from '../base/warnings.js';
import { rfmSegmentsStyles } from './mkt-rfm-segments.styles.js';

export type { SegmentStats } from './rfm-stats.js';
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
    const { isValid, fallback, expectation } = HORIZON_WEEKS;
    return this.validAttribute('horizon-weeks', this.horizonWeeks, isValid, fallback, expectation);
  }

  private get rate(): number {
    const { isValid, fallback, expectation } = DISCOUNT_RATE;
    return this.validAttribute('discount-rate', this.discountRate, isValid, fallback, expectation);
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

  /** The chart to export, found without forcing a layout (see largestChart). */
  protected override exportChart(): SVGSVGElement | null {
    return largestChart(this.renderRoot);
  }

  protected override isEmpty(result: RfmSegmentsResult): boolean {
    return result.segments.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No customer has a completed order under the current filters.';
  }

  protected override renderControls() {
    const pressed = (m: string) => (this.how === m ? 'true' : 'false');
    return html`<div class="segmented" role="group" aria-label="Segmentation method">
        <button type="button" aria-pressed=${pressed('rules')} @click=${() => (this.method = 'rules')}>Rules</button>
        <button type="button" aria-pressed=${pressed('kmeans')} @click=${() => (this.method = 'kmeans')}>
          K-means
        </button>
      </div>
      ${
        this.how === 'kmeans'
          ? html`<label class="k"
              >k
              <select
                aria-label="Number of clusters"
                @change=${(e: Event) => (this.k = Number((e.target as HTMLSelectElement).value))}
              >
                ${[0, 3, 4, 5, 6].map((k) => html`<option value=${k} ?selected=${this.clusters === k}>${k === 0 ? 'auto' : k}</option>`)}
              </select></label
            >`
          : nothing
      }`;
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
    if (name === 'Others') return OTHERS_COLOUR;
    const index =
      result.method === 'rules' ? RFM_SEGMENTS.indexOf(name) : result.segments.findIndex((s) => s.name === name);
    return PALETTE[index % PALETTE.length];
  }

  /** The segments as in the table below the treemap, with raw numbers (no "Table" toggle: the table is always shown). */
  protected override exportTable(result: RfmSegmentsResult): ExportTable {
    const view = this.segmentView(result);
    return tableFromColumns(view.columns, view.rows);
  }

  private segmentView(result: RfmSegmentsResult): DataView<SegmentStats> {
    const f = this.format;
    const n = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
    return {
      caption: `Customers by ${result.method === 'kmeans' ? 'cluster' : 'RFM segment'}`,
      rows: result.segments,
      columns: [
        { label: 'Segment', value: (s) => s.name },
        { label: 'Customers', value: (s) => f.count(s.customers), raw: (s) => s.customers, numeric: true },
        { label: 'Revenue', value: (s) => f.money(s.revenue), raw: (s) => s.revenue, numeric: true },
        {
          label: 'Revenue share',
          value: (s) => f.percent(s.revenueShare, 1),
          raw: (s) => s.revenueShare,
          numeric: true,
        },
        {
          label: 'Mean CLV',
          value: (s) => f.money(Number.isFinite(s.avgClv) ? s.avgClv : null),
          raw: (s) => s.avgClv,
          numeric: true,
        },
        { label: 'Mean purchases', value: (s) => n(s.avgFrequency), raw: (s) => s.avgFrequency, numeric: true },
        { label: 'Mean days since last', value: (s) => n(s.avgRecency), raw: (s) => s.avgRecency, numeric: true },
      ],
    };
  }

  protected override renderResult(result: RfmSegmentsResult) {
    const f = this.format;
    const active = this.activeSegment;
    const clickable = result.method === 'rules';
    const width = this.size.drawWidth;
    const height = Math.round(Math.min(320, Math.max(200, width * 0.5)));
    const label = (s: SegmentStats) =>
      `${s.name}: ${f.count(s.customers)} ${s.customers === 1 ? 'customer' : 'customers'}, ${f.percent(s.revenueShare)} of revenue${clickable ? (active === s.name ? '. Active filter; press to clear' : '. Press to filter the dashboard') : ''}`;
    return html`${
        result.method === 'rules'
          ? warningsBox(
              result.ties.map((t) => this.tieText(t)),
              'ties',
            )
          : nothing
      }
      ${warningsBox(result.fitWarnings, 'fit')}
      <div class="layout">
        ${treemap(
          result.segments.map((s) => ({
            key: s.name,
            name: s.name,
            value: s.customers,
            color: this.colour(result, s.name),
            text: `${f.compact(s.customers)} · ${f.percent(s.revenueShare, 0)}`,
            label: label(s),
          })),
          {
            width,
            height,
            label: `Treemap of ${result.customers} customers by segment`,
            select: clickable ? { selected: active, toggle: (name) => this.pick(name) } : undefined,
          },
        )}
        <div class="table-wrap">${this.renderTable(result)}</div>
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

  /** Why a score cannot separate most customers (see ScoreTie): equal values get equal scores. */
  private tieText(tie: ScoreTie): string {
    const f = this.format;
    const range = (format: (v: number) => string) =>
      tie.min === tie.max ? format(tie.min) : `${format(tie.min)}–${format(tie.max)}`;
    const what = {
      recency: `last bought ${range((v) => f.count(v))} days before the end`,
      frequency: `bought on ${range((v) => f.count(v))} ${tie.max === 1 ? 'day' : 'days'}`,
      monetary: `spent ${range((v) => f.money(v))}`,
    }[tie.score];
    const letter = tie.score === 'recency' ? 'R' : tie.score === 'frequency' ? 'F' : 'M';
    const name = tie.score[0].toUpperCase() + tie.score.slice(1);
    return `${name} cannot tell ${f.percent(tie.share, 1)} of these customers apart: they ${what} and all score ${letter} = ${tie.value}. Equal values get equal scores, so the rules separate them by the other two scores only.`;
  }

  private renderTable(result: RfmSegmentsResult) {
    const f = this.format;
    const active = this.activeSegment;
    const clickable = result.method === 'rules';
    const days = (v: number) => `${Math.round(v)} d`;
    return html`<table class="data" part="table">
      <caption class="visually-hidden">
        Customer segments
      </caption>
      <thead>
        <tr>
          <th scope="col">Segment</th>
          <th scope="col" class="num">Customers</th>
          <th scope="col" class="num">Revenue share</th>
          <th scope="col" class="num">Avg CLV</th>
          <th scope="col" class="num">Avg purchase days</th>
          <th scope="col" class="num">Avg recency</th>
        </tr>
      </thead>
      <tbody>
        ${result.segments.map(
          (s) =>
            html`<tr class=${active === s.name ? 'active' : ''} data-segment=${s.name}>
              <td>
                ${
                  clickable
                    ? html`<button
                        type="button"
                        aria-pressed=${active === s.name ? 'true' : 'false'}
                        @click=${() => this.pick(s.name)}
                      >
                        <span class="swatch" ${styleProps({ background: this.colour(result, s.name) })}></span>${s.name}
                      </button>`
                    : html`<span
                          class="swatch"
                          ${styleProps({ background: this.colour(result, s.name), display: 'inline-block' })}
                        ></span>
                        ${s.name}`
                }
              </td>
              <td class="num">${f.count(s.customers)}</td>
              <td class="num">${f.percent(s.revenueShare)}</td>
              <td class="num">${f.money(s.avgClv)}</td>
              <td class="num">${s.avgFrequency.toFixed(1)}</td>
              <td class="num">${days(s.avgRecency)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

const PALETTE = categorical;
const OTHERS_COLOUR = '#9aa0a6';
declare global {
  interface HTMLElementTagNameMap {
    'mkt-rfm-segments': MktRfmSegments;
  }
}
