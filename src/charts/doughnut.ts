import { html, svg, type TemplateResult } from 'lit';
import { arc, pie, type PieArcDatum } from 'd3';
import { onActivate } from './cursor-keys.js';

export interface Slice {
  readonly key: string;
  readonly value: number;
  readonly color: string;
  /** The slice's accessible name (and its `<title>`). */
  readonly label: string;
  /** The `<title>` (a tooltip), when it says less than `label` (which tells what pressing it does). */
  readonly title?: string;
}

export interface DoughnutOptions {
  /** Width and height. */
  readonly size: number;
  readonly label: string;
  /** The figure in the hole, and the word under it. */
  readonly total: string;
  readonly totalLabel: string;
  /** Slices that select (one at a time): toggle buttons. */
  readonly select?: { readonly selected: string | null; readonly toggle: (key: string) => void };
}

/** A doughnut of shares, in the given order from 12 o'clock; empty slices are left out. */
export function doughnut(slices: readonly Slice[], options: DoughnutOptions): TemplateResult {
  const { size, select } = options;
  const r = size / 2;
  const arcs = pie<Slice>()
    .sort(null)
    .value((d) => d.value)(slices.filter((s) => s.value > 0));
  const shape = arc<PieArcDatum<Slice>>()
    .innerRadius(r * 0.6)
    .outerRadius(r - 2)
    .padAngle(0.015);
  const round = (d: string | null) =>
    (d ?? '').replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));
  return html`<svg
    class="doughnut"
    part="doughnut"
    width=${size}
    height=${size}
    viewBox="0 0 ${size} ${size}"
    role=${select ? 'group' : 'img'}
    aria-label=${options.label}
  >
    <g transform="translate(${r},${r})">
      ${arcs.map((a) => {
        const s = a.data;
        const on = select?.selected === s.key;
        const cls = `mark ${on ? 'active' : select?.selected ? 'dim' : ''}`;
        return select
          ? svg`<path class=${cls} d=${round(shape(a))} fill=${s.color} data-key=${s.key} tabindex="0" role="button"
              aria-pressed=${on ? 'true' : 'false'} aria-label=${s.label} @click=${() => select.toggle(s.key)}
              @keydown=${onActivate(() => select.toggle(s.key))}
              ><title>${s.title ?? s.label}</title></path>`
          : svg`<path class="slice" d=${round(shape(a))} fill=${s.color} data-key=${s.key}><title>${s.title ?? s.label}</title></path>`;
      })}
      <text class="total" text-anchor="middle" dy="0.1em" aria-hidden="true">${options.total}</text>
      <text class="total-label" text-anchor="middle" dy="1.6em" aria-hidden="true">${options.totalLabel}</text>
    </g>
  </svg>`;
}
