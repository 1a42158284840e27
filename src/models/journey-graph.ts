/** Paths (a list of node names, the first one a traffic source) with counts, folded into sankey nodes and links. */
export interface JourneyPath {
  readonly nodes: readonly string[];
  readonly count: number;
}

export interface JourneyNode {
  readonly name: string;
  readonly column: number;
  /** A path ends here without going further (an exit, or the last stage). */
  readonly terminal: boolean;
}

export interface JourneyLink {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  /** The link's count per entry node (traffic source): what highlighting one source draws. */
  readonly bySource: Readonly<Record<string, number>>;
}

export interface JourneyGraph {
  readonly nodes: readonly JourneyNode[];
  readonly links: readonly JourneyLink[];
  /** Sessions (or customers) entering, in total. */
  readonly total: number;
}

export function journeyGraph(paths: readonly JourneyPath[]): JourneyGraph {
  const nodes = new Map<string, JourneyNode>();
  const links = new Map<string, { source: string; target: string; value: number; bySource: Record<string, number> }>();
  let total = 0;
  for (const path of paths) {
    if (path.count <= 0 || path.nodes.length < 2) continue;
    total += path.count;
    const entry = path.nodes[0];
    path.nodes.forEach((name, column) => {
      const terminal = column === path.nodes.length - 1;
      const known = nodes.get(name);
      nodes.set(name, { name, column, terminal: (known?.terminal ?? true) && terminal });
    });
    for (let i = 1; i < path.nodes.length; i++) {
      const key = `${path.nodes[i - 1]}\u0000${path.nodes[i]}`;
      const link = links.get(key) ?? { source: path.nodes[i - 1], target: path.nodes[i], value: 0, bySource: {} };
      link.value += path.count;
      link.bySource[entry] = (link.bySource[entry] ?? 0) + path.count;
      links.set(key, link);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], total };
}

const STEP_NODES = ['Viewed a product', 'Added to cart', 'Started checkout', 'Purchased'];
const EXIT_NODES = ['Left before viewing', 'Left after viewing', 'Left with a cart', 'Left at checkout'];

/** Session paths: source → the steps reached in order → purchase, or the exit after the last step reached. */
export function sessionPaths(rows: readonly { source: string; depth: number; sessions: number }[]): JourneyPath[] {
  return rows.map((r) => {
    const depth = Math.max(0, Math.min(4, r.depth));
    const steps = STEP_NODES.slice(0, depth);
    return { nodes: [r.source, ...steps, ...(depth < 4 ? [EXIT_NODES[depth]] : [])], count: r.sessions };
  });
}

/** Known visitors: first-visit source → first purchase (or none) → repeat purchase (or bought once). */
export function repeatPaths(rows: readonly { source: string; purchases: number; customers: number }[]): JourneyPath[] {
  return rows.map((r) => ({
    nodes:
      r.purchases <= 0
        ? [r.source, 'No purchase']
        : [r.source, 'First purchase', r.purchases >= 2 ? 'Repeat purchase' : 'Bought once'],
    count: r.customers,
  }));
}
