import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement, nothing, render, type TemplateResult } from 'lit';
import { chartStyles } from '../../src/charts/chart.styles.js';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Coordinates to two decimals: the snapshot should not change with the last bits of a float. */
const round = (s: string) => s.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Number(Number(n).toFixed(2))));

/**
 * An element as indented XML, one element per line, attributes sorted, Lit's comment markers and blank text
 * dropped: small, deterministic and readable in a diff.
 */
export function serialise(node: Element, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = [...node.attributes]
    .map((a) => [a.name, a.value] as const)
    .concat(depth === 0 && node.namespaceURI?.endsWith('svg') ? [['xmlns', 'http://www.w3.org/2000/svg'] as const] : [])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ` ${name}="${escape(round(value))}"`)
    .join('');
  const children = [...node.childNodes].filter(
    (c) => c.nodeType === Node.ELEMENT_NODE || (c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== ''),
  );
  const tag = node.localName;
  if (children.length === 0) return `${pad}<${tag}${attrs}/>`;
  if (children.every((c) => c.nodeType === Node.TEXT_NODE))
    return `${pad}<${tag}${attrs}>${escape(node.textContent!.replace(/\s+/g, ' ').trim())}</${tag}>`;
  const inner = children.map((c) =>
    c.nodeType === Node.TEXT_NODE
      ? `${pad}  ${escape(c.textContent!.replace(/\s+/g, ' ').trim())}`
      : serialise(c as Element, depth + 1),
  );
  return [`${pad}<${tag}${attrs}>`, ...inner, `${pad}</${tag}>`].join('\n');
}

/**
 * Renders a chart template into a container on the page, inside a shadow root with the kit's chart styles (as
 * an element would), and returns the shadow root's host. Remove it after the test.
 */
export function renderChart(template: unknown): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [chartStyles.styleSheet!];
  render(template as TemplateResult, root);
  return host;
}

/** Compares the first `<svg>` in `host` with the committed `test/charts/__snapshots__/<name>.svg`. */
export async function matchSvgSnapshot(host: HTMLElement, name: string): Promise<void> {
  const svg = (host.shadowRoot ?? host).querySelector('svg');
  if (!svg) throw new Error('No <svg> to snapshot.');
  const result = await executeServerCommand<{ status: string; diff?: string }, { name: string; svg: string }>(
    'svg-snapshot',
    { name, svg: `${serialise(svg)}\n` },
  );
  if (result.status === 'differs' || result.status === 'missing')
    throw new Error(`SVG snapshot "${name}":\n${result.diff}`);
}

/** A bare element that draws what `draw` returns: a host for the controllers a chart is given (the cursor). */
export class ChartHost extends LitElement {
  static override styles = chartStyles;
  draw: (host: ChartHost) => unknown = () => nothing;
  override render() {
    return this.draw(this);
  }
}
customElements.define('test-chart-host', ChartHost);

/** Mounts a ChartHost drawing `draw` and waits for its first render. Remove it after the test. */
export async function mountChart(draw: (host: ChartHost) => unknown): Promise<ChartHost> {
  const host = document.createElement('test-chart-host') as ChartHost;
  host.draw = draw;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

/**
 * Where a sankey's node labels lie on its flows: each label's box (with the flow's half width around it) against
 * points every 2 px along each link. Returns "label on source→target" for each overlap.
 */
export function labelsOnFlows(svg: SVGSVGElement): string[] {
  const found: string[] = [];
  for (const text of svg.querySelectorAll<SVGTextElement>('.node text')) {
    const b = text.getBBox();
    for (const link of svg.querySelectorAll<SVGPathElement>('path.link')) {
      const half = Number(link.getAttribute('stroke-width') ?? 0) / 2;
      const length = link.getTotalLength();
      for (let t = 0; t <= length; t += 2) {
        const p = link.getPointAtLength(t);
        if (p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y - half && p.y <= b.y + b.height + half) {
          found.push(`${text.textContent!.trim()} on ${link.dataset.link}`);
          break;
        }
      }
    }
  }
  return found;
}
