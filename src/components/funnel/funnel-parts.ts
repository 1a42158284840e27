import { html, nothing, type TemplateResult } from 'lit';
import type { DataView } from '../base/mkt-widget.js';
import { FUNNEL_STEPS, sourceLabel } from '../../metrics/funnel.js';
import type { FunnelStep } from '../../charts/funnel-steps.js';
import type { RateCard } from '../../charts/rate-cards.js';
import type { Formatter } from '../../format/format.js';
import type { FunnelGroup, FunnelResult } from './mkt-funnel.js';

const STEP_SHORT = ['View', 'Cart', 'Checkout', 'Purchase'];
const RATES = [
  { label: 'View → cart', of: 0, to: 1 },
  { label: 'Cart → checkout', of: 1, to: 2 },
  { label: 'Checkout → purchase', of: 2, to: 3 },
] as const;

export const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Sessions reaching each step, per group and in total: the "Table" view and the CSV export. */
export function funnelTable(result: FunnelResult, f: Formatter): DataView<FunnelGroup> {
  const by = result.breakdown;
  const rows = by === 'none' ? [result.total] : [...result.groups, { ...result.total, name: 'All' }];
  const conversion = (g: FunnelGroup) => (g.sessions > 0 ? g.steps[3] / g.sessions : null);
  return {
    caption:
      by === 'none' ? 'Conversion funnel' : `Conversion funnel by ${by === 'category' ? 'category' : 'traffic source'}`,
    rows,
    columns: [
      ...(by === 'none'
        ? []
        : [
            {
              label: by === 'category' ? 'Category' : 'Traffic source',
              value: (g: FunnelGroup) =>
                by === 'source' && g.name && g.name !== 'All' ? sourceLabel(g.name) : (g.name ?? '(none)'),
              raw: (g: FunnelGroup) => g.name,
            },
          ]),
      { label: 'Sessions', value: (g) => f.count(g.sessions), raw: (g) => g.sessions, numeric: true },
      ...FUNNEL_STEPS.map((s, i) => ({
        label: s.label,
        value: (g: FunnelGroup) => f.count(g.steps[i]),
        raw: (g: FunnelGroup) => g.steps[i],
        numeric: true,
      })),
      { label: 'Session conversion', value: (g) => f.percent(conversion(g), 2), raw: conversion, numeric: true },
    ],
  };
}

/** Purchases vs orders placed: a sampled clickstream tracks only some of the orders, and the element says so. */
export function funnelReconciliation(result: FunnelResult, f: Formatter): TemplateResult | typeof nothing {
  const { orders } = result;
  const purchases = result.total.steps[3];
  if (orders === null || orders === 0) return nothing;
  return html`<p class="data-note" data-note="reconcile">
    ${
      purchases >= orders
        ? `${f.count(purchases)} purchases, ${f.count(orders)} orders placed: every order has its session.`
        : `${f.count(purchases)} purchase sessions vs ${f.count(orders)} orders placed: the page events track ${f.percent(purchases / orders, 1)} of the orders (a sample of the sessions), so the rates are of the sample.`
    }
  </p>`;
}

/** The four steps of one group as `funnelSteps()` draws them: count, share of sessions, conversion, drop-off. */
export function funnelStepRows(g: FunnelGroup, f: Formatter): FunnelStep[] {
  return FUNNEL_STEPS.map((step, i) => {
    const count = g.steps[i];
    const conv = ratio(count, i === 0 ? g.sessions : g.steps[i - 1]);
    const drop = f.percent(conv === null ? null : 1 - conv, 1);
    const share = ratio(count, g.sessions);
    return {
      key: step.key,
      label: step.label,
      value: count,
      text: `${f.count(count)} · ${f.percent(share, 1)}`,
      note:
        i === 0
          ? `${f.percent(conv, 1)} of sessions`
          : `↳ ${f.percent(conv, 1)} from ${STEP_SHORT[i - 1].toLowerCase()} · ${drop} drop off`,
      lines: [
        step.label,
        `${f.count(count)} sessions (${f.percent(share, 2)} of all)`,
        i === 0
          ? `${f.percent(conv, 1)} of sessions viewed a product`
          : `${f.percent(conv, 1)} of "${FUNNEL_STEPS[i - 1].label}" continued; ${drop} dropped off`,
      ],
    };
  });
}

/** One card per group of the breakdown: its step conversions against the rates over all groups. */
export function funnelCards(result: FunnelResult, f: Formatter): RateCard[] {
  const byCategory = result.breakdown === 'category';
  const t = result.total;
  const rates = (g: FunnelGroup) => [
    ...RATES.map((r) => ratio(g.steps[r.to], g.steps[r.of])),
    ratio(g.steps[3], g.sessions),
  ];
  const overall = rates(t);
  const labels = [...RATES.map((r) => r.label), 'Session conversion'];
  return result.groups.map((g) => {
    const name = g.name ?? '(none)';
    const values = rates(g);
    return {
      key: name,
      title: byCategory ? name : sourceLabel(name),
      meta: [`${f.compact(g.sessions)} sessions · `, f.percent(values[3], 1), ' convert'] as const,
      rates: labels.map((label, i) => ({
        label,
        value: values[i],
        ref: overall[i],
        text: f.percent(values[i], 1),
        overall: i === 3,
      })),
      lines: [
        byCategory ? name : sourceLabel(name),
        `${f.count(g.sessions)} sessions, ${f.count(g.steps[3])} with a purchase (${f.percent(values[3], 2)})`,
        ...STEP_SHORT.map((s, i) => `${s}: ${f.count(g.steps[i])}`),
        ...RATES.map((r, i) => `${r.label}: ${f.percent(values[i], 1)} (all: ${f.percent(overall[i], 1)})`),
      ],
    };
  });
}
