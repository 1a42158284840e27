import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MktWidget, type DataView, type QueryContext } from '../base/mkt-widget.js';
import { rows } from '../../data/arrow-rows.js';
import { paymentMethodsSql, type PaymentMethodRow } from '../../metrics/payments.js';
import { styleProps } from '../../charts/style-props.js';
import { paymentStyles } from './mkt-payments.styles.js';

export interface PaymentsResult {
  readonly methods: readonly PaymentMethodRow[];
  readonly total: number;
  /** Payments whose order is in no order line or `orders` row: not attributable, so not in the bars. */
  readonly unmatched: number;
}

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
 * @csspart bar - A method's bar.
 */
@customElement('mkt-payments')
export class MktPayments extends MktWidget<PaymentsResult> {
  static override styles = [...MktWidget.styles, paymentStyles];

  protected override requires: readonly string[] = ['mkt_payments'];

  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  protected override async query({ engine, filters, signal }: QueryContext): Promise<PaymentsResult> {
    const [methods, unmatched] = await Promise.all([
      engine.query(paymentMethodsSql(filters), signal).then((t) => rows<PaymentMethodRow>(t)),
      engine
        .query(
          `SELECT count(*)::INTEGER AS n FROM payments p ANTI JOIN mkt_order_keys ok ON ok.order_id = p.order_id`,
          signal,
        )
        .then((t) => rows<{ n: number }>(t)[0]?.n ?? 0),
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
    const max = Math.max(...result.methods.map((m) => m.value), 0);
    return html`<ul class="methods">
        ${result.methods.map((m) => {
          const share = result.total > 0 ? m.value / result.total : null;
          return html`<li data-method=${m.method}>
            <span class="name">${methodLabel(m.method)}</span>
            <span class="track"
              ><span class="bar" part="bar" ${styleProps({ width: `${max > 0 ? (100 * m.value) / max : 0}%` })}></span
            ></span>
            <span class="value"
              >${f.percent(share, 1)} · ${f.money(m.value)} · ${f.count(m.orders)} orders
              ${m.installments > 1.05 ? html`· ${m.installments.toFixed(1)} instalments on average` : nothing}</span
            >
          </li>`;
        })}
      </ul>
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
