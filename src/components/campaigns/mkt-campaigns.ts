import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { rows } from '../../data/arrow-rows.js';
import {
  campaignTotals,
  campaignTrendTotals,
  spendIsUnsplit,
  type CampaignRow,
  type CampaignTrendTotal,
} from '../../metrics/campaigns.js';
import { GRANULARITIES, isGranularity, type Granularity } from '../../metrics/revenue-trend.js';
import { sourceLabel } from '../../metrics/funnel.js';
import { barLayout } from '../base/bar-layout.js';
import { bars } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { timeLineStyles } from '../../charts/time-line.styles.js';
import { figures, figuresStyles } from '../base/figures.js';
import { CursorController } from '../../charts/cursor.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { campaignStyles } from './mkt-campaigns.styles.js';
import { campaignTrend } from './campaign-trend.js';
import { named } from '../../queries/registry.js';

export interface CampaignsResult {
  /** Per campaign or per channel, as `by` asked. */
  readonly by: By;
  readonly rows: readonly CampaignRow[];
  readonly trend: readonly CampaignTrendTotal[];
  readonly granularity: Granularity;
  /** Completed orders in the selection, and those that name a campaign. */
  readonly coverage: { readonly orders: number; readonly attributed: number };
  /** A filter narrows revenue but not spend (see `spendIsUnsplit`). */
  readonly unsplit: boolean;
}

const BY = ['campaign', 'channel'] as const;
type By = (typeof BY)[number];
const isBy = (v: unknown): v is By => (BY as readonly unknown[]).includes(v);

/**
 * Marketing campaigns from the optional `campaigns` table: spend, attributed revenue, ROAS (revenue / spend), ROI
 * ((revenue − cost of goods − spend) / spend) and cost per acquired customer (spend / customers whose first purchase
 * a campaign brought), in total and per campaign or per channel, and spend against attributed revenue over time.
 * Attribution is **last touch** (`transactions.campaign_id`, see docs/schema.md), and the element says so. A
 * campaign's spend is spread evenly over its days; a date filter takes the days inside it. Spend is not split by
 * category, tier or region: with such a filter, revenue narrows and spend does not, and the element says that too.
 *
 * @summary Campaign spend, attributed revenue, ROAS, ROI and cost per new customer, per campaign or channel.
 * @fires mkt-option-change - The user switched between campaigns and channels: `{ option: 'by', value }`.
 * @csspart card - The widget's frame.
 * @csspart figures - Spend, attributed revenue, ROAS, ROI and cost per new customer over the rows shown.
 * @csspart attribution - The note saying how orders are credited to campaigns.
 * @csspart trend - The spend and revenue over time chart.
 * @cssprop --mkt-series-1 - Colour of the ROAS bars and the revenue line.
 * @cssprop --mkt-series-2 - Colour of the spend line.
 */
@customElement('mkt-campaigns')
export class MktCampaigns extends MktWidget<CampaignsResult> {
  static override styles = [
    ...MktWidget.styles,
    chartStyles,
    barsStyles,
    timeLineStyles,
    figuresStyles,
    campaignStyles,
  ];

  protected override requires: readonly string[] = ['campaigns', 'mkt_orders'];
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** One row per `campaign` (default) or per `channel`. */
  @property({ reflect: true }) by: By = 'campaign';
  /** Buckets of the over-time chart: `day`, `week` or `month` (default). */
  @property({ reflect: true }) granularity: Granularity = 'month';

  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  private get shownBy(): By {
    return this.validAttribute('by', this.by, isBy, 'campaign', BY.join(', '));
  }

  protected override queryArgs() {
    const unit = this.validAttribute('granularity', this.granularity, isGranularity, 'month', GRANULARITIES.join(', '));
    return [this.shownBy, unit];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<CampaignsResult> {
    const [by, granularity] = this.queryArgs() as [By, Granularity];
    const withSessions = !!dashboard.info?.tables.has('mkt_sessions');
    const [performance, trend, coverage] = await Promise.all([
      engine.query(named('campaignPerformance', filters, { by, withSessions }), signal),
      engine.query(named('campaignTrend', filters, granularity), signal),
      engine.query(named('campaignCoverage', filters), signal),
    ]);
    return {
      by,
      rows: rows<CampaignRow>(performance),
      trend: campaignTrendTotals(rows(trend), granularity),
      granularity,
      coverage: rows<CampaignsResult['coverage']>(coverage)[0],
      unsplit: spendIsUnsplit(filters),
    };
  }

  protected override isEmpty(result: CampaignsResult): boolean {
    return result.rows.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No campaign ran or earned revenue in the selected period.';
  }

  protected override renderControls() {
    const choices = [
      ['campaign', 'Campaigns'],
      ['channel', 'Channels'],
    ] as const;
    return segmented('Rows', choices, this.shownBy, (by) => {
      this.by = by;
      this.dispatchEvent(new MktOptionChangeEvent({ option: 'by', value: by }));
    });
  }

  private roas(value: number | null): string {
    return roasText(value, this.dashboard?.locale);
  }

  private name(r: CampaignRow, by: By): string {
    return by === 'channel' ? sourceLabel(r.name) : r.name;
  }

  protected override dataView(result: CampaignsResult): DataView<CampaignRow> {
    const f = this.format;
    const byCampaign = result.by === 'campaign';
    const withSessions = result.rows.some((r) => r.sessions !== null);
    return {
      caption: `Campaign performance by ${result.by} (last-touch attribution)`,
      rows: result.rows,
      columns: [
        { label: byCampaign ? 'Campaign' : 'Channel', value: (r) => this.name(r, result.by), raw: (r) => r.key },
        ...(byCampaign ? [{ label: 'Channel', value: (r: CampaignRow) => sourceLabel(r.channel) }] : []),
        numberColumn('Days', (r) => r.days, f.count),
        numberColumn('Spend', (r) => r.spend, f.money),
        numberColumn('Attributed revenue', (r) => r.revenue, f.money),
        numberColumn('Orders', (r) => r.orders, f.count),
        numberColumn(
          'ROAS',
          (r) => r.roas,
          (v) => this.roas(v),
        ),
        numberColumn(
          'ROI',
          (r) => r.roi,
          (v) => f.percent(v, 1),
        ),
        numberColumn('New customers', (r) => r.new_customers, f.count),
        numberColumn('Cost per new customer', (r) => r.cac, f.money),
        ...(withSessions ? [numberColumn<CampaignRow>('Sessions started', (r) => r.sessions, f.count)] : []),
      ],
    };
  }

  protected override renderResult(result: CampaignsResult) {
    const f = this.format;
    const t = campaignTotals(result.rows);
    const width = this.size.drawWidth;
    const roas = result.rows.map((r) => ({
      key: r.key,
      label: this.name(r, result.by),
      value: r.roas,
      text: `${this.roas(r.roas)} · ROI ${f.percent(r.roi, 0)} · ${f.moneyCompact(r.spend)} spent`,
    }));
    return html`${figures([
        ['Spend', f.money(t.spend)],
        ['Attributed revenue', f.money(t.revenue)],
        ['ROAS', this.roas(t.roas)],
        ['ROI', f.percent(t.roi, 1)],
        ['Cost per new customer', f.money(t.cac)],
      ])}
      <p class="data-note" part="attribution" data-note="attribution">
        Last-touch attribution: an order counts for the campaign of the last marketing click before it, a new customer
        for the campaign of their first order. Orders without a campaign are not credited.
      </p>
      ${this.notes(result)}
      ${bars(roas, {
        ...barLayout(
          width,
          roas.map((b) => b.label),
          210,
        ),
        track: true,
        label: `Return on ad spend by ${result.by}: ${roas.map((b) => `${b.label} ${this.roas(b.value)}`).join(', ')}`,
      })}
      ${campaignTrend(result.trend, result.granularity, {
        width,
        locale: this.dashboard?.locale,
        format: f,
        cursor: this.cursor,
      })}`;
  }

  private notes(result: CampaignsResult) {
    const { orders, attributed } = result.coverage;
    return html`${result.unsplit ? html`<p class="data-note" data-note="unsplit">Spend is not split by category, tier, region, cohort or segment: ROAS and ROI here compare this selection's revenue with all of the spend.</p>` : nothing}
    ${orders > 0 && attributed === 0 ? html`<p class="data-note" data-note="unattributed">No order in this selection names a campaign (transactions.campaign_id is empty), so no revenue is attributed.</p>` : nothing}`;
  }
}

/** ROAS as a multiple with two decimals, `2.30×` (the dashboard's digits). */
function roasText(roas: number | null, locale = 'en-US'): string {
  if (roas === null) return '–';
  return `${roas.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}×`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-campaigns': MktCampaigns;
  }
}
