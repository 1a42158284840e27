import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { tierWord } from '../../format/tier.js';
import type { ExportTable } from '../../charts/export.js';
import { integerIn } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { churnPeriods, DEFAULT_CHURN_DAYS, type ChurnRow } from '../../metrics/seller-churn.js';
import type { Window } from '../../metrics/revenue-trend.js';
import { SELLER_TIERS } from '../../schema/tables.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { bars } from '../../charts/bars.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { sellerChurnStyles } from './mkt-seller-churn.styles.js';
import { named } from '../../queries/registry.js';

export interface ChurnTier extends ChurnRow {
  /** churned / active; null when no seller of the tier was active before the last N days. */
  readonly rate: number | null;
}

export interface SellerChurnResult {
  readonly days: number;
  readonly periods: { readonly base: Window; readonly recent: Window } | null;
  readonly tiers: readonly ChurnTier[];
}

const ROW = 30;

/**
 * Seller churn rate by seller tier. A seller **churned** when they made a completed sale in the filtered window
 * before its last N days (`days`, default 60) and none in those last N days; the rate is churned sellers /
 * sellers active before the last N days. The account `status` column is not used: it describes the end of the
 * data, not the window. The other filters narrow which sales count (with a category filter, churn means "stopped
 * selling in that category"). Needs a window longer than N days.
 *
 * @summary Seller churn rate by tier over the last N days of the window.
 * @csspart card - The widget's frame.
 * @csspart table - The data behind the bars (for screen readers).
 * @cssprop --mkt-negative - Colour of the bars.
 */
@customElement('mkt-seller-churn')
export class MktSellerChurn extends MktWidget<SellerChurnResult> {
  static override styles = [...MktWidget.styles, chartStyles, sellerChurnStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** N: a seller without a completed sale in the window's last N days has churned. */
  @property({ type: Number, reflect: true }) days = DEFAULT_CHURN_DAYS;

  private readonly size = new SizeController(this);

  private get n(): number {
    return this.validAttribute(
      'days',
      this.days,
      integerIn(1, 365),
      DEFAULT_CHURN_DAYS,
      'a whole number of days from 1 to 365',
    );
  }

  protected override queryArgs() {
    return [this.n];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<SellerChurnResult> {
    const info = dashboard.info!;
    const days = this.n;
    if (!info.minDate || !info.maxDate) return { days, periods: null, tiers: [] };
    const periods = churnPeriods(kpiPeriods(filters, info.minDate, info.maxDate).current, days);
    if (!periods) return { days, periods, tiers: [] };
    const found = rows<ChurnRow>(await engine.query(named('sellerChurn', filters, periods), signal));
    const order = (t: string) => ((SELLER_TIERS as readonly string[]).indexOf(t) + 99) % 99;
    const tiers = found
      .map((r) => ({ ...r, rate: r.active > 0 ? r.churned / r.active : null }))
      .sort((a, b) => order(a.tier) - order(b.tier) || a.tier.localeCompare(b.tier));
    return { days, periods, tiers };
  }

  protected override isEmpty(result: SellerChurnResult): boolean {
    return result.tiers.length === 0;
  }

  protected override emptyMessage(): string {
    const result = this.task.value;
    if (result && !result.periods)
      return `The window is ${this.n} days or shorter: churn over its last ${this.n} days needs a longer window.`;
    return 'No seller made a completed sale before the last days of the window.';
  }

  protected override exportTable(result: SellerChurnResult): ExportTable {
    return {
      columns: ['Tier', 'Churn rate', 'Churned', 'Active before', 'Days'],
      rows: result.tiers.map((t) => [tierWord(t.tier), t.rate, t.churned, t.active, result.days]),
    };
  }

  protected override renderResult(result: SellerChurnResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const p = result.periods!;
    return html`
      ${bars(
        result.tiers.map((t) => ({
          key: t.tier,
          label: tierWord(t.tier),
          value: t.rate,
          text: `${f.percent(t.rate, 1)} · ${f.count(t.churned)} of ${f.count(t.active)}`,
        })),
        {
          width,
          rowHeight: ROW,
          labelWidth: 64,
          valueWidth: Math.min(150, Math.round(width * 0.4)),
          minMax: 0.05,
          track: true,
          label: null,
        },
      )}
      <div class="visually-hidden">
        ${dataTable(
          `Seller churn by tier, last ${result.days} days`,
          [
            { label: 'Tier', value: (t: ChurnTier) => tierWord(t.tier) },
            { label: 'Churn rate', value: (t: ChurnTier) => f.percent(t.rate, 1), numeric: true },
            { label: 'Churned', value: (t: ChurnTier) => f.count(t.churned), numeric: true },
            { label: 'Active before', value: (t: ChurnTier) => f.count(t.active), numeric: true },
          ],
          result.tiers,
        )}
      </div>
      <p class="definition">
        Churned: a completed sale between ${f.date(p.base.from)} and ${f.date(p.base.to)}, none in the last
        ${result.days} days (${f.date(p.recent.from)} – ${f.date(p.recent.to)}). Rate = churned / sellers active before.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-seller-churn': MktSellerChurn;
  }
}
