import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import type { DataView } from '../base/mkt-widget.js';
import { oneOf } from '../base/attribute-check.js';
import { SERIES } from '../base/tokens.styles.js';
import { rows, sharedRows } from '../../data/arrow-rows.js';
import {
  FUNNEL_BREAKDOWNS,
  FUNNEL_STEPS,
  funnelRows,
  sourceLabel,
  type FunnelBreakdown,
  type SessionDepthRow,
} from '../../metrics/funnel.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { funnelSteps } from '../../charts/funnel-steps.js';
import { rateCards } from '../../charts/rate-cards.js';
import { funnelStyles, rateStyles } from './mkt-funnel.styles.js';
import { named } from '../../queries/registry.js';

/** Sessions reaching each step of one group (or of all sessions). */
export interface FunnelGroup {
  readonly name: string | null;
  readonly sessions: number;
  /** Sessions reaching view, cart, checkout, purchase. */
  readonly steps: readonly [number, number, number, number];
}

export interface FunnelResult {
  readonly breakdown: FunnelBreakdown;
  readonly groups: readonly FunnelGroup[];
  /** All groups together. */
  readonly total: FunnelGroup;
  /** Orders placed in the window (null without order lines), to reconcile with the purchases. */
  readonly orders: number | null;
}

const STEP_SHORT = ['View', 'Cart', 'Checkout', 'Purchase'];
const RATES = [
  { label: 'View → cart', of: 0, to: 1 },
  { label: 'Cart → checkout', of: 1, to: 2 },
  { label: 'Checkout → purchase', of: 2, to: 3 },
] as const;

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The session conversion funnel: sessions reaching view → add to cart → checkout → purchase, with each step's share
 * of sessions, its conversion from the step before and the drop-off. Counts come from `mkt_sessions` (one row per
 * session of `page_events`, filtered by session day and the dashboard's filters).
 *
 * A session reaches a step when it has that event and has reached every earlier step, in any order within the
 * session (`mkt_sessions` keeps one flag per step): so the funnel never widens.
 *
 * `breakdown="category"` compares the step conversions per category of the session's first product (small
 * multiples; the category filter is ignored there and a click selects a category); `breakdown="source"` shows
 * sessions and conversion per traffic source. The marker on each bar is the rate over all groups.
 *
 * @summary Conversion funnel, by category and by traffic source.
 * @fires mkt-filter-change - A category was clicked (by-category view): `{ categories: [...] }`.
 * @csspart card - The widget's frame.
 * @csspart bar - A step's bar.
 * @csspart multiple - One group of the breakdown.
 * @csspart tooltip - The tooltip.
 * @cssprop --mkt-series-1 - Colour of the bars.
 */
@customElement('mkt-funnel')
export class MktFunnel extends MktWidget<FunnelResult> {
  static override styles = [...MktWidget.styles, chartStyles, funnelStyles, rateStyles];

  /** `none` (one funnel), `category` (small multiples per category) or `source` (per traffic source). */
  @property({ reflect: true }) breakdown: FunnelBreakdown = 'none';
  /** Hide the breakdown toggle. */
  @property({ type: Boolean, attribute: 'no-controls' }) noControls = false;

  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  protected override requires: readonly string[] = ['mkt_sessions'];
  /** The selection it highlights (see MktWidget). */
  protected override readonly drawnFilters = ['categories'] as const;

  private get by(): FunnelBreakdown {
    return this.validAttribute(
      'breakdown',
      this.breakdown,
      oneOf(FUNNEL_BREAKDOWNS),
      'none',
      FUNNEL_BREAKDOWNS.join(', '),
    );
  }

  protected override queryArgs() {
    return [this.by];
  }

  protected override async query({ engine, filters, dashboard, signal }: QueryContext): Promise<FunnelResult> {
    const breakdown = this.by;
    const [depths, orders] = await Promise.all([
      engine.query(named('sessionDepths', filters), signal).then((t) => sharedRows<SessionDepthRow>(t)),
      dashboard.info?.tables.has('mkt_orders')
        ? engine.query(named('ordersPlaced', filters), signal).then((t) => rows<{ orders: number }>(t)[0]?.orders ?? 0)
        : null,
    ]);
    const groups = funnelRows(depths, breakdown, filters.categories).map((r): FunnelGroup => ({
      name: r.grp,
      sessions: r.sessions,
      steps: [r.viewed, r.carted, r.checked_out, r.purchased],
    }));
    const sum = (i: number) => groups.reduce((n, g) => n + g.steps[i], 0);
    const total: FunnelGroup = {
      name: null,
      sessions: groups.reduce((n, g) => n + g.sessions, 0),
      steps: [sum(0), sum(1), sum(2), sum(3)],
    };
    return { breakdown, groups, total, orders };
  }

  protected override isEmpty(result: FunnelResult): boolean {
    return result.total.sessions === 0;
  }

  protected override emptyMessage(): string {
    return 'No sessions match the current filters.';
  }

  protected override renderControls() {
    if (this.noControls) return nothing;
    const options: [FunnelBreakdown, string][] = [
      ['none', 'Funnel'],
      ['category', 'By category'],
      ['source', 'By source'],
    ];
    return segmented('Break down by', options, this.by, (v) => (this.breakdown = v));
  }

  /** Sessions reaching each step, per group and in total: the "Table" view and the CSV export. */
  protected override dataView(result: FunnelResult): DataView<FunnelGroup> {
    const f = this.format;
    const by = result.breakdown;
    const rows = by === 'none' ? [result.total] : [...result.groups, { ...result.total, name: 'All' }];
    const conversion = (g: FunnelGroup) => (g.sessions > 0 ? g.steps[3] / g.sessions : null);
    return {
      caption:
        by === 'none'
          ? 'Conversion funnel'
          : `Conversion funnel by ${by === 'category' ? 'category' : 'traffic source'}`,
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

  protected override renderResult(result: FunnelResult) {
    return html`<div class="chart" @pointerleave=${this.cursor.hide}>
        ${result.breakdown === 'none' ? this.renderFunnel(result.total) : this.renderMultiples(result)}
        ${this.cursor.overlay()}
      </div>
      ${this.renderReconciliation(result)}`;
  }

  /** Purchases vs orders placed: a sampled clickstream tracks only some of the orders, and the element says so. */
  private renderReconciliation(result: FunnelResult) {
    const { orders } = result;
    const purchases = result.total.steps[3];
    if (orders === null || orders === 0) return nothing;
    const f = this.format;
    return html`<p class="data-note" data-note="reconcile">
      ${
        purchases >= orders
          ? `${f.count(purchases)} purchases, ${f.count(orders)} orders placed: every order has its session.`
          : `${f.count(purchases)} purchase sessions vs ${f.count(orders)} orders placed: the page events track ${f.percent(purchases / orders, 1)} of the orders (a sample of the sessions), so the rates are of the sample.`
      }
    </p>`;
  }

  private renderFunnel(g: FunnelGroup) {
    const f = this.format;
    const steps = FUNNEL_STEPS.map((step, i) => {
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
    return html`<p class="base">${f.count(g.sessions)} sessions</p>
      ${funnelSteps(steps, {
        width: this.size.drawWidth,
        total: Math.max(1, g.sessions),
        color: SERIES[0],
        label: 'Conversion funnel',
        cursor: this.cursor,
      })}
      <p class="summary">
        Session conversion ${f.percent(ratio(g.steps[3], g.sessions), 2)} · cart abandonment
        ${f.percent(g.steps[1] > 0 ? 1 - g.steps[3] / g.steps[1] : null, 1)}
      </p>`;
  }

  private renderMultiples(result: FunnelResult) {
    const f = this.format;
    const byCategory = result.breakdown === 'category';
    const selected = new Set(this.dashboard?.filters.categories ?? []);
    const t = result.total;
    const rates = (g: FunnelGroup) => [
      ...RATES.map((r) => ratio(g.steps[r.to], g.steps[r.of])),
      ratio(g.steps[3], g.sessions),
    ];
    const overall = rates(t);
    const labels = [...RATES.map((r) => r.label), 'Session conversion'];
    const cards = result.groups.map((g) => {
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
    const toggle = (name: string) => {
      if (name === '(none)') return;
      const next = new Set(selected);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      this.changeFilters({ categories: [...next] });
    };
    return html`${rateCards(cards, { select: byCategory ? { selected, toggle } : undefined, cursor: this.cursor })}
      <p class="summary">
        Bars: step conversion within each ${byCategory ? 'category' : 'traffic source'}; the mark is the rate over all.
        ${byCategory ? 'Select a category to filter the dashboard.' : nothing}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-funnel': MktFunnel;
  }
}
