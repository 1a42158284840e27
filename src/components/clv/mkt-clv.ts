import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { ExportTable } from '../../charts/export.js';
import { DISCOUNT_RATE, HORIZON_WEEKS } from '../base/attribute-check.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { boxPlot } from '../../charts/box-plot.js';
import { dataTable, numberColumn } from '../../charts/data-table.js';
import { categorical, OTHER_COLOUR } from '../../charts/palette.js';
import { SizeController } from '../../charts/size-controller.js';
import { RFM_SEGMENTS } from '../../metrics/rfm.js';
import { customerModelsOf } from '../../data/customer-models.js';
import type { ClvSegment, ClvSummary } from '../../models/customer-analysis.js';
import { clvStyles } from './mkt-clv.styles.js';
import { warningsBox } from '../base/warnings.js';

export type { ClvSegment } from '../../models/customer-analysis.js';
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
    return this.validOption('horizon-weeks', this.horizonWeeks, HORIZON_WEEKS);
  }

  private get rate(): number {
    return this.validOption('discount-rate', this.discountRate, DISCOUNT_RATE);
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
            numberColumn<ClvSegment>('Customers', (s) => s.customers, f.count),
            numberColumn<ClvSegment>('Mean CLV', (s) => s.mean, f.money),
            numberColumn<ClvSegment>('Median CLV', (s) => s.quantiles[2], f.money),
            numberColumn<ClvSegment>('Total CLV', (s) => s.total, f.moneyCompact),
          ],
          r.segments,
        )}
      </div>
      ${this.renderParams(r)} ${warningsBox(r.fitWarnings, 'fit')}
    `;
  }

  private renderBoxes(r: ClvResult) {
    const width = this.size.drawWidth;
    // The same colours as <mkt-rfm-segments>: one per rule segment, grey for "Others".
    const colour = (name: string) =>
      name === 'Others' ? OTHER_COLOUR : categorical[RFM_SEGMENTS.indexOf(name) % categorical.length];
    return html`<p class="caption">
        CLV per customer by segment: box = quartiles, line = median, whiskers = 5th–95th percentile
      </p>
      ${boxPlot(
        r.segments.map((s) => ({ key: s.name, label: s.name, quantiles: s.quantiles, color: colour(s.name) })),
        {
          width,
          labelWidth: Math.min(130, Math.round(width * 0.34)),
          format: (v) => this.format.moneyCompact(v),
          label: 'Box plot of customer lifetime value by segment; the table below has the numbers',
        },
      )}`;
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

declare global {
  interface HTMLElementTagNameMap {
    'mkt-clv': MktClv;
  }
}
