import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleProps } from '../../charts/style-props.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { tierWord } from '../../format/tier.js';
import { tableToggle } from '../base/table-toggle.js';
import type { ExportTable } from '../../charts/export.js';
import { oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import { TIER_GRANULARITIES, type TierGranularity, type TierRow } from '../../metrics/tier-contribution.js';
import type { Window } from '../../metrics/revenue-trend.js';
import { SELLER_TIERS } from '../../schema/tables.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { dataTable } from '../../charts/data-table.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { stackedBars } from '../../charts/stacked-bars.js';
import { bucketLabel, isPartial, periodEnd, utcDay } from '../../charts/time-format.js';
import { SERIES } from '../base/tokens.styles.js';
import { tierContributionStyles } from './mkt-tier-contribution.styles.js';
import { named } from '../../queries/registry.js';

export interface TierBucket {
  readonly bucket: string;
  /** GMV per tier in this bucket (0 where the tier sold nothing). */
  readonly gmv: Readonly<Record<string, number>>;
  readonly total: number;
}

export interface TierShare {
  readonly tier: string;
  readonly gmv: number;
  /** GMV / all GMV of the window; null when there is none. */
  readonly share: number | null;
}

export interface TierContributionResult {
  readonly window: Window;
  readonly granularity: TierGranularity;
  readonly tiers: readonly string[];
  readonly buckets: readonly TierBucket[];
  readonly shares: readonly TierShare[];
}

const HEIGHT = 220;

/** Groups the per-bucket, per-tier rows into stacked columns and the window's share per tier. */
export function shapeTiers(rowsIn: readonly TierRow[]): {
  tiers: string[];
  buckets: TierBucket[];
  shares: TierShare[];
} {
  const present = new Set(rowsIn.map((r) => r.tier));
  const tiers = [
    ...SELLER_TIERS.filter((t) => present.has(t)),
    ...[...present].filter((t) => !(SELLER_TIERS as readonly string[]).includes(t)).sort(),
  ];
  const byBucket = new Map<string, Record<string, number>>();
  for (const r of rowsIn) {
    const b = byBucket.get(r.bucket) ?? Object.fromEntries(tiers.map((t) => [t, 0]));
    b[r.tier] = (b[r.tier] ?? 0) + r.gmv;
    byBucket.set(r.bucket, b);
  }
  const buckets = [...byBucket.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([bucket, gmv]) => ({ bucket, gmv, total: Object.values(gmv).reduce((a, v) => a + v, 0) }));
  const all = buckets.reduce((a, b) => a + b.total, 0);
  const shares = tiers.map((tier) => {
    const gmv = buckets.reduce((a, b) => a + (b.gmv[tier] ?? 0), 0);
    return { tier, gmv, share: all > 0 ? gmv / all : null };
  });
  return { tiers, buckets, shares };
}

/**
 * GMV of completed order lines by seller tier (gold, silver, bronze, new) per month or week of the filtered
 * window, as stacked bars, with each tier's share of the window's GMV in the legend. Hover a column, or focus the
 * chart and use the arrow keys, to read it; "Table" shows the numbers.
 *
 * @summary GMV by seller tier over time, stacked, with each tier's share.
 * @fires mkt-option-change - The user switched the granularity: `{ option: 'granularity', value }`.
 * @csspart card - The widget's frame.
 * @csspart plot - The focusable chart area.
 * @csspart legend - The legend with the shares.
 * @csspart tooltip - The tooltip.
 * @csspart table - The table view.
 * @cssprop --mkt-series-1 - Colour of the first tier (then --mkt-series-2, ...).
 */
@customElement('mkt-tier-contribution')
export class MktTierContribution extends MktWidget<TierContributionResult> {
  static override styles = [...MktWidget.styles, chartStyles, tierContributionStyles];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** Bar size: `month` (default) or `week`. */
  @property({ reflect: true }) granularity: TierGranularity = 'month';

  @state() private view: 'chart' | 'table' = 'chart';
  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  private get unit(): TierGranularity {
    return this.validAttribute(
      'granularity',
      this.granularity,
      oneOf(TIER_GRANULARITIES),
      'month',
      TIER_GRANULARITIES.join(' or '),
    );
  }

  protected override queryArgs() {
    return [this.unit];
  }

  protected override async query({
    engine,
    filters,
    dashboard,
    signal,
  }: QueryContext): Promise<TierContributionResult> {
    const info = dashboard.info!;
    const granularity = this.unit;
    if (!info.minDate || !info.maxDate)
      return { window: { from: '', to: '' }, granularity, tiers: [], buckets: [], shares: [] };
    const window = kpiPeriods(filters, info.minDate, info.maxDate).current;
    const table = await engine.query(named('tierContribution', filters, window, granularity), signal);
    return { window, granularity, ...shapeTiers(rows<TierRow>(table)) };
  }

  protected override isEmpty(result: TierContributionResult): boolean {
    return result.buckets.length === 0;
  }

  protected override renderControls() {
    const units = TIER_GRANULARITIES.map((g) => [g, g === 'month' ? 'Month' : 'Week'] as const);
    return html`${segmented('Granularity', units, this.unit, (g) => {
      this.granularity = g;
      this.cursor.hide();
      this.dispatchEvent(new MktOptionChangeEvent({ option: 'granularity', value: g }));
    })}
    ${tableToggle(this.view === 'table', () => (this.view = this.view === 'table' ? 'chart' : 'table'))}`;
  }

  private color(result: TierContributionResult, tier: string): string {
    return SERIES[Math.max(0, result.tiers.indexOf(tier)) % SERIES.length];
  }

  protected override exportTable(result: TierContributionResult): ExportTable {
    return {
      columns: [result.granularity === 'month' ? 'Month' : 'Week', ...result.tiers.map(tierWord), 'Total'],
      rows: result.buckets.map((b) => [b.bucket, ...result.tiers.map((t) => b.gmv[t] ?? 0), b.total]),
    };
  }

  protected override renderResult(result: TierContributionResult) {
    const f = this.format;
    const legend = html`<ul class="legend" part="legend">
      ${result.shares.map(
        (s) =>
          html`<li data-tier=${s.tier}>
            <span class="swatch" ${styleProps({ background: this.color(result, s.tier) })}></span>${tierWord(s.tier)}
            <span class="share">${f.percent(s.share, 1)}</span>
          </li>`,
      )}
    </ul>`;
    if (this.view === 'table') {
      const columns = [
        {
          label: result.granularity === 'month' ? 'Month' : 'Week',
          value: (b: TierBucket) => bucketLabel(b.bucket, result.granularity, this.dashboard?.locale ?? 'en-US'),
        },
        ...result.tiers.map((t) => ({
          label: tierWord(t),
          value: (b: TierBucket) => f.money(b.gmv[t] ?? 0),
          numeric: true,
        })),
        { label: 'Total', value: (b: TierBucket) => f.money(b.total), numeric: true },
      ];
      return html`${dataTable('GMV by seller tier', columns, result.buckets)}${legend}`;
    }
    return html`${this.renderChart(result)}${legend}`;
  }

  /** The window holds only part of the bucket's week or month. */
  private partial(b: TierBucket, { window, granularity }: TierContributionResult): boolean {
    const end = periodEnd(b.bucket, granularity);
    const from = b.bucket < window.from ? window.from : b.bucket;
    return isPartial(b.bucket, from, end > window.to ? window.to : end, granularity);
  }

  private renderChart(result: TierContributionResult) {
    const f = this.format;
    const locale = this.dashboard?.locale ?? 'en-US';
    const shares = result.shares.map((t) => `${tierWord(t.tier)} ${f.percent(t.share, 0)}`).join(', ');
    return html`<div class="chart">
        ${stackedBars(
          result.buckets.map((b) => ({ x: utcDay(b.bucket), values: b.gmv, partial: this.partial(b, result) })),
          {
            width: this.size.drawWidth,
            height: HEIGHT,
            keys: result.tiers,
            color: (tier) => this.color(result, tier),
            locale,
            yFormat: (v) => f.moneyCompact(v),
            label: `GMV by seller tier per ${result.granularity}, ${result.buckets.length} bars; ${shares} of the total. Use the arrow keys to read each ${result.granularity}.`,
            cursor: {
              controller: this.cursor,
              lines: (i) => {
                const b = result.buckets[i];
                return [
                  bucketLabel(b.bucket, result.granularity, locale),
                  ...result.tiers.map((t) => `${tierWord(t)} ${f.money(b.gmv[t] ?? 0)}`),
                  `Total ${f.money(b.total)}`,
                ];
              },
            },
          },
        )}
        ${this.cursor.overlay(true)}
      </div>
      ${
        result.buckets.some((b) => this.partial(b, result))
          ? html`<p class="note partial">Faded: a ${result.granularity} the date range holds only in part.</p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-tier-contribution': MktTierContribution;
  }
}
