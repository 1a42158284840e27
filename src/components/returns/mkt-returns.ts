import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { figures, figuresStyles } from '../base/figures.js';
import { barLayout } from '../base/bar-layout.js';
import { rows } from '../../data/arrow-rows.js';
import { EMPTY_FILTERS, type FilterPatch } from '../../data/filter-state.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import {
  RETURNS_DETAIL_REQUIRE,
  RETURNS_REQUIRE,
  returnRateChange,
  rankReturns,
  type ReturnChange,
  type ReturnRow,
  type ReturnSet,
  type ReturnSetRow,
} from '../../metrics/returns.js';
import { GRANULARITIES, isGranularity, type Granularity } from '../../metrics/revenue-trend.js';
import { bars } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { timeLineStyles } from '../../charts/time-line.styles.js';
import { CursorController } from '../../charts/cursor.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { returnsStyles } from './mkt-returns.styles.js';
import { returnsTrend } from './returns-trend.js';
import { returnGroupName, returnValueText } from './return-texts.js';
import { named } from '../../queries/registry.js';

const BY = ['category', 'seller', 'product', 'reason'] as const;
type ReturnsBy = (typeof BY)[number];
const BY_WORDS: Record<ReturnsBy, string> = {
  category: 'Category',
  seller: 'Seller',
  product: 'Product',
  reason: 'Reason',
};
const isBy = (v: unknown): v is ReturnsBy => (BY as readonly unknown[]).includes(v);
/** Sellers and products: the ones with the most returned lines. */
const MOST = 10;
/** Below this width the bar texts drop the word "lines" (they sit beside short bars). */
const NARROW = 440;
/** A bar's key that filters the dashboard, by grouping. */
const FILTER: Partial<Record<ReturnsBy, 'categories' | 'products'>> = { category: 'categories', product: 'products' };

export interface ReturnsResult {
  readonly all: ReturnRow;
  readonly by: ReturnsBy;
  readonly groups: readonly ReturnRow[];
  readonly trend: readonly ReturnRow[];
  readonly granularity: Granularity;
  readonly change: ReturnChange | null;
  /** The optional returns table is there: refunds and reasons. */
  readonly withReturns: boolean;
}

/**
 * Returns of delivered order lines: the return rate (returned / delivered lines, from the lines' status) with its
 * change against the prior period of equal length (as the KPIs compare), the returned value, the refunds, the rate
 * per category, seller, product (the ten with most returns) or reason as bars, highest first, and the rate of the
 * lines ordered each day, week or month. Refunds and reasons need the optional `returns` table; without it the
 * element says so and shows the rates. Clicking a category or a product bar (or Enter / Space on it) filters the
 * dashboard to it; again clears it. The bars ignore their own filter, so that the selected one stays highlighted.
 *
 * @summary Return rate by category, seller, product or reason, refunds, and the trend against the prior period.
 * @fires mkt-filter-change - A category or product bar was activated: `{ categories: [name] }` or
 *   `{ products: [id] }`, or an empty list to clear.
 * @fires mkt-option-change - The user switched the grouping: `{ option: 'by', value }`.
 * @csspart card - The widget's frame.
 * @csspart figures - Return rate and its change, returned lines, returned value, refunds.
 * @csspart trend - The return rate over time.
 * @cssprop --mkt-series-1 - Colour of the bars and the line.
 * @cssprop --mkt-accent - Colour of the selected bar.
 */
@customElement('mkt-returns')
export class MktReturns extends MktWidget<ReturnsResult> {
  static override styles = [...MktWidget.styles, chartStyles, barsStyles, timeLineStyles, figuresStyles, returnsStyles];

  protected override requires: readonly string[] = [...RETURNS_REQUIRE];
  /** The selected bar. */
  protected override readonly drawnFilters = ['categories', 'products'] as const;

  /** The bars' groups: `category` (default), `seller`, `product` or `reason` (needs the returns table). */
  @property({ reflect: true }) by: ReturnsBy = 'category';
  /** Periods of the trend: `day`, `week` or `month` (default). */
  @property({ reflect: true }) granularity: Granularity = 'month';

  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  private get withReturns(): boolean {
    return RETURNS_DETAIL_REQUIRE.every((t) => this.dashboard?.info?.tables.has(t));
  }

  protected override queryArgs() {
    const by = this.validAttribute('by', this.by, isBy, 'category', BY.join(', '));
    const unit = this.validAttribute('granularity', this.granularity, isGranularity, 'month', GRANULARITIES.join(', '));
    // Reasons without the returns table: the categories (the switch says why reasons are off).
    return [by === 'reason' && !this.withReturns ? 'category' : by, unit, this.withReturns];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<ReturnsResult> {
    const [by, granularity, withReturns] = this.queryArgs() as [ReturnsBy, Granularity, boolean];
    const { minDate, maxDate } = dashboard.info!;
    const periods = kpiPeriods(filters, minDate ?? '1970-01-01', maxDate ?? '1970-01-01');
    const own = FILTER[by];
    const barFilters = own ? { ...filters, [own]: EMPTY_FILTERS[own] } : filters;
    // A prior period that begins before the data would compare against days that were never recorded.
    const prior = !!minDate && periods.prior.from >= minDate ? periods.prior : undefined;
    // The total, the trend, the prior period's rate and the category bars (every category, the selected one
    // highlighted) come from one statement; the bars of sellers, products or reasons from a second.
    const byCategory = by === 'category';
    const sets: ReturnSet[] = byCategory ? ['all', 'category', granularity] : ['all', granularity];
    const options = { withReturns, everyCategory: true, ...(prior ? { prior } : {}) };
    const [parts, apart] = await Promise.all([
      engine.query(named('returnsSets', filters, sets, options), signal).then((t) => rows<ReturnSetRow>(t)),
      byCategory
        ? Promise.resolve(null)
        : engine.query(named('returns', barFilters, by, { withReturns }), signal).then((t) => rows<ReturnRow>(t)),
    ]);
    const part = (name: ReturnSetRow['part']): ReturnRow[] =>
      parts.filter((r) => r.part === name).map(({ part: _, ...r }) => r);
    const [all, groups, trend] = [part('all'), apart ?? part('category'), part(granularity)];
    return {
      all: all[0],
      by,
      groups,
      trend,
      granularity,
      change: prior ? returnRateChange(all[0], part('prior')[0]) : null,
      withReturns,
    };
  }

  protected override isEmpty(result: ReturnsResult): boolean {
    return !result.all || result.all.delivered === 0;
  }

  protected override emptyMessage(): string {
    return 'No order line was delivered in the selected period.';
  }

  protected override renderControls() {
    const off = (b: ReturnsBy) =>
      b === 'reason' && !this.withReturns ? 'Return reasons need the returns table' : null;
    const choices = BY.map((b) => [b, BY_WORDS[b]] as const);
    return segmented(
      'Group by',
      choices,
      this.queryArgs()[0] as ReturnsBy,
      (b) => {
        this.by = b;
        this.dispatchEvent(new MktOptionChangeEvent({ option: 'by', value: b }));
      },
      off,
    );
  }

  protected override dataView(result: ReturnsResult): DataView<ReturnRow> {
    const f = this.format;
    return {
      caption: `Returns by ${result.by}`,
      rows: result.groups,
      columns: [
        { label: BY_WORDS[result.by], value: (r) => returnGroupName(r, result.by), raw: (r) => r.grp },
        numberColumn('Delivered lines', (r) => r.delivered, f.count),
        numberColumn('Returned lines', (r) => r.returned, f.count),
        numberColumn(
          'Return rate',
          (r) => r.return_rate,
          (v) => f.percent(v, 1),
        ),
        numberColumn('Delivered value', (r) => r.delivered_revenue, f.money),
        numberColumn('Returned value', (r) => r.returned_revenue, f.money),
        numberColumn('Refunded', (r) => r.refunded, f.money),
      ],
    };
  }

  private changeText(change: ReturnChange | null): string {
    if (!change || change.change === null) return 'no prior period';
    const points = (change.change * 100).toLocaleString(this.dashboard?.locale, {
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    return `${points} pts`;
  }

  protected override renderResult(result: ReturnsResult) {
    const f = this.format;
    const { all } = result;
    return html`${figures([
      ['Return rate', f.percent(all.return_rate, 1)],
      ['Vs prior period', this.changeText(result.change)],
      ['Returned lines', `${f.count(all.returned)} of ${f.count(all.delivered)}`],
      [
        'Returned value',
        `${f.money(all.returned_revenue)} · ${f.percent(all.returned_revenue / (all.delivered_revenue || 1), 1)}`,
      ],
      ['Refunded', result.withReturns ? f.money(all.refunded) : '–'],
    ])}
    ${
      result.withReturns
        ? nothing
        : html`<p class="data-note" data-note="missing">
            Refunds and return reasons need the optional <code>returns</code> table, which this dataset does not have;
            the rates come from the order lines’ status.
          </p>`
    }
    ${
      all.returned === 0 && result.groups.every((g) => g.returned === 0)
        ? html`<p class="data-note" data-note="no-returns">
            None of the ${f.count(all.delivered)} lines delivered in the selected period was returned.
          </p>`
        : this.renderDetail(result)
    }`;
  }

  private renderDetail(result: ReturnsResult) {
    const f = this.format;
    const by = result.by;
    const width = this.size.drawWidth;
    const key = FILTER[by];
    const selected = new Set<string>(key ? (this.dashboard?.filters[key] ?? []) : []);
    const groups = rankReturns(result.groups, by, MOST).map((r) => ({
      key: r.grp,
      label: returnGroupName(r, by),
      value: r.return_rate,
      text: returnValueText(r, by, f, width < NARROW),
    }));
    const toggle = (id: string) => {
      const only = selected.size === 1 && selected.has(id);
      this.changeFilters({ [key!]: only ? [] : [id] } as FilterPatch);
    };
    return html`<h3>
        Return rate by ${by}${by === 'seller' || by === 'product' ? `, the ${MOST} with most returns` : ''}
      </h3>
      ${
        groups.length === 0
          ? html`<p class="data-note">No ${by} had a return in the selected period.</p>`
          : bars(groups, {
              ...barLayout(
                width,
                groups.map((b) => b.label),
                280,
              ),
              track: true,
              label: `Return rate by ${by}: ${groups.map((b) => `${b.label} ${b.text}`).join('; ')}`,
              select: key
                ? {
                    selected,
                    toggle,
                    label: (b, on) =>
                      `${b.label} ${b.text}, ${on ? `selected: press to clear the ${by} filter` : `press to filter the dashboard to this ${by}`}`,
                  }
                : undefined,
            })
      }
      <h3>Return rate by ${result.granularity} of ordering</h3>
      ${returnsTrend(result.trend, result.granularity, {
        width,
        locale: this.dashboard?.locale,
        format: f,
        cursor: this.cursor,
      })}
      <p class="data-note">
        Lines are dated by their order: the latest ${result.granularity}s' rates still rise as returns come in.
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-returns': MktReturns;
  }
}
