import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sankey, sankeyLeft, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { MktWidget, type QueryContext } from '../base/mkt-widget.js';
import type { DataView } from '../base/mkt-widget.js';
import { oneOf } from '../base/attribute-check.js';
import { SERIES } from '../base/tokens.styles.js';
import { rows, sharedRows } from '../../data/arrow-rows.js';
import {
  repeatPathsSql,
  sessionDepthsSql,
  sessionPathRows,
  sourceLabel,
  type SessionDepthRow,
} from '../../metrics/funnel.js';
import { chartStyles } from '../../charts/chart.styles.js';
import { SizeController } from '../../charts/size-controller.js';
import { pointIn, tooltip, type TooltipState } from '../../charts/tooltip.js';
import {
  journeyGraph,
  repeatPaths,
  sessionPaths,
  type JourneyGraph,
  type JourneyLink,
  type JourneyNode,
} from './journey-graph.js';
import { journeyScrollStyles, journeyStyles } from './mkt-journey.styles.js';

export type JourneyMode = 'session' | 'repeat';

export interface JourneyResult {
  readonly mode: JourneyMode;
  readonly graph: JourneyGraph;
}

type N = SankeyNode<JourneyNode, JourneyLink>;
type L = SankeyLink<JourneyNode, JourneyLink>;

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

  @state() private active: { kind: 'node' | 'link'; name: string } | null = null;
  @state() private tip: TooltipState | null = null;
  private readonly size = new SizeController(this);

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
        await engine.query(repeatPathsSql(filters), signal),
      );
      return { mode: 'repeat', graph: journeyGraph(repeatPaths(r)) };
    }
    // The same SQL as the funnels': one scan serves every funnel element and the journeys.
    const depths = sharedRows<SessionDepthRow>(await engine.query(sessionDepthsSql(filters), signal));
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
    return html`<div class="segmented" role="group" aria-label="Journey">
      ${options.map(([v, text]) => html`<button type="button" aria-pressed=${this.how === v ? 'true' : 'false'} @click=${() => (this.mode = v)}>${text}</button>`)}
    </div>`;
  }

  private nodeLabel(n: JourneyNode): string {
    return n.column === 0 ? sourceLabel(n.name) : n.name;
  }

  /** Links on a path through the active node or link (for a source: its own links, drawn at its share). */
  private lit(graph: readonly L[]): Set<L> | null {
    const a = this.active;
    if (!a) return null;
    const out = new Set<L>();
    const name = (n: string | number | N) => (n as N).name;
    const start = a.kind === 'link' ? graph.filter((l) => `${name(l.source)}→${name(l.target)}` === a.name) : [];
    const up = (node: string) => graph.filter((l) => name(l.target) === node);
    const down = (node: string) => graph.filter((l) => name(l.source) === node);
    const walk = (links: L[], next: (l: L) => L[]) => {
      for (const l of links) {
        if (out.has(l)) continue;
        out.add(l);
        walk(next(l), next);
      }
    };
    if (a.kind === 'link') {
      start.forEach((l) => out.add(l));
      walk(
        start.flatMap((l) => up(name(l.source))),
        (l) => up(name(l.source)),
      );
      walk(
        start.flatMap((l) => down(name(l.target))),
        (l) => down(name(l.target)),
      );
    } else {
      walk(up(a.name), (l) => up(name(l.source)));
      walk(down(a.name), (l) => down(name(l.target)));
    }
    return out;
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
    // Five columns of labelled nodes need about 600px: narrower, the chart scrolls sideways instead of overlapping.
    const available = this.size.drawWidth;
    const width = Math.max(600, available);
    const scrolls = width > available;
    const height = 380;
    const layout = sankey<JourneyNode, JourneyLink>()
      .nodeId((n) => n.name)
      .nodeAlign(sankeyLeft)
      .nodeWidth(12)
      .nodePadding(22)
      .nodeSort((a, b) => Number(isExit(a)) - Number(isExit(b)) || (b.value ?? 0) - (a.value ?? 0))
      .extent([
        [1, 8],
        [width - 1, height - 8],
      ]);
    const { nodes, links } = layout({
      nodes: graph.nodes.map((n) => ({ ...n })),
      links: graph.links.map((l) => ({ ...l })),
    });
    const path = sankeyLinkHorizontal();
    const maxColumn = Math.max(...nodes.map((n) => n.depth ?? 0));
    const activeSource =
      this.active?.kind === 'node' && nodes.some((n) => n.name === this.active!.name && n.column === 0)
        ? this.active.name
        : null;
    const lit = activeSource ? null : this.lit(links);
    const unit = mode === 'repeat' ? 'customers' : 'sessions';
    const share = (v: number) => f.percent(graph.total > 0 ? v / graph.total : null, 1);
    const kind = (l: L) => (GOOD.has((l.target as N).name) ? 'good' : (l.target as N).terminal ? 'exit' : 'step');
    const linkName = (l: L) => `${(l.source as N).name}→${(l.target as N).name}`;
    const linkLines = (l: L) => [
      `${this.nodeLabel(l.source as N)} → ${this.nodeLabel(l.target as N)}`,
      `${f.count(l.value)} ${unit} (${share(l.value)} of all)`,
      ...(activeSource ? [`from ${sourceLabel(activeSource)}: ${f.count(l.bySource[activeSource] ?? 0)}`] : []),
    ];
    const nodeLines = (n: N) => {
      const incoming = (n.targetLinks ?? []).reduce((s, l) => s + l.value, 0);
      const previous =
        n.column > 0 ? (n.targetLinks ?? []).map((l) => (l.source as N).value ?? 0).reduce((a, b) => a + b, 0) : 0;
      return [
        this.nodeLabel(n),
        `${f.count(n.value)} ${unit} (${share(n.value ?? 0)} of all)`,
        ...(n.column > 0 && previous > 0 ? [`${f.percent(incoming / previous, 1)} of the step before`] : []),
      ];
    };

    return html`<div class="chart" @pointerleave=${() => ((this.active = null), (this.tip = null))}>
        <div
          class="scroll"
          tabindex=${scrolls ? '0' : nothing}
          aria-label=${scrolls ? 'Journey chart, scrolls sideways' : nothing}
          role=${scrolls ? 'region' : nothing}
          @scroll=${() => (this.tip = null)}
        >
          <svg
            width=${width}
            height=${height}
            viewBox="0 0 ${width} ${height}"
            role="group"
            aria-label=${mode === 'repeat' ? 'Repeat purchase paths of known visitors' : 'Session paths from traffic source to purchase or exit'}
            class=${this.active ? 'highlighting' : ''}
          >
            <g class="links">
              ${links.map((l) => {
                const on = lit?.has(l) ?? false;
                const lines = linkLines(l);
                return svg`<path class="link ${kind(l)} ${on ? 'on' : ''}" part="link" d=${path(l) ?? ''}
                stroke-width=${Math.max(1.5, l.width ?? 0)} data-link=${linkName(l)}
                tabindex="0" role="img" aria-label=${lines.join('. ')}
                @focus=${(e: FocusEvent) => this.activate(e, 'link', linkName(l), lines)} @blur=${() => this.clear()}
                @pointerenter=${(e: PointerEvent) => this.activate(e, 'link', linkName(l), lines)}></path>`;
              })}
              ${
                activeSource
                  ? links.map((l) => {
                      const part = l.bySource[activeSource] ?? 0;
                      if (part <= 0 || !l.value) return nothing;
                      return svg`<path class="overlay" d=${path(l) ?? ''} stroke-width=${Math.max(1.5, ((l.width ?? 0) * part) / l.value)}></path>`;
                    })
                  : nothing
              }
            </g>
            <g class="nodes">
              ${nodes.map((n) => {
                const x0 = n.x0 ?? 0,
                  x1 = n.x1 ?? 0,
                  y0 = n.y0 ?? 0,
                  y1 = n.y1 ?? 0;
                const right = (n.depth ?? 0) < maxColumn;
                const lines = nodeLines(n);
                const tall = y1 - y0 >= 26;
                return svg`<g class="node ${GOOD.has(n.name) ? 'good' : n.terminal ? 'exit' : ''} ${this.active?.name === n.name ? 'on' : ''}"
                  part="node" data-node=${n.name} tabindex="0" role="img" aria-label=${lines.join('. ')}
                  @focus=${(e: FocusEvent) => this.activate(e, 'node', n.name, lines)} @blur=${() => this.clear()}
                  @pointerenter=${(e: PointerEvent) => this.activate(e, 'node', n.name, lines)}>
                <rect x=${x0} y=${y0} width=${x1 - x0} height=${Math.max(1, y1 - y0)}
                  fill=${GOOD.has(n.name) ? SERIES[0] : n.column === 0 ? SERIES[4] : 'var(--mkt-muted, var(--_mkt-muted))'}></rect>
                <text x=${right ? x1 + 5 : x0 - 5} y=${(y0 + y1) / 2} dy=${tall ? '-0.2em' : '0.35em'} text-anchor=${right ? 'start' : 'end'}>
                  <tspan class="name">${this.nodeLabel(n)}</tspan>${
                    tall
                      ? svg`<tspan class="count" x=${right ? x1 + 5 : x0 - 5} dy="1.2em">${f.compact(n.value)} · ${share(n.value ?? 0)}</tspan>`
                      : svg`<tspan class="count"> ${f.compact(n.value)}</tspan>`
                  }
                </text>
              </g>`;
              })}
            </g>
          </svg>
        </div>
        ${tooltip(this.tip)}
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

  private activate(event: Event, kind: 'node' | 'link', name: string, lines: string[]): void {
    this.active = { kind, name };
    const container = this.renderRoot.querySelector('.chart');
    if (container) this.tip = { ...pointIn(container, event), lines };
  }

  private clear(): void {
    this.active = null;
    this.tip = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mkt-journey': MktJourney;
  }
}
