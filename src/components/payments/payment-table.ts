import type { Formatter } from '../../format/format.js';
import type {
  InstalmentBucket,
  InstalmentSummary,
  MixGroup,
  PaymentMethodRow,
  PaymentMixRow,
} from '../../metrics/payments.js';
import type { Granularity, Window } from '../../metrics/revenue-trend.js';
import { numberColumn } from '../../charts/data-table.js';
import { bucketLabel } from '../../charts/time-format.js';
import type { DataView } from '../base/mkt-widget.js';
import { methodLabel } from './payment-views.js';

/** The result of each mode; every mode also counts the payments that name no order of the data. */
export type PaymentsResult = { readonly unmatched: number } & (
  | { readonly mode: 'methods'; readonly methods: readonly PaymentMethodRow[]; readonly total: number }
  | { readonly mode: 'category'; readonly methods: string[]; readonly groups: MixGroup[] }
  | { readonly mode: 'time'; readonly methods: string[]; readonly groups: MixGroup[] }
  | { readonly mode: 'installments'; readonly summary: InstalmentSummary }
) & { readonly granularity: Granularity; readonly window: Window; readonly mix?: readonly PaymentMixRow[] };

/** The rows behind each mode's chart: its Table view and CSV. */
export function paymentsTable(
  result: PaymentsResult,
  f: Formatter,
  locale: string,
): DataView<InstalmentBucket> | DataView<PaymentMethodRow> | DataView<PaymentMixRow> {
  const money = (v: number | null) => f.money(v);
  const share = (v: number | null) => f.percent(v, 1);
  if (result.mode === 'installments') {
    const view: DataView<InstalmentBucket> = {
      caption: 'Payments by number of instalments',
      rows: result.summary.buckets,
      columns: [
        numberColumn('Instalments', (b) => b.installments, String),
        numberColumn('Payments', (b) => b.payments, f.count),
        numberColumn('Amount', (b) => b.value, money),
        numberColumn('Share', (b) => b.share, share),
      ],
    };
    return view;
  }
  if (result.mode === 'methods') {
    const total = result.total;
    const view: DataView<PaymentMethodRow> = {
      caption: 'Payments by method',
      rows: result.methods,
      columns: [
        { label: 'Method', value: (m) => methodLabel(m.method), raw: (m) => m.method },
        numberColumn('Amount', (m) => m.value, money),
        numberColumn('Share', (m) => (total > 0 ? m.value / total : null), share),
        numberColumn('Orders', (m) => m.orders, f.count),
        numberColumn(
          'Mean instalments',
          (m) => m.installments,
          (v) => (v ?? 0).toFixed(1),
        ),
      ],
    };
    return view;
  }
  const byCategory = result.mode === 'category';
  const view: DataView<PaymentMixRow> = {
    caption: byCategory ? 'Payment mix by category' : `Payment mix per ${result.granularity}`,
    rows: result.mix ?? [],
    columns: [
      {
        label: byCategory ? 'Category' : 'Period',
        value: (r) => (byCategory ? r.grp : bucketLabel(r.grp, result.granularity, locale)),
        raw: (r) => r.grp,
      },
      { label: 'Method', value: (r) => methodLabel(r.method), raw: (r) => r.method },
      numberColumn('Amount', (r) => r.value, money),
      numberColumn('Share of amount', (r) => r.value_share, share),
      numberColumn('Orders', (r) => r.orders, f.count),
      numberColumn('Share of orders', (r) => r.order_share, share),
    ],
  };
  return view;
}
