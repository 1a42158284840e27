import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { scaleBand, scaleLinear, schemeTableau10 } from 'd3';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { DISCOUNT_RATE, HORIZON_WEEKS } from '../base/attribute-check.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { axisBottom } from '../../charts/axes.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { RFM_SEGMENTS } from '../../metrics/rfm.js';
import { customerModelsOf } from '../../data/customer-models.js';
import { largestChart } from './chart-svg.js';
import type { ClvSegment, ClvSummary } from './customer-analysis.js';
import { clvStyles } from './mkt-clv.styles.js';
import { warningsBox } from '../base/warnings.js';

export type { ClvSegment } from './customer-analysis.js';
/** What the element renders: totals, the fitted models and the CLV distribution per RFM segment. */
export type ClvResult = ClvSummary;

/**
 * Customer lifetime value from the "buy till you die" models, fitted in the browser on the filtered customers:
 * BG/NBD (Fader, Hardie & Lee 2005) for the number of future purchases and P(alive), Gamma-Gamma (Fader &
 * Hardie 2013) for the value of a purchase. The calibration period is the filtered window, in weeks; order lines
 * of one day are one purchase. Each customer gets expected purchases over `horizon-weeks`, P(alive), expected
 * spend and a CLV discounted monthly at `discount-rate` (lifetimes' method: months of 4.345 weeks). Shown: the
 * fitted parameters, totals, and the CLV distribution per RFM segment (box: quartiles and median; whiskers: 5th
 * to 95th percentile, so that a few whales do not flatten the boxes).
 *
 * @summary Customer lifetime value (BG/NBD + Gamma-Gamma) by segment.
 * @fires mkt-error - As every widget (`query-failed`, `attribute-invalid`, `export-failed`); and, once per page,
 *   the warning `worker-unavailable` when the customer models run on the main thread for want of their worker.
 * @csspart card - The widget's frame.
 * @csspart chart - The box plot.
 * @csspart table - The table of segments.
 * @csspart warnings - A fit that did not converge, or parameters the customers leave undetermined.
 */
@customElement('mkt-clv')
export class MktClv extends MktWidget<ClvResult> {
  static override styles = [...MktWidget.styles, chartStyles, clvStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;
  /** A model: its queries wait behind the aggregates' (see MktWidget). */
  protected override readonly queryPriority = 'background' as const;

  /** Horizon of the expected purchases and the CLV, in weeks. */
  @property({ type: Number, attribute: 'horizon-weeks' }) horizonWeeks = 52;
  /** Monthly discount rate of the CLV (0.01 = 1 % a month). */
  @property({ type: Number, attribute: 'discount-rate' }) discountRate = 0.01;

  private readonly size = new SizeController(this);

  private get horizon(): number {
    const { isValid, fallback, expectation } = HORIZON_WEEKS;
    return this.validAttribute('horizon-weeks', this.horizonWeeks, isValid, fallback, expectation);
  }

  private get rate(): number {
    const { isValid, fallback, expectation } = DISCOUNT_RATE;
    return this.validAttribute('discount-rate', this.discountRate, isValid, fallback, expectation);
  }

  protected override queryArgs() {
    return [this.horizon, this.rate];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<ClvResult> {
    const end = filters.dateTo ?? dashboard.info?.maxDate;
    const empty: ClvResult = {
      customers: 0,
      bgnbd: null,
      gammaGamma: null,
      problem: null,
      fitWarnings: [],
      totalClv: 0,
      meanClv: NaN,
      meanPAlive: NaN,
      expectedPurchases: NaN,
      segments: [],
      ms: 0,
    };
    if (!end) return empty;
    // Fit, predictions and the per-segment distribution run in a worker; here only the small result arrives.
    const result = await customerModelsOf(dashboard).clv(engine, filters, {
      end,
      horizonWeeks: this.horizon,
      discountRate: this.rate,
    });
    signal.throwIfAborted();
    return result.customers === 0 ? empty : result;
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

  protected override isEmpty(result: ClvResult): boolean {
    return result.customers === 0;
  }

  protected override emptyMessage(): string {
    return 'No customer has a completed order under the current filters.';
  }

  protected override exportTable(r: ClvResult): ExportTable | null {
    if (r.problem) return null;
    return {
      columns: ['Segment', 'Customers', 'Mean CLV', 'Total CLV', 'P5', 'P25', 'Median', 'P75', 'P95'],
      rows: r.segments.map((s) => [s.name, s.customers, s.mean, s.total, ...s.quantiles]),
    };
  }

  protected override renderResult(r: ClvResult) {
    const f = this.format;
    if (r.problem) return this.message('notice', `${r.problem} (${f.count(r.customers)} customers in the window.)`);
    const weeks = this.horizon;
    return html`
      <ul class="tiles">
        <li data-tile="customers">
          <span class="label">Customers</span><span class="value">${f.count(r.customers)}</span>
        </li>
        <li data-tile="total">
          <span class="label">CLV, ${weeks} weeks</span><span class="value">${f.moneyCompact(r.totalClv)}</span>
        </li>
        <li data-tile="mean"><span class="label">Mean CLV</span><span class="value">${f.money(r.meanClv)}</span></li>
        <li data-tile="alive">
          <span class="label">Mean P(alive)</span><span class="value">${f.percent(r.meanPAlive)}</span>
        </li>
        <li data-tile="purchases">
          <span class="label">Expected purchases</span><span class="value">${f.compact(r.expectedPurchases)}</span>
        </li>
      </ul>
      ${this.renderBoxes(r)}
      <div class="table-wrap">
        ${dataTable(
          'CLV by segment',
          [
            { label: 'Segment', value: (s: ClvSegment) => s.name },
            { label: 'Customers', value: (s: ClvSegment) => f.count(s.customers), numeric: true },
            { label: 'Mean CLV', value: (s: ClvSegment) => f.money(s.mean), numeric: true },
            { label: 'Median CLV', value: (s: ClvSegment) => f.money(s.quantiles[2]), numeric: true },
            { label: 'Total CLV', value: (s: ClvSegment) => f.moneyCompact(s.total), numeric: true },
          ],
          r.segments,
        )}
      </div>
      ${this.renderParams(r)} ${warningsBox(r.fitWarnings, 'fit')}
    `;
  }

  private renderBoxes(r: ClvResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const labelWidth = Math.min(130, Math.round(width * 0.34));
    const margin = { top: 4, right: 12, bottom: 24, left: labelWidth };
    const rowHeight = 24;
    const height = margin.top + margin.bottom + rowHeight * r.segments.length;
    const max = Math.max(1, ...r.segments.map((s) => s.quantiles[4]));
    const x = scaleLinear()
      .domain([0, max])
      .nice()
      .range([margin.left, width - margin.right]);
    const y = scaleBand<string>()
      .domain(r.segments.map((s) => s.name))
      .range([margin.top, height - margin.bottom])
      .padding(0.3);
    // The same colours as <mkt-rfm-segments>: one per rule segment, grey for "Others".
    const colour = (name: string) => (name === 'Others' ? '#9aa0a6' : schemeTableau10[RFM_SEGMENTS.indexOf(name) % 10]);
    return html`<p class="caption">
        CLV per customer by segment: box = quartiles, line = median, whiskers = 5th–95th percentile
      </p>
      <svg
        part="chart"
        width=${width}
        height=${height}
        viewBox="0 0 ${width} ${height}"
        role="img"
        aria-label="Box plot of customer lifetime value by segment; the table below has the numbers"
      >
        <g transform="translate(0,${height - margin.bottom})">
          ${axisBottom(x, { ticks: Math.max(2, Math.floor(width / 90)), format: (v: number) => f.moneyCompact(v), grid: height - margin.bottom - margin.top })}
        </g>
        ${r.segments.map((s) => {
          const [p5, q1, med, q3, p95] = s.quantiles.map((v) => x(v));
          const top = y(s.name) ?? 0;
          const h = y.bandwidth();
          const mid = top + h / 2;
          const c = colour(s.name);
          return svg`<g class="box" data-segment=${s.name}>
            <text class="segment-label" x=${margin.left - 6} y=${mid} dy="0.32em" text-anchor="end">${truncate(s.name, Math.floor(labelWidth / 6.2))}</text>
            <line x1=${p5} x2=${q1} y1=${mid} y2=${mid} stroke=${c}></line>
            <line x1=${q3} x2=${p95} y1=${mid} y2=${mid} stroke=${c}></line>
            <line x1=${p5} x2=${p5} y1=${top + h * 0.25} y2=${top + h * 0.75} stroke=${c}></line>
            <line x1=${p95} x2=${p95} y1=${top + h * 0.25} y2=${top + h * 0.75} stroke=${c}></line>
            <rect x=${q1} y=${top} width=${Math.max(1, q3 - q1)} height=${h} fill=${c} stroke=${c}></rect>
            <line class="median" x1=${med} x2=${med} y1=${top} y2=${top + h} stroke=${c}></line>
          </g>`;
        })}
      </svg>`;
  }

  private renderParams(r: ClvResult) {
    const bg = r.bgnbd;
    const gg = r.gammaGamma;
    const n = (v: number, d = 3) =>
      v.toLocaleString(this.dashboard?.locale ?? 'en-US', { maximumSignificantDigits: d + 1 });
    return html`<p class="params" data-params>
      ${
        bg
          ? html`BG/NBD: r = ${n(bg.params.r)}, α = ${n(bg.params.alpha)} weeks, a = ${n(bg.params.a)}, b =
            ${n(bg.params.b)} (log-likelihood ${n(bg.logLikelihood, 6)}, ${bg.customers} customers).`
          : nothing
      }
      ${
        gg
          ? html`Gamma-Gamma: p = ${n(gg.params.p)}, q = ${n(gg.params.q)}, v = ${n(gg.params.v)} (${gg.customers}
            repeat buyers; mean spend ${this.format.money(gg.meanSpend)}).`
          : html`Gamma-Gamma: too few repeat buyers; spend = each customer's own mean purchase.`
      }
      Horizon ${this.horizon} weeks, discount ${this.format.percent(this.rate, 1)} a month.
      ${r.customers < 200 ? 'Few customers: the estimates are rough.' : nothing}
    </p>`;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-clv': MktClv;
  }
}
