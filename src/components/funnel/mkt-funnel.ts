import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleProps } from '../../charts/style-props.js';
import { scaleLinear } from 'd3';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { oneOf } from '../base/attribute-check.js';
import { SERIES } from '../base/tokens.styles.js';
import { sharedRows } from '../../data/arrow-rows.js';
import {
  FUNNEL_BREAKDOWNS,
  FUNNEL_STEPS,
  funnelRows,
  sessionDepthsSql,
  sourceLabel,
  type FunnelBreakdown,
  type SessionDepthRow,
} from '../../metrics/funnel.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import { funnelStyles, rateStyles } from './mkt-funnel.styles.js';

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

  @state() private tip: TooltipState | null = null;
  private readonly size = new SizeController(this);

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

  protected override async query({ engine, filters, signal }: QueryContext): Promise<FunnelResult> {
    const breakdown = this.by;
    const depths = sharedRows<SessionDepthRow>(await engine.query(sessionDepthsSql(filters), signal));
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
    return { breakdown, groups, total };
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
    return html`<div class="segmented" role="group" aria-label="Break down by">
      ${options.map(([v, text]) => html`<button type="button" aria-pressed=${this.by === v ? 'true' : 'false'} @click=${() => (this.breakdown = v)}>${text}</button>`)}
    </div>`;
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
    return html`<div class="chart" @pointerleave=${() => (this.tip = null)}>
      ${result.breakdown === 'none' ? this.renderFunnel(result.total) : this.renderMultiples(result)}
      ${tooltip(this.tip)}
    </div>`;
  }

  private show(event: Event, lines: string[]): void {
    const container = this.renderRoot.querySelector('.chart');
    if (container) this.tip = { ...pointIn(container, event), lines };
  }

  private renderFunnel(g: FunnelGroup) {
    const f = this.format;
    const width = this.size.drawWidth;
    const rowH = 62;
    const height = FUNNEL_STEPS.length * rowH;
    const x = scaleLinear()
      .domain([0, Math.max(1, g.sessions)])
      .range([0, width]);
    return html`<p class="base">${f.count(g.sessions)} sessions</p>
      <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="group" aria-label="Conversion funnel">
        ${FUNNEL_STEPS.map((step, i) => {
          const count = g.steps[i];
          const prev = i === 0 ? g.sessions : g.steps[i - 1];
          const share = ratio(count, g.sessions);
          const conv = ratio(count, prev);
          const y = i * rowH;
          const lines = [
            step.label,
            `${f.count(count)} sessions (${f.percent(share, 2)} of all)`,
            i === 0
              ? `${f.percent(conv, 1)} of sessions viewed a product`
              : `${f.percent(conv, 1)} of "${FUNNEL_STEPS[i - 1].label}" continued; ${f.percent(conv === null ? null : 1 - conv, 1)} dropped off`,
          ];
          return svg`<g class="step" data-step=${step.key} transform="translate(0,${y})" tabindex="0" role="img"
              aria-label=${lines.join('. ')}
              @focus=${(e: FocusEvent) => this.show(e, lines)} @blur=${() => (this.tip = null)}
              @pointerenter=${(e: PointerEvent) => this.show(e, lines)} @pointerleave=${() => (this.tip = null)}>
            <text class="step-label" x="0" y="13">${step.label}</text>
            <text class="step-value" x=${width} y="13" text-anchor="end">${f.count(count)} · ${f.percent(share, 1)}</text>
            <rect class="track" x="0" y="20" width=${width} height="18" rx="3"></rect>
            <rect class="bar" part="bar" x="0" y="20" width=${Math.max(count > 0 ? 2 : 0, x(count))} height="18" rx="3" fill=${SERIES[0]}></rect>
            ${
              i > 0
                ? svg`<text class="conv" x="0" y="52">↳ ${f.percent(conv, 1)} from ${STEP_SHORT[i - 1].toLowerCase()} · ${f.percent(conv === null ? null : 1 - conv, 1)} drop off</text>`
                : svg`<text class="conv" x="0" y="52">${f.percent(conv, 1)} of sessions</text>`
            }
          </g>`;
        })}
      </svg>
      <p class="summary">
        Session conversion ${this.format.percent(ratio(g.steps[3], g.sessions), 2)} · cart abandonment
        ${this.format.percent(g.steps[1] > 0 ? 1 - g.steps[3] / g.steps[1] : null, 1)}
      </p>`;
  }

  private renderMultiples(result: FunnelResult) {
    const f = this.format;
    const byCategory = result.breakdown === 'category';
    const selected = new Set(this.dashboard?.filters.categories ?? []);
    const t = result.total;
    const overall = [...RATES.map((r) => ratio(t.steps[r.to], t.steps[r.of])), ratio(t.steps[3], t.sessions)];
    const bars = [...RATES.map((r) => r.label), 'Session conversion'];
    return html`<ul class="multiples">
        ${result.groups.map((g) => {
          const name = g.name ?? '(none)';
          const title = byCategory ? name : sourceLabel(name);
          const values = [...RATES.map((r) => ratio(g.steps[r.to], g.steps[r.of])), ratio(g.steps[3], g.sessions)];
          const lines = [
            title,
            `${f.count(g.sessions)} sessions, ${f.count(g.steps[3])} with a purchase (${f.percent(values[3], 2)})`,
            ...STEP_SHORT.map((s, i) => `${s}: ${f.count(g.steps[i])}`),
            ...RATES.map((r, i) => `${r.label}: ${f.percent(values[i], 1)} (all: ${f.percent(overall[i], 1)})`),
          ];
          const isSelected = selected.has(name);
          const toggle = () => {
            if (!byCategory || g.name === null) return;
            const next = new Set(selected);
            if (next.has(name)) next.delete(name);
            else next.add(name);
            this.changeFilters({ categories: [...next] });
          };
          return html`<li>
            <div
              class="multiple ${isSelected ? 'selected' : ''}"
              part="multiple"
              data-group=${name}
              tabindex="0"
              role=${byCategory ? 'button' : 'img'}
              aria-pressed=${byCategory ? String(isSelected) : nothing}
              aria-label=${byCategory ? nothing : lines.join('. ')}
              @click=${toggle}
              @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle())}
              @focus=${(e: FocusEvent) => this.show(e, lines)}
              @blur=${() => (this.tip = null)}
              @pointerenter=${(e: PointerEvent) => this.show(e, lines)}
              @pointerleave=${() => (this.tip = null)}
            >
              <div class="multiple-head">
                <span class="name">${title}</span>
                <span class="meta"
                  >${f.compact(g.sessions)} sessions · <strong>${f.percent(values[3], 1)}</strong> convert</span
                >
                ${byCategory ? html`<span class="visually-hidden">. ${lines.slice(1).join('. ')}</span>` : nothing}
              </div>
              <div class="rates" aria-hidden="true">
                ${bars.map((label, i) => {
                  const v = values[i];
                  const share = (r: number | null) => Math.max(0, Math.min(1, r ?? 0));
                  // Transforms, not widths: a new result then re-paints the bars without laying the cards out again.
                  return html`<span class="bar-label">${label}</span>
                    <span class="track ${i === 3 ? 'overall' : ''}">
                      <span class="bar" ${styleProps({ transform: `scaleX(${share(v)})` })}></span>
                      <span
                        class="ref"
                        ?hidden=${overall[i] === null}
                        ${styleProps({ transform: `translateX(${share(overall[i]) * 100}%)` })}
                      ></span>
                    </span>
                    <span class="bar-value">${f.percent(v, 1)}</span>`;
                })}
              </div>
            </div>
          </li>`;
        })}
      </ul>
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
