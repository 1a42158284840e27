import { html, nothing, svg, type TemplateResult } from 'lit';
import { hierarchy, treemap as layoutTreemap, treemapSquarify, type HierarchyRectangularNode } from 'd3';
import { onActivate } from './cursor-keys.js';
import { textOn } from './contrast.js';

export interface Tile {
  readonly key: string;
  readonly name: string;
  readonly value: number;
  readonly color: string;
  /** The second line of the label: "1.2K · 31%". */
  readonly text: string;
  /** The tile's accessible name (and its `<title>`). */
  readonly label: string;
}

export interface TreemapOptions {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  /** Tiles that select (one at a time): toggle buttons. */
  readonly select?: { readonly selected: string | null; readonly toggle: (key: string) => void };
}

type Node = Tile | { readonly children: readonly Tile[] };

/**
 * A squarified treemap of values: a tile each, labelled where it has room (70 × 34 px) in white, dark or black,
 * whichever reaches 4.5:1 on the tile's colour (see textOn).
 */
export function treemap(tiles: readonly Tile[], options: TreemapOptions): TemplateResult {
  const { width, height, select } = options;
  const root = layoutTreemap<Node>().size([width, height]).paddingInner(1).tile(treemapSquarify)(
    hierarchy<Node>({ children: tiles }, (d) => ('children' in d ? [...d.children] : null)).sum((d) =>
      'value' in d ? d.value : 0,
    ),
  );
  const leaves = root.leaves() as HierarchyRectangularNode<Tile>[];
  const r = (v: number) => Math.round(v * 100) / 100;
  return html`<svg
    part="chart"
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role=${select ? 'group' : 'img'}
    aria-label=${options.label}
  >
    ${leaves.map((leaf) => {
      const t = leaf.data;
      const on = select?.selected === t.key;
      const cls = `tile mark ${on ? 'active' : select?.selected ? 'dim' : ''}`;
      return svg`<g class=${cls} transform="translate(${r(leaf.x0)},${r(leaf.y0)})" data-key=${t.key}
        tabindex=${select ? '0' : nothing} role=${select ? 'button' : nothing} aria-pressed=${select ? String(on) : nothing}
        aria-label=${select ? t.label : nothing} @click=${() => select?.toggle(t.key)}
        @keydown=${onActivate(() => select?.toggle(t.key))}>
        <title>${t.label}</title>
        <rect width=${r(Math.max(0, leaf.x1 - leaf.x0))} height=${r(Math.max(0, leaf.y1 - leaf.y0))} fill=${t.color}></rect>
      </g>`;
    })}
    <g class="labels" aria-hidden="true">
      ${leaves.map((leaf) => {
        const t = leaf.data;
        const [w, h] = [leaf.x1 - leaf.x0, leaf.y1 - leaf.y0];
        if (w <= 70 || h <= 34) return nothing;
        const chars = Math.max(4, Math.floor((w - 10) / 6.5));
        const name = t.name.length > chars ? `${t.name.slice(0, chars - 1)}…` : t.name;
        const ink = textOn(t.color);
        // A dimmed tile's label fades with it: its ink was chosen for the full colour.
        const dim = select?.selected && select.selected !== t.key;
        return svg`<g class=${dim ? 'tile-label dim' : 'tile-label'} transform="translate(${r(leaf.x0)},${r(leaf.y0)})">
          <text x="6" y="16" fill=${ink}>${name}</text>
          <text class="count" x="6" y="31" fill=${ink}>${t.text}</text>
        </g>`;
      })}
    </g>
  </svg>`;
}
