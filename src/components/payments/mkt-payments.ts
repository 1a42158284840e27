import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { rows } from '../../data/arrow-rows.js';
import { paymentMethodsSql, type PaymentMethodRow } from '../../metrics/payments.js';
import type { QueryEngine } from '../../data/query-engine.js';
import { bars } from '../../charts/bars.js';
import { SizeController } from '../../charts/size-controller.js';
import { paymentStyles } from './mkt-payments.styles.js';
import { barsStyles } from '../../charts/bars.styles.js';

export interface PaymentsResult {
  readonly methods: readonly PaymentMethodRow[];
  readonly total: number;
  /** Payments whose order is in no order line or `orders` row: not attributable, so not in the bars. */
  readonly unmatched: number;
}

// Payments that name no order of the data: a property of the dataset, not of the filters, so counted once per
// dashboard database instead of on every filter change.
const unmatchedCounts = new WeakMap<QueryEngine, Promise<number>>();
function unmatchedPayments(engine: QueryEngine): Promise<number> {
  let count = unmatchedCounts.get(engine);
  if (!count) {
    count = engine
      .query(`SELECT count(*)::INTEGER AS n FROM payments p ANTI JOIN mkt_order_keys ok ON ok.order_id = p.order_id`)
      .then((t) => rows<{ n: number }>(t)[0]?.n ?? 0);
    count.catch(() => unmatchedCounts.delete(engine));
    unmatchedCounts.set(engine, count);
  }
  return count;
}

/** Width of a character of the 12 px value text, for the room it needs (tabular digits). */
const CHAR_WIDTH = 6.8;

/** `credit_card` → "Credit card". */
export function methodLabel(method: string): string {
  const words = method.replaceAll('_', ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : method;
}

/**
 * How the selected orders were paid: one bar per payment method with its share of the amount paid, the orders
 * that used it and its mean number of instalments. An order paid in two ways (a voucher and a card) counts under
 * both. Needs the optional `payments` table (and order ids on the lines); amounts include whatever the shop
 * charges on top of the lines (Olist: freight), so they need not add up to GMV.
 *
 * @summary Payment methods of the selected orders: share of value, orders, instalments.
 * @fires mkt-error - A query failed.
 * @csspart card - The widget's frame.
 * @csspart instalments - The line giving the mean number of instalments of the methods paid in several.
 */
@customElement('mkt-payments')
export class MktPayments extends MktWidget<PaymentsResult> {
  static override styles = [...MktWidget.styles, barsStyles, paymentStyles];

  protected override requires: readonly string[] = ['mkt_payments'];

  private readonly size = new SizeController(this);

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override async query({ engine, filters, signal }: QueryContext): Promise<PaymentsResult> {
    const [methods, unmatched] = await Promise.all([
      engine.query(paymentMethodsSql(filters), signal).then((t) => rows<PaymentMethodRow>(t)),
      unmatchedPayments(engine),
    ]);
    return { methods, total: methods.reduce((a, m) => a + m.value, 0), unmatched };
  }

  protected override isEmpty(result: PaymentsResult): boolean {
    return result.methods.length === 0;
  }

  protected override emptyMessage(): string {
    return 'No payments for the selected orders.';
  }

  protected override dataView(result: PaymentsResult): DataView<PaymentMethodRow> {
    const f = this.format;
    return {
      caption: 'Payments by method',
      columns: [
        { label: 'Method', value: (m) => methodLabel(m.method), raw: (m) => m.method },
        { label: 'Amount', value: (m) => f.money(m.value), raw: (m) => m.value, numeric: true },
        {
          label: 'Share',
          value: (m) => f.percent(result.total > 0 ? m.value / result.total : null, 1),
          raw: (m) => (result.total > 0 ? m.value / result.total : null),
          numeric: true,
        },
        { label: 'Orders', value: (m) => f.count(m.orders), raw: (m) => m.orders, numeric: true },
        {
          label: 'Mean instalments',
          value: (m) => m.installments.toFixed(1),
          raw: (m) => m.installments,
          numeric: true,
        },
      ],
      rows: result.methods,
    };
  }

  protected override renderResult(result: PaymentsResult) {
    const f = this.format;
    const width = this.size.drawWidth;
    const orders = (n: number) => `${f.count(n)} ${n === 1 ? 'order' : 'orders'}`;
    const byInstalments = result.methods.filter((m) => m.installments > 1.05);
    const share = (m: PaymentMethodRow) => f.percent(result.total > 0 ? m.value / result.total : null, 1);
    const long = result.methods.map((m) => `${share(m)} · ${f.money(m.value)} · ${orders(m.orders)}`);
    // The value text is read beside the bar: on a narrow card the order counts are left to the table view.
    const fits = Math.max(...long.map((t) => t.length)) * CHAR_WIDTH <= width * 0.55;
    const texts = fits ? long : result.methods.map((m) => `${share(m)} · ${f.money(m.value)}`);
    return html`${bars(
      result.methods.map((m, i) => ({ key: m.method, label: methodLabel(m.method), value: m.value, text: texts[i] })),
      {
        width,
        labelWidth: Math.min(120, Math.round(width * 0.3)),
        valueWidth: Math.round(8 + Math.max(...texts.map((t) => t.length)) * CHAR_WIDTH),
        track: true,
        label: `Payment methods by amount paid: ${result.methods
          .map((m) => `${methodLabel(m.method)} ${share(m)}`)
          .join(', ')}`,
      },
    )}
    ${
      byInstalments.length > 0
        ? html`<p class="instalments" part="instalments">
            ${byInstalments.map(
              (m, i) =>
                html`${i > 0 ? '; ' : ''}${methodLabel(m.method)}: ${m.installments.toFixed(1)} instalments on average`,
            )}.
          </p>`
        : nothing
    }
    ${
      result.unmatched > 0
        ? html`<p class="data-note" data-note="unmatched">
            ${f.count(result.unmatched)} payments name an order that is not in the data; they are left out.
          </p>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-payments': MktPayments;
  }
}
