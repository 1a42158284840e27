import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import type { DataView } from '../base/mkt-widget.js';
import { oneOf } from '../base/attribute-check.js';
import { SERIES } from '../base/tokens.styles.js';
import { rows, sharedRows } from '../../data/arrow-rows.js';
import { FUNNEL_BREAKDOWNS, funnelRows, type FunnelBreakdown, type SessionDepthRow } from '../../metrics/funnel.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { funnelSteps } from '../../charts/funnel-steps.js';
import { rateCards } from '../../charts/rate-cards.js';
import { funnelStyles, rateStyles } from './mkt-funnel.styles.js';
import { funnelCards, funnelReconciliation, funnelStepRows, funnelTable, ratio } from './funnel-parts.js';
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
    return funnelTable(result, this.format);
  }

  protected override renderResult(result: FunnelResult) {
    return html`<div class="chart" @pointerleave=${this.cursor.hide}>
        ${result.breakdown === 'none' ? this.renderFunnel(result.total) : this.renderMultiples(result)}
        ${this.cursor.overlay()}
      </div>
      ${funnelReconciliation(result, this.format)}`;
  }

  private renderFunnel(g: FunnelGroup) {
    const f = this.format;
    const steps = funnelStepRows(g, f);
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
    const cards = funnelCards(result, f);
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
