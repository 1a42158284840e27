import { html, nothing } from 'lit';
import type { Formatter } from '../../format/format.js';
import type { InstalmentSummary, MixGroup, PaymentMethodRow } from '../../metrics/payments.js';
import type { Window } from '../../metrics/revenue-trend.js';
import { bars } from '../../charts/bars.js';
import { shareBars } from '../../charts/share-bars.js';
import { stackedBars } from '../../charts/stacked-bars.js';
import { legend } from '../../charts/legend.js';
import type { CursorController } from '../../charts/cursor.js';
import { bucketLabel, isPartial, periodEnd, utcDay, type TimeUnit } from '../../charts/time-format.js';
import { barLayout } from '../base/bar-layout.js';
import { figures } from '../base/figures.js';
import { SERIES } from '../base/tokens.styles.js';

/** What the views draw with: the dashboard's formatting and locale and the card's width. */
export interface ViewContext {
  readonly f: Formatter;
  readonly locale: string;
  readonly width: number;
}

/** Width of a character of the 12 px value text, for the room it needs (tabular digits). */
const CHAR_WIDTH = 6.8;

/** `credit_card` → "Credit card". */
export function methodLabel(method: string): string {
  const words = method.replaceAll('_', ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : method;
}

export const methodColor = (methods: readonly string[], method: string) =>
  SERIES[Math.max(0, methods.indexOf(method)) % SERIES.length];

const methodLegend = (methods: readonly string[]) =>
  legend(methods.map((m) => ({ label: methodLabel(m), color: methodColor(methods, m) })));

/** One bar per method: its share of the value paid, amount and orders; the mean instalments of those paid in several. */
export function methodsView(methods: readonly PaymentMethodRow[], total: number, { f, width }: ViewContext) {
  const orders = (n: number) => `${f.count(n)} ${n === 1 ? 'order' : 'orders'}`;
  const byInstalments = methods.filter((m) => m.installments > 1.05);
  const share = (m: PaymentMethodRow) => f.percent(total > 0 ? m.value / total : null, 1);
  const long = methods.map((m) => `${share(m)} · ${f.money(m.value)} · ${orders(m.orders)}`);
  // The value text is read beside the bar: on a narrow card the order counts are left to the table view.
  const fits = Math.max(...long.map((t) => t.length)) * CHAR_WIDTH <= width * 0.55;
  const texts = fits ? long : methods.map((m) => `${share(m)} · ${f.money(m.value)}`);
  const labels = methods.map((m) => methodLabel(m.method));
  return html`${bars(
    methods.map((m, i) => ({ key: m.method, label: labels[i], value: m.value, text: texts[i] })),
    {
      ...barLayout(width, labels, Math.round(8 + Math.max(...texts.map((t) => t.length)) * CHAR_WIDTH)),
      track: true,
      label: `Payment methods by amount paid: ${methods.map((m) => `${methodLabel(m.method)} ${share(m)}`).join(', ')}`,
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
  }`;
}

const TOP_CATEGORIES = 12;

function sumGroups(grp: string, groups: readonly MixGroup[]): MixGroup {
  const values: Record<string, number> = {};
  for (const g of groups) for (const [m, v] of Object.entries(g.values)) values[m] = (values[m] ?? 0) + v;
  return { grp, values, total: groups.reduce((s, g) => s + g.total, 0) };
}

/** One 100 % bar per category, split by method, largest category first; past 12, the rest as one bar. */
export function categoryView(methods: readonly string[], groups: readonly MixGroup[], { f, width }: ViewContext) {
  const top = (g: MixGroup) => methods.find((m) => (g.values[m] ?? 0) > 0) ?? methods[0];
  const ranked = [...groups].sort((a, b) => b.total - a.total || a.grp.localeCompare(b.grp));
  // A long tail of categories (Olist has over 70) is one bar: the table view lists them all.
  const rest = ranked.slice(TOP_CATEGORIES);
  const sorted =
    rest.length > 1 ? [...ranked.slice(0, TOP_CATEGORIES), sumGroups(`${rest.length} other categories`, rest)] : ranked;
  const texts = sorted.map((g) => f.money(g.total));
  const layout = barLayout(
    width,
    sorted.map((g) => g.grp),
    Math.round(8 + Math.max(...texts.map((t) => t.length)) * CHAR_WIDTH),
  );
  const share = (g: MixGroup, m: string) => (g.total > 0 ? (g.values[m] ?? 0) / g.total : null);
  return html`${shareBars(
    sorted.map((g, i) => ({ key: g.grp, label: g.grp, values: g.values, text: texts[i] })),
    {
      width,
      labelWidth: layout.labelWidth,
      valueWidth: layout.valueWidth,
      labelsAbove: layout.labelsAbove,
      keys: methods,
      color: (m) => methodColor(methods, m),
      title: (r, m, s) => `${r.label}: ${methodLabel(m)} ${f.percent(s, 1)} · ${f.money(r.values[m] ?? 0)}`,
      label: `Payment mix by category, share of the value paid: ${sorted
        .map((g) => `${g.grp} ${methodLabel(top(g))} ${f.percent(share(g, top(g)), 0)}`)
        .join(', ')}`,
    },
  )}
  ${methodLegend(methods)}`;
}

/** The value paid per period, stacked by method; a period the window holds only in part is faded. */
export function timeView(
  methods: readonly string[],
  groups: readonly MixGroup[],
  unit: TimeUnit,
  window: Window,
  cursor: CursorController,
  { f, width, locale }: ViewContext,
) {
  const partial = (g: MixGroup) => {
    const end = periodEnd(g.grp, unit);
    return isPartial(g.grp, g.grp < window.from ? window.from : g.grp, end > window.to ? window.to : end, unit);
  };
  return html`<div class="chart">
      ${stackedBars(
        groups.map((g) => ({ x: utcDay(g.grp), values: g.values, partial: partial(g) })),
        {
          width,
          height: 220,
          keys: methods,
          color: (m) => methodColor(methods, m),
          locale,
          yFormat: (v) => f.moneyCompact(v),
          label: `Value paid per ${unit} by payment method, ${groups.length} bars. Use the arrow keys to read each ${unit}.`,
          cursor: {
            controller: cursor,
            lines: (i) => {
              const g = groups[i];
              return [
                bucketLabel(g.grp, unit, locale),
                ...methods
                  .filter((m) => g.values[m])
                  .map((m) => `${methodLabel(m)} ${f.money(g.values[m])} (${f.percent(g.values[m] / g.total, 0)})`),
                `Total ${f.money(g.total)}`,
              ];
            },
          },
        },
      )}
      ${cursor.overlay(true)}
    </div>
    ${methodLegend(methods)}
    ${
      groups.some(partial)
        ? html`<p class="note partial">Faded: a ${unit} the date range holds only in part.</p>`
        : nothing
    }`;
}

/** How many instalments the value was paid in: figures, and one bar per number of instalments. */
export function installmentsView(s: InstalmentSummary, { f, width }: ViewContext) {
  const word = (n: number) => (n === 1 ? 'At once' : `${n} instalments`);
  const texts = s.buckets.map((b) => `${f.percent(b.share, 1)} · ${f.money(b.value)}`);
  const items = s.buckets.map((b, i) => ({
    key: String(b.installments),
    label: word(b.installments),
    value: b.value,
    text: texts[i],
  }));
  return html`${figures([
    ['Paid in instalments', f.percent(s.share, 1)],
    ['Amount in instalments', f.money(s.inInstalments)],
    ['Payments in instalments', `${f.count(s.paymentsInInstalments)} of ${f.count(s.payments)}`],
  ])}
  ${bars(items, {
    ...barLayout(
      width,
      items.map((b) => b.label),
      Math.round(8 + Math.max(...texts.map((t) => t.length)) * CHAR_WIDTH),
    ),
    track: true,
    label: `Value paid by number of instalments: ${s.buckets
      .map((b, i) => `${items[i].label} ${f.percent(b.share, 0)}`)
      .join(', ')}`,
  })}`;
}
