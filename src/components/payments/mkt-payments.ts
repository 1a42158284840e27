import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import { oneOf } from '../base/attribute-check.js';
import { rows } from '../../data/arrow-rows.js';
import {
  instalmentSummary,
  mixGroups,
  type InstallmentRow,
  type PaymentMethodRow,
  type PaymentMixRow,
} from '../../metrics/payments.js';
import { GRANULARITIES, type Granularity } from '../../metrics/revenue-trend.js';
import { kpiPeriods } from '../../metrics/kpis.js';
import type { QueryEngine } from '../../data/query-engine.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';
import { figuresStyles } from '../base/figures.js';
import { MktOptionChangeEvent } from '../../events/option-change.js';
import { categoryView, installmentsView, methodLabel, methodsView, timeView } from './payment-views.js';
import { paymentsTable, type PaymentsResult } from './payment-table.js';
import { paymentStyles } from './mkt-payments.styles.js';
import { named, type NamedQuery } from '../../queries/registry.js';

export { methodLabel, type PaymentsResult };

const MODES = ['methods', 'category', 'time', 'installments'] as const;
type PaymentsMode = (typeof MODES)[number];
const MODE_WORDS: Record<PaymentsMode, string> = {
  methods: 'Methods',
  category: 'Category',
  time: 'Time',
  installments: 'Instalments',
};

// Payments that name no order of the data: a property of the dataset, not of the filters, so counted once per
// dashboard database instead of on every filter change.
const unmatchedCounts = new WeakMap<QueryEngine, Promise<number>>();
function unmatchedPayments(engine: QueryEngine): Promise<number> {
  let count = unmatchedCounts.get(engine);
  if (!count) {
    count = engine.query(named('unmatchedPayments')).then((t) => rows<{ n: number }>(t)[0]?.n ?? 0);
    count.catch(() => unmatchedCounts.delete(engine));
    unmatchedCounts.set(engine, count);
  }
  return count;
}

/**
 * How the selected orders were paid, in four modes: `methods`, one bar per payment method with its share of the
 * amount paid, the orders that used it and its mean number of instalments; `category`, the method mix of each
 * category as a 100 % bar (a payment split between its order's categories by their revenue in it); `time`, the
 * value paid per day, week or month stacked by method; `installments`, the share of the value paid in two
 * instalments or more and one bar per number of instalments. An order paid in two ways (a voucher and a card)
 * counts under both. Needs the optional `payments` table (and order ids on the lines) and says so when it is
 * missing; amounts include whatever the shop charges on top of the lines (Olist: freight), so they need not add up
 * to GMV.
 *
 * @summary Payment methods of the selected orders: mix, by category, over time, instalments.
 * @fires mkt-error - A query failed.
 * @fires mkt-option-change - The user switched the mode (`{ option: 'mode', value }`) or the granularity.
 * @csspart card - The widget's frame.
 * @csspart instalments - The line giving the mean number of instalments of the methods paid in several.
 * @csspart figures - The instalments mode's figures.
 * @csspart legend - The methods' colours (by category, over time).
 * @csspart plot - The focusable chart area over time.
 * @csspart tooltip - The tooltip over time.
 * @cssprop --mkt-series-1 - Colour of the bars and of the largest method (then --mkt-series-2, ...).
 */
@customElement('mkt-payments')
export class MktPayments extends MktWidget<PaymentsResult> {
  static override styles = [...MktWidget.styles, chartStyles, barsStyles, figuresStyles, paymentStyles];

  protected override requires: readonly string[] = ['mkt_payments'];
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  /** What is shown: `methods` (default), `category`, `time` or `installments`. */
  @property({ reflect: true }) mode: PaymentsMode = 'methods';
  /** The periods of the `time` mode: `day`, `week` or `month` (default). */
  @property({ reflect: true }) granularity: Granularity = 'month';

  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  protected override queryArgs() {
    return [
      this.validAttribute('mode', this.mode, oneOf(MODES), 'methods', MODES.join(', ')),
      this.validAttribute('granularity', this.granularity, oneOf(GRANULARITIES), 'month', GRANULARITIES.join(', ')),
    ] as const;
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<PaymentsResult> {
    const [mode, granularity] = this.queryArgs();
    const info = dashboard.info!;
    // No dates (no orders at all): no window, and the queries come back empty.
    const window =
      info.minDate && info.maxDate ? kpiPeriods(filters, info.minDate, info.maxDate).current : { from: '', to: '' };
    const frame = { granularity, window, unmatched: await unmatchedPayments(engine) };
    const run = <R extends Record<string, unknown>>(q: NamedQuery) => engine.query(q, signal).then((t) => rows<R>(t));
    if (mode === 'installments')
      return {
        ...frame,
        mode,
        summary: instalmentSummary(await run<InstallmentRow>(named('paymentInstallments', filters))),
      };
    if (mode === 'methods') {
      const methods = await run<PaymentMethodRow>(named('paymentMethods', filters));
      return { ...frame, mode, methods, total: methods.reduce((a, m) => a + m.value, 0) };
    }
    const mix = await run<PaymentMixRow>(named('paymentMix', filters, mode === 'category' ? 'category' : granularity));
    return { ...frame, mode: mode === 'category' ? 'category' : 'time', mix, ...mixGroups(mix) };
  }

  protected override isEmpty(result: PaymentsResult): boolean {
    if (result.mode === 'installments') return result.summary.buckets.length === 0;
    return result.mode === 'methods' ? result.methods.length === 0 : result.groups.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No payments for the selected orders.';
  }

  protected override renderControls() {
    const [mode, granularity] = this.queryArgs();
    const option = (name: 'mode' | 'granularity', value: string) => {
      this.cursor.hide();
      this.dispatchEvent(new MktOptionChangeEvent({ option: name, value }));
    };
    return html`${segmented(
      'Show',
      MODES.map((m) => [m, MODE_WORDS[m]] as const),
      mode,
      (m) => {
        this.mode = m;
        option('mode', m);
      },
    )}
    ${
      mode === 'time'
        ? segmented(
            'Granularity',
            GRANULARITIES.map((g) => [g, g[0].toUpperCase() + g.slice(1)] as const),
            granularity,
            (g) => {
              this.granularity = g;
              option('granularity', g);
            },
          )
        : ''
    }`;
  }

  protected override dataView(result: PaymentsResult) {
    return paymentsTable(result, this.format, this.dashboard?.locale ?? 'en-US');
  }

  protected override renderResult(result: PaymentsResult) {
    const f = this.format;
    const context = { f, locale: this.dashboard?.locale ?? 'en-US', width: this.size.drawWidth };
    const chart =
      result.mode === 'methods'
        ? methodsView(result.methods, result.total, context)
        : result.mode === 'category'
          ? categoryView(result.methods, result.groups, context)
          : result.mode === 'time'
            ? timeView(result.methods, result.groups, result.granularity, result.window, this.cursor, context)
            : installmentsView(result.summary, context);
    return html`${chart}
    ${
      result.unmatched > 0
        ? html`<p class="data-note" data-note="unmatched">
            ${f.count(result.unmatched)} payments name an order that is not in the data; they are left out.
          </p>`
        : ''
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-payments': MktPayments;
  }
}
