import { css, html, svg, type TemplateResult } from 'lit';
import {
  geoPath,
  interpolateBlues,
  type GeoIdentityTransform,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3';
import { isActivation } from './cursor-keys.js';
import type { ColorScheme } from './color-scheme.js';

/** One region of a map: its key in the values, and its shape (a GeoJSON feature). */
export interface ChoroplethRegion {
  readonly id: string;
  readonly feature: GeoPermissibleObjects;
}

/** A projection, or the identity for coordinates already projected; the chart fits it to its size. */
export type ChoroplethProjection = GeoProjection | GeoIdentityTransform;

/** The regions drawn at one size: the SVG's size and one path per region that has a shape on this projection. */
export interface ChoroplethLayout {
  readonly width: number;
  readonly height: number;
  /** `dot`: a region a few pixels across (Singapore, Malta on a world map), drawn as a dot when it has a value. */
  readonly shapes: readonly { readonly id: string; readonly d: string; readonly dot?: string }[];
}

export interface ChoroplethOptions {
  readonly width: number;
  /** The map keeps its aspect ratio up to this height; defaults to three quarters of the width. */
  readonly maxHeight?: number;
  /** A new, unfitted projection (albersUsa, a conic, Equal Earth, ...). */
  readonly projection: () => ChoroplethProjection;
  /** The fill of a region with a value. */
  readonly color: (value: number) => string;
  /** Names a region with a value and its numbers: its tooltip and accessible name. */
  readonly describe: (id: string) => string;
  /** The map's accessible name. */
  readonly label: string;
  readonly selected?: ReadonlySet<string>;
  /** A region with a value was clicked, or activated with Enter or Space. */
  readonly onSelect?: (id: string) => void;
}

export type { ColorScheme } from './color-scheme.js';

/**
 * A sequential ramp (d3's Blues) where more always reads as more contrast with the background: light to dark blue
 * on a light background, the same ramp turned round on a dark one. `t` runs from 0 (least) to 1 (most).
 */
export function sequentialRamp(scheme: ColorScheme): (t: number) => string {
  return scheme === 'dark' ? (t) => interpolateBlues(0.95 - 0.8 * t) : (t) => interpolateBlues(0.15 + 0.8 * t);
}

/** Colours values of [0, max] on the ramp of the scheme (values above max get the end colour). */
export function choroplethColor(max: number, scheme: ColorScheme): (value: number) => string {
  const ramp = sequentialRamp(scheme);
  return (value) => ramp(max > 0 ? Math.min(1, Math.max(0, value / max)) : 0);
}

/**
 * A path string builder for geoPath that rounds to 0.1 px and leaves out points less than half a pixel from the
 * previous one: a 1:50m world map at a few hundred pixels has ten times more points than the screen can show.
 */
class PixelPath {
  private out = '';
  private x = NaN;
  private y = NaN;
  moveTo(x: number, y: number): void {
    [this.x, this.y] = [x, y];
    this.out += `M${x.toFixed(1)},${y.toFixed(1)}`;
  }
  lineTo(x: number, y: number): void {
    if (Math.abs(x - this.x) < 0.5 && Math.abs(y - this.y) < 0.5) return;
    [this.x, this.y] = [x, y];
    this.out += `L${x.toFixed(1)},${y.toFixed(1)}`;
  }
  closePath(): void {
    this.out += 'Z';
  }
  arc(): void {}
  beginPath(): void {}
  take(): string {
    const d = this.out;
    this.out = '';
    return d;
  }
}

const dot = (x: number, y: number, r: number) =>
  `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;

const layouts = new WeakMap<readonly ChoroplethRegion[], Map<string, ChoroplethLayout>>();

/**
 * Fits the projection to the regions at `width` (the height follows the map's shape, up to `maxHeight`) and
 * draws each region's path once per size. Regions the projection cannot show (Guam on Albers USA) are left out.
 */
export function choroplethLayout(
  regions: readonly ChoroplethRegion[],
  projection: () => ChoroplethProjection,
  width: number,
  maxHeight = width * 0.75,
): ChoroplethLayout {
  let bySize = layouts.get(regions);
  if (!bySize) layouts.set(regions, (bySize = new Map()));
  const key = `${width}x${maxHeight}`;
  const hit = bySize.get(key);
  if (hit) return hit;
  const all = { type: 'FeatureCollection', features: regions.map((r) => r.feature) } as GeoPermissibleObjects;
  // As wide as given, as tall as its shape makes it (fitWidth, which the identity transform's types lack).
  const natural = geoPath(projection().fitSize([width, width * 10], all)).bounds(all);
  const height = Math.max(1, Math.min(maxHeight, Math.ceil(natural[1][1] - natural[0][1])));
  const fitted = projection().fitSize([width, height], all);
  const context = new PixelPath();
  const path = geoPath(fitted, context);
  const measure = geoPath(fitted);
  const shapes: { id: string; d: string; dot?: string }[] = [];
  for (const r of regions) {
    path(r.feature);
    const d = context.take();
    if (!d) continue;
    const [x, y] = measure.centroid(r.feature);
    shapes.push(
      measure.area(r.feature) >= 12 || !Number.isFinite(x) ? { id: r.id, d } : { id: r.id, d, dot: dot(x, y, 2.5) },
    );
  }
  const layout = { width, height, shapes };
  // A few sizes are kept (a card resized back and forth), not every width it went through.
  if (bySize.size >= 4) bySize.delete(bySize.keys().next().value!);
  bySize.set(key, layout);
  return layout;
}

/**
 * A choropleth: every region of the map, those with a value filled on `color` and focusable buttons (click, Enter
 * or Space selects), the others grey and hidden from assistive tech. Knows nothing of data sources or elements.
 */
export function choropleth(
  regions: readonly ChoroplethRegion[],
  values: ReadonlyMap<string, number>,
  options: ChoroplethOptions,
): TemplateResult {
  const { width, height, shapes } = choroplethLayout(regions, options.projection, options.width, options.maxHeight);
  const selected = options.selected ?? new Set<string>();
  const select = (id: string) => options.onSelect?.(id);
  return html`<svg
    class="choropleth"
    viewBox="0 0 ${width} ${height}"
    width=${width}
    height=${height}
    role="group"
    aria-label=${options.label}
  >
    <g aria-hidden="true">
      ${shapes.filter((s) => !values.has(s.id)).map((s) => svg`<path class="region empty" d=${s.d}></path>`)}
    </g>
    ${shapes
      .filter((s) => values.has(s.id))
      .map((s) => {
        const on = selected.has(s.id);
        const name = options.describe(s.id);
        // A tiny region with a value is a dot that one can see and point at.
        return svg`<path class="region mark ${on ? 'active' : ''}" d=${s.dot ?? s.d} fill=${options.color(values.get(s.id)!)}
          tabindex="0" role="button" aria-pressed=${on ? 'true' : 'false'} aria-label=${name} data-region=${s.id}
          @click=${() => select(s.id)}
          @keydown=${(e: KeyboardEvent) => {
            if (!isActivation(e)) return;
            e.preventDefault();
            select(s.id);
          }}><title>${name}</title></path>`;
      })}
  </svg>`;
}

/** Styles of `choropleth()`; add them to the element's styles beside `chartStyles`. */
export const choroplethStyles = css`
  svg.choropleth {
    overflow: visible;
  }
  .choropleth .region {
    stroke: var(--mkt-bg, var(--_mkt-bg));
    stroke-width: 0.75px;
    stroke-linejoin: round;
  }
  .choropleth .region.empty {
    fill: var(--mkt-skeleton, var(--_mkt-skeleton));
  }
  .choropleth .region.mark:hover {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1.5px;
  }
  .choropleth .region.mark:focus-visible,
  .choropleth .region.mark.active {
    stroke: var(--mkt-accent, var(--_mkt-accent));
    stroke-width: 3px;
    paint-order: stroke;
  }
`;
