import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { figures, figuresStyles } from '../base/figures.js';
import { rows } from '../../data/arrow-rows.js';
import { UNKNOWN } from '../../data/derived-tables.js';
import {
  SUPPORT_MEASURES,
  supportValue,
  supportWorstFirst,
  type SupportGroup,
  type SupportMeasure,
  type SupportRow,
} from '../../metrics/support.js';
import { tierWord } from '../../format/tier.js';
import { durationText } from '../../format/duration.js';
import { barLayout } from '../base/bar-layout.js';
import { bars } from '../../charts/bars.js';
import { numberColumn } from '../../charts/data-table.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { supportStyles } from './mkt-support.styles.js';
import { named } from '../../queries/registry.js';

export interface SupportResult {
  readonly all: SupportRow;
  readonly by: SupportBy;
  readonly groups: readonly SupportRow[];
}

const BY = ['tier', 'category', 'reason', 'month'] as const;
type SupportBy = (typeof BY)[number] & SupportGroup;
const BY_WORDS: Record<SupportBy, string> = { tier: 'Tier', category: 'Category', reason: 'Reason', month: 'Month' };
const MEASURE_WORDS: Record<SupportMeasure, string> = {
  rate: 'Contact rate',
  csat: 'CSAT',
  response: 'Response',
  resolution: 'Resolution',
};
const isBy = (v: unknown): v is SupportBy => (BY as readonly unknown[]).includes(v);
const isMeasure = (v: unknown): v is SupportMeasure => (SUPPORT_MEASURES as readonly unknown[]).includes(v);

/**
 * Customer service from the optional `support_tickets` table: tickets opened in the window, tickets per 1,000 orders
 * placed (the contact rate), CSAT (the share of answers of 4 or 5 on the 1–5 survey, and the mean), and first-response
 * and resolution times (median and 90th percentile, over the tickets answered or resolved), in total and per seller
 * tier, category, reason or month as bars, worst first. A ticket takes the category of its order's line and the tier
 * of its seller; a ticket about no order has neither. Tickets also weigh in `<mkt-seller-health>`'s score.
 *
 * @summary CSAT, response and resolution times and tickets per 1,000 orders, by seller tier, category or reason.
 * @fires mkt-option-change - The user switched the grouping (`{ option: 'by', value }`) or the measure (`measure`).
 * @csspart card - The widget's frame.
 * @csspart figures - Tickets, contact rate, CSAT and the times over the selection.
 * @cssprop --mkt-series-1 - Colour of the bars.
 */
@customElement('mkt-support')
export class MktSupport extends MktWidget<SupportResult> {
  static override styles = [...MktWidget.styles, chartStyles, barsStyles, figuresStyles, supportStyles];

  protected override requires: readonly string[] = ['mkt_tickets'];
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** The groups of the bars: `tier` (default), `category`, `reason` or `month`. */
  @property({ reflect: true }) by: SupportBy = 'tier';
  /** What the bars compare: `rate` (tickets per 1,000 orders, default), `csat`, `response` or `resolution`. */
  @property({ reflect: true }) measure: SupportMeasure = 'rate';

  private readonly size = new SizeController(this);

  private get shownMeasure(): SupportMeasure {
    return this.validAttribute('measure', this.measure, isMeasure, 'rate', SUPPORT_MEASURES.join(', '));
  }

  protected override queryArgs() {
    return [this.validAttribute('by', this.by, isBy, 'tier', BY.join(', '))];
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<SupportResult> {
    const [by] = this.queryArgs() as [SupportBy];
    const [all, groups] = await Promise.all([
      engine.query(named('support', filters), signal).then((t) => rows<SupportRow>(t)),
      engine.query(named('support', filters, by), signal).then((t) => rows<SupportRow>(t)),
    ]);
    return { all: all[0], by, groups };
  }

  protected override isEmpty(result: SupportResult): boolean {
    return !result.all || result.all.tickets === 0;
  }

  protected override emptyMessage(): string {
    return 'No support tickets were opened in the selected period.';
  }

  protected override renderControls() {
    const option = (name: 'by' | 'measure', value: string) =>
      this.dispatchEvent(new MktOptionChangeEvent({ option: name, value }));
    return html`${segmented(
      'Group by',
      BY.map((b) => [b, BY_WORDS[b]] as const),
      this.queryArgs()[0],
      (b) => {
        this.by = b;
        option('by', b);
      },
    )}
    ${segmented(
      'Measure',
      SUPPORT_MEASURES.map((m) => [m, MEASURE_WORDS[m]] as const),
      this.shownMeasure,
      (m) => {
        this.measure = m;
        option('measure', m);
      },
    )}`;
  }

  private groupName(grp: string, by: SupportBy): string {
    if (grp === UNKNOWN)
      return by === 'reason' ? 'No reason given' : by === 'tier' ? 'No order or seller' : 'No order or category';
    if (by === 'tier') return tierWord(grp);
    return by === 'month' ? this.format.month(grp) : grp;
  }

  private hours = (v: number | null) => durationText(v, this.dashboard?.locale);
  /** Tickets per 1,000 orders: one decimal under ten. */
  private rate = (v: number | null) =>
    v === null ? '–' : v.toLocaleString(this.dashboard?.locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
  private mean = (v: number | null) =>
    v === null ? '–' : v.toLocaleString(this.dashboard?.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  private valueText(r: SupportRow, measure: SupportMeasure): string {
    const f = this.format;
    if (measure === 'rate')
      return `${this.rate(r.per_1000_orders)} per 1,000 orders · ${f.count(r.tickets)} ${r.tickets === 1 ? 'ticket' : 'tickets'}`;
    if (measure === 'csat') return `${f.percent(r.csat_score, 0)} satisfied · ${f.count(r.rated)} rated`;
    const [median, p90] =
      measure === 'response' ? [r.response_median, r.response_p90] : [r.resolution_median, r.resolution_p90];
    return `median ${this.hours(median)} · p90 ${this.hours(p90)}`;
  }

  protected override dataView(result: SupportResult): DataView<SupportRow> {
    const f = this.format;
    return {
      caption: `Customer service by ${result.by === 'tier' ? 'seller tier' : result.by}`,
      rows: result.groups,
      columns: [
        { label: BY_WORDS[result.by], value: (r) => this.groupName(r.grp, result.by), raw: (r) => r.grp },
        numberColumn('Tickets', (r) => r.tickets, f.count),
        numberColumn('Orders', (r) => r.orders, f.count),
        numberColumn('Per 1,000 orders', (r) => r.per_1000_orders, this.rate),
        numberColumn(
          'CSAT (4–5)',
          (r) => r.csat_score,
          (v) => f.percent(v, 1),
        ),
        numberColumn('Mean CSAT', (r) => r.csat_mean, this.mean),
        numberColumn('First response, median (h)', (r) => r.response_median, this.hours),
        numberColumn('First response, p90 (h)', (r) => r.response_p90, this.hours),
        numberColumn('Resolution, median (h)', (r) => r.resolution_median, this.hours),
        numberColumn('Resolution, p90 (h)', (r) => r.resolution_p90, this.hours),
        numberColumn('Open', (r) => r.open, f.count),
      ],
    };
  }

  protected override renderResult(result: SupportResult) {
    const f = this.format;
    const { all, by } = result;
    const measure = this.shownMeasure;
    const width = this.size.drawWidth;
    const groups = supportWorstFirst(result.groups, measure, by).map((r) => ({
      key: r.grp,
      label: this.groupName(r.grp, by),
      value: supportValue(r, measure),
      text: this.valueText(r, measure),
    }));
    return html`${figures([
        ['Tickets', f.count(all.tickets)],
        ['Per 1,000 orders', this.rate(all.per_1000_orders)],
        ['CSAT (4–5 of 5)', `${f.percent(all.csat_score, 0)} · ${this.mean(all.csat_mean)} mean`],
        ['First response', `${this.hours(all.response_median)} · p90 ${this.hours(all.response_p90)}`],
        ['Resolution', `${this.hours(all.resolution_median)} · p90 ${this.hours(all.resolution_p90)}`],
      ])}
      ${bars(groups, {
        ...barLayout(
          width,
          groups.map((b) => b.label),
          240,
        ),
        track: true,
        max: measure === 'csat' ? 1 : undefined,
        label: `${MEASURE_WORDS[measure]} by ${BY_WORDS[by].toLowerCase()}, worst first: ${groups
          .map((b) => `${b.label} ${b.text}`)
          .join('; ')}`,
      })}
      <p class="data-note" data-note="definitions">
        CSAT: share of survey answers of 4 or 5 (mean in the tiles). Times from opening, over the tickets answered or
        resolved${all.open > 0 ? html`; <span data-note="open">${f.count(all.open)} still open</span>` : nothing}.
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-support': MktSupport;
  }
}
