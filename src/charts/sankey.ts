import { html, nothing, svg, type TemplateResult } from 'lit';
import { sankey as layoutSankey, sankeyLeft, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';

export interface FlowNode {
  readonly name: string;
  /** What the node reads as (its name by default). */
  readonly label?: string;
  readonly class?: string;
  readonly color: string;
  /** Sorted below the other nodes of its column (exits, so that the main path runs along the top). */
  readonly last?: boolean;
}

export interface FlowLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  readonly class?: string;
  /** The link's value per entry node (first-column node): what focusing that entry draws. */
  readonly parts?: Readonly<Record<string, number>>;
}

/** A node as laid out, with what its tooltip needs. */
export interface LaidNode extends FlowNode {
  readonly value: number;
  readonly depth: number;
  /** Its incoming value, and the value of the nodes that feed it (for "n% of the step before"). */
  readonly incoming: number;
  readonly previous: number;
}

export type FlowActive = { readonly kind: 'node' | 'link'; readonly name: string } | null;

export interface SankeyOptions {
  /** The width available; the chart is wider (and its container scrolls) when its columns need more. */
  readonly width: number;
  readonly height: number;
  readonly label: string;
  /** A node's figure: under its name when the node is tall enough (`tall`), beside it otherwise (when it fits). */
  readonly count: (node: LaidNode, tall: boolean) => string;
  readonly nodeLines: (node: LaidNode) => readonly string[];
  /** A link's lines; `entry` is the focused entry node, if any. */
  readonly linkLines: (link: FlowLink, entry: string | null) => readonly string[];
  /** The focused or hovered node or link (the element keeps it). */
  readonly active: FlowActive;
  readonly activate: (active: Exclude<FlowActive, null>, event: Event, lines: readonly string[]) => void;
  readonly clear: () => void;
}

type N = SankeyNode<FlowNode, FlowLink>;
type L = SankeyLink<FlowNode, FlowLink>;

const BAR = 12;
/** Least room for a link to bend between two columns. */
const LINK_ROOM = 60;
/** About the width of a character of a node's bold 11.5 px label (generous: a clipped label beats one on a flow). */
const CHAR = 7.5;
const name = (n: string | number | N) => (n as N).name;
const linkName = (l: L) => `${name(l.source)}→${name(l.target)}`;

/**
 * A sankey of flows between columns of nodes. Each node is a box, a coloured bar and its label beside it, and the
 * links leave from the box's far edge: a label never lies on a flow. Focus or hover a node or link to highlight
 * the paths through it; an entry node (first column) draws its part of every link instead. Every node and link is
 * focusable, with its numbers as its accessible name. Returns the svg and whether it is wider than `width`.
 */
export function sankey(
  nodes: readonly FlowNode[],
  links: readonly FlowLink[],
  options: SankeyOptions,
): { chart: TemplateResult; width: number } {
  const columns = countColumns(nodes, links);
  const labelRoom = Math.round(
    Math.max(70, Math.min(160, (options.width - columns * BAR - (columns - 1) * LINK_ROOM) / columns)),
  );
  const width = Math.max(options.width, columns * (BAR + labelRoom) + (columns - 1) * LINK_ROOM);
  const height = options.height;
  const graph = layoutSankey<FlowNode, FlowLink>()
    .nodeId((n) => n.name)
    .nodeAlign(sankeyLeft)
    .nodeWidth(BAR + labelRoom)
    .nodePadding(22)
    .nodeSort((a, b) => Number(!!a.last) - Number(!!b.last) || (b.value ?? 0) - (a.value ?? 0))
    .extent([
      [1, 8],
      [width - 1, height - 8],
    ])({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  const a = options.active;
  const entry = a?.kind === 'node' && graph.nodes.some((n) => n.name === a.name && n.depth === 0) ? a.name : null;
  const lit = entry ? null : paths(graph.links, a);
  const laid = (n: N): LaidNode => ({
    ...n,
    value: n.value ?? 0,
    depth: n.depth ?? 0,
    incoming: (n.targetLinks ?? []).reduce((s, l) => s + l.value, 0),
    previous: (n.targetLinks ?? []).reduce((s, l) => s + ((l.source as N).value ?? 0), 0),
  });
  const fit = (text: string, room: number) => {
    const chars = Math.max(4, Math.floor(room / CHAR));
    return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
  };

  const chart = html`<svg
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role="group"
    aria-label=${options.label}
    class=${a ? 'highlighting' : ''}
  >
    <g class="links">
      ${graph.links.map((l) => {
        const lines = options.linkLines({ ...l, source: name(l.source), target: name(l.target) }, entry);
        return svg`<path class="link ${l.class ?? ''} ${lit?.has(l) ? 'on' : ''}" part="link" d=${path(l) ?? ''}
          stroke-width=${Math.max(1.5, l.width ?? 0)} data-link=${linkName(l)} tabindex="0" role="img"
          aria-label=${lines.join('. ')} @blur=${options.clear}
          @focus=${(e: FocusEvent) => options.activate({ kind: 'link', name: linkName(l) }, e, lines)}
          @pointerenter=${(e: PointerEvent) => options.activate({ kind: 'link', name: linkName(l) }, e, lines)}></path>`;
      })}
      ${
        entry
          ? graph.links.map((l) => {
              const part = l.parts?.[entry] ?? 0;
              if (part <= 0 || !l.value) return nothing;
              return svg`<path class="overlay" d=${path(l) ?? ''} stroke-width=${Math.max(1.5, ((l.width ?? 0) * part) / l.value)}></path>`;
            })
          : nothing
      }
    </g>
    <g class="nodes">
      ${graph.nodes.map((n) => {
        const [x0, x1, y0, y1] = [n.x0 ?? 0, n.x1 ?? 0, n.y0 ?? 0, n.y1 ?? 0];
        const node = laid(n);
        const lines = options.nodeLines(node);
        const tall = y1 - y0 >= 26;
        const room = x1 - x0 - BAR - 8;
        const label = fit(n.label ?? n.name, room);
        const count = options.count(node, tall);
        const inline = !tall && (label.length + count.length + 1) * CHAR <= room;
        const tx = x0 + BAR + 5;
        return svg`<g class="node ${n.class ?? ''} ${a?.name === n.name ? 'on' : ''}" part="node" data-node=${n.name}
          tabindex="0" role="img" aria-label=${lines.join('. ')} @blur=${options.clear}
          @focus=${(e: FocusEvent) => options.activate({ kind: 'node', name: n.name }, e, lines)}
          @pointerenter=${(e: PointerEvent) => options.activate({ kind: 'node', name: n.name }, e, lines)}>
          <rect class="node-box" x=${x0} y=${y0} width=${x1 - x0} height=${Math.max(1, y1 - y0)} fill=${n.color}></rect>
          <rect class="node-bar" x=${x0} y=${y0} width=${BAR} height=${Math.max(1, y1 - y0)} fill=${n.color}></rect>
          <text x=${tx} y=${(y0 + y1) / 2} dy=${tall ? '-0.2em' : '0.35em'}><tspan class="name">${label}</tspan>${
            tall
              ? svg`<tspan class="count" x=${tx} dy="1.2em">${count}</tspan>`
              : inline
                ? svg`<tspan class="count"> ${count}</tspan>`
                : nothing
          }</text>
        </g>`;
      })}
    </g>
  </svg>`;
  return { chart, width };
}

/** Columns of the graph: the longest chain of links, in nodes. */
function countColumns(nodes: readonly FlowNode[], links: readonly FlowLink[]): number {
  const depth = new Map(nodes.map((n) => [n.name, 0]));
  for (let pass = 0; pass < nodes.length; pass++) {
    let moved = false;
    for (const l of links) {
      const d = (depth.get(l.source) ?? 0) + 1;
      if (d > (depth.get(l.target) ?? 0)) {
        depth.set(l.target, d);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return Math.max(0, ...depth.values()) + 1;
}

/** Links on a path through the active node or link: upstream and downstream of it. */
function paths(links: readonly L[], active: FlowActive): Set<L> | null {
  if (!active) return null;
  const out = new Set<L>();
  const up = (node: string) => links.filter((l) => name(l.target) === node);
  const down = (node: string) => links.filter((l) => name(l.source) === node);
  const walk = (from: L[], next: (l: L) => L[]) => {
    for (const l of from) {
      if (out.has(l)) continue;
      out.add(l);
      walk(next(l), next);
    }
  };
  const start = active.kind === 'link' ? links.filter((l) => linkName(l) === active.name) : [];
  start.forEach((l) => out.add(l));
  const [ups, downs] =
    active.kind === 'link'
      ? [start.flatMap((l) => up(name(l.source))), start.flatMap((l) => down(name(l.target)))]
      : [up(active.name), down(active.name)];
  walk(ups, (l) => up(name(l.source)));
  walk(downs, (l) => down(name(l.target)));
  return out;
}
