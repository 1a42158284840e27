import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import { segmented } from '../base/segmented.js';
import type { DataView } from '../base/mkt-widget.js';
import { oneOf } from '../base/attribute-check.js';
import { SERIES } from '../base/tokens.styles.js';
import { rows, sharedRows } from '../../data/arrow-rows.js';
import { sessionPathRows, sourceLabel, type SessionDepthRow } from '../../metrics/funnel.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { CursorController } from '../../charts/cursor.js';
import { sankey, type FlowActive } from '../../charts/sankey.js';
import {
  journeyGraph,
  repeatPaths,
  sessionPaths,
  type JourneyGraph,
  type JourneyLink,
  type JourneyNode,
} from '../../models/journey-graph.js';
import { journeyScrollStyles, journeyStyles } from './mkt-journey.styles.js';
import { named } from '../../queries/registry.js';

export type JourneyMode = 'session' | 'repeat';

export interface JourneyResult {
  readonly mode: JourneyMode;
  readonly graph: JourneyGraph;
}

const GOOD = new Set(['Purchased', 'First purchase', 'Repeat purchase']);
/** Exits sit below the onward steps in each column, so that the path to a purchase runs along the top. */
const isExit = (n: JourneyNode) => n.terminal && !GOOD.has(n.name);

/**
 * A sankey of journeys.
 *
 * - `mode="session"`: every session of `page_events` (filtered by session day and the dashboard's filters) flows
 *   from its traffic source through the funnel steps it reached, in order (as in `<mkt-funnel>`), to a purchase or
 *   to the exit after its last step.
 * - `mode="repeat"`: every known visitor (anonymous sessions cannot be followed) flows from the traffic source of
 *   their first session in the window to a first purchase (or none) and on to a repeat purchase (two or more
 *   sessions with a purchase) or a single one. Measured on the clickstream.
 *
 * Hover or focus a traffic source to draw its share of every flow; hover or focus any other node or link to
 * highlight the paths through it.
 *
 * @summary Sankey of session paths (source → steps → purchase or exit) and of repeat-purchase paths.
 * @csspart card - The widget's frame.
 * @csspart node - A node.
 * @csspart link - A link.
 * @csspart tooltip - The tooltip.
 * @cssprop --mkt-series-1 - Colour of the flows that end in a purchase.
 */
@customElement('mkt-journey')
export class MktJourney extends MktWidget<JourneyResult> {
  static override styles = [...MktWidget.styles, chartStyles, journeyStyles, journeyScrollStyles];

  /** `session` (source → steps → purchase or exit) or `repeat` (first visit → first purchase → repeat purchase). */
  @property({ reflect: true }) mode: JourneyMode = 'session';
  /** Hide the mode toggle. */
  @property({ type: Boolean, attribute: 'no-controls' }) noControls = false;

  @state() private active: FlowActive = null;
  private readonly size = new SizeController(this);
  private readonly cursor = new CursorController(this);

  protected override requires: readonly string[] = ['mkt_sessions'];
  /** Draws no filter besides its result (see MktWidget). */
  protected override readonly drawnFilters = [] as const;

  private get how(): JourneyMode {
    return this.validAttribute(
      'mode',
      this.mode,
      oneOf(['session', 'repeat'] as const),
      'session',
      'session or repeat',
    );
  }

  protected override queryArgs() {
    return [this.how];
  }

  protected override async query({ engine, filters, signal }: QueryContext): Promise<JourneyResult> {
    if (this.how === 'repeat') {
      const r = rows<{ source: string; purchases: number; customers: number }>(
        await engine.query(named('repeatPaths', filters), signal),
      );
      return { mode: 'repeat', graph: journeyGraph(repeatPaths(r)) };
    }
    // The same SQL as the funnels': one scan serves every funnel element and the journeys.
    const depths = sharedRows<SessionDepthRow>(await engine.query(named('sessionDepths', filters), signal));
    return { mode: 'session', graph: journeyGraph(sessionPaths(sessionPathRows(depths, filters.categories))) };
  }

  protected override isEmpty(result: JourneyResult): boolean {
    return result.graph.total === 0;
  }

  protected override emptyMessage(): string {
    return this.how === 'repeat'
      ? 'No known visitors in the current filters.'
      : 'No sessions match the current filters.';
  }

  protected override renderControls() {
    if (this.noControls) return nothing;
    const options: [JourneyMode, string][] = [
      ['session', 'Sessions'],
      ['repeat', 'Repeat purchases'],
    ];
    return segmented('Journey', options, this.how, (v) => (this.mode = v));
  }

  private nodeLabel(name: string, column: number): string {
    return column === 0 ? sourceLabel(name) : name;
  }

  /** Every flow of the sankey as a row: the "Table" view and the CSV export. */
  protected override dataView(result: JourneyResult): DataView<JourneyLink> {
    const f = this.format;
    const who = result.mode === 'repeat' ? 'Customers' : 'Sessions';
    return {
      caption: result.mode === 'repeat' ? 'Repeat purchase paths' : 'Session paths',
      rows: result.graph.links,
      columns: [
        { label: 'From', value: (l) => l.source },
        { label: 'To', value: (l) => l.target },
        { label: who, value: (l) => f.count(l.value), raw: (l) => l.value, numeric: true },
        {
          label: `Share of all ${who.toLowerCase()}`,
          value: (l) => f.percent(result.graph.total > 0 ? l.value / result.graph.total : null, 1),
          raw: (l) => (result.graph.total > 0 ? l.value / result.graph.total : null),
          numeric: true,
        },
      ],
    };
  }

  protected override renderResult(result: JourneyResult) {
    const f = this.format;
    const { graph, mode } = result;
    const unit = mode === 'repeat' ? 'customers' : 'sessions';
    const column = new Map(graph.nodes.map((n) => [n.name, n.column]));
    const share = (v: number) => f.percent(graph.total > 0 ? v / graph.total : null, 1);
    const terminal = new Set(graph.nodes.filter((n) => n.terminal).map((n) => n.name));
    const kind = (name: string) => (GOOD.has(name) ? 'good' : terminal.has(name) ? 'exit' : 'step');
    const available = this.size.drawWidth;
    const { chart, width } = sankey(
      graph.nodes.map((n) => ({
        name: n.name,
        label: this.nodeLabel(n.name, n.column),
        class: GOOD.has(n.name) ? 'good' : n.terminal ? 'exit' : '',
        color: GOOD.has(n.name) ? SERIES[0] : n.column === 0 ? SERIES[4] : 'var(--mkt-muted, var(--_mkt-muted))',
        last: isExit(n),
      })),
      graph.links.map((l) => ({ ...l, class: kind(l.target), parts: l.bySource })),
      {
        width: available,
        height: 380,
        label:
          mode === 'repeat'
            ? 'Repeat purchase paths of known visitors'
            : 'Session paths from traffic source to purchase or exit',
        count: (n, tall) => (tall ? `${f.compact(n.value)} · ${share(n.value)}` : f.compact(n.value)),
        nodeLines: (n) => [
          n.label ?? n.name,
          `${f.count(n.value)} ${unit} (${share(n.value)} of all)`,
          ...(n.depth > 0 && n.previous > 0 ? [`${f.percent(n.incoming / n.previous, 1)} of the step before`] : []),
        ],
        linkLines: (l, entry) => [
          `${this.nodeLabel(l.source, column.get(l.source) ?? 1)} → ${this.nodeLabel(l.target, column.get(l.target) ?? 1)}`,
          `${f.count(l.value)} ${unit} (${share(l.value)} of all)`,
          ...(entry ? [`from ${sourceLabel(entry)}: ${f.count(l.parts?.[entry] ?? 0)}`] : []),
        ],
        active: this.active,
        activate: (active, e, lines) => {
          this.active = active;
          this.cursor.showAt(e, lines);
        },
        clear: () => this.clear(),
      },
    );
    const scrolls = width > available;
    return html`<div class="chart" @pointerleave=${() => this.clear()}>
        <div
          class="scroll"
          tabindex=${scrolls ? '0' : nothing}
          aria-label=${scrolls ? 'Journey chart, scrolls sideways' : nothing}
          role=${scrolls ? 'region' : nothing}
          @scroll=${this.cursor.hide}
        >
          ${chart}
        </div>
        ${this.cursor.overlay()}
      </div>
      <p class="note">
        ${scrolls ? html`<span class="scroll-hint">Scroll sideways to see every step. </span>` : nothing}
        ${
          mode === 'repeat'
            ? `${f.count(graph.total)} known visitors, by the traffic source of their first visit. Dark blue: to a purchase; grey: no further purchase.`
            : `${f.count(graph.total)} sessions, from traffic source through the funnel steps. Dark blue: to a purchase; grey: exits.`
        }
        Hover or focus a source to trace its flow.
      </p>`;
  }

  private clear(): void {
    this.active = null;
    this.cursor.hide();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-journey': MktJourney;
  }
}
