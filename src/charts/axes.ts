import { svg, type SVGTemplateResult } from 'lit';

/** Any d3 scale with ticks (linear, time, log). */
export interface TickScale<D> {
  (value: D): number | undefined;
  ticks(count?: number): D[];
  range(): number[];
}

export interface AxisOptions<D> {
  readonly ticks?: number;
  readonly format?: (value: D) => string;
  /** Draw faint grid lines across the plot, this long. */
  readonly grid?: number;
  /** These ticks instead of the scale's own. */
  readonly values?: readonly D[];
}

/** A bottom axis as an SVG template: the caller translates it to the plot's bottom edge. */
export function axisBottom<D>(scale: TickScale<D>, options: AxisOptions<D> = {}): SVGTemplateResult {
  const [x0, x1] = scale.range();
  const ticks = options.values ?? scale.ticks(options.ticks ?? 6);
  const format = options.format ?? String;
  return svg`<g class="axis axis-x" aria-hidden="true">
    <line class="domain" x1=${x0} x2=${x1} y1="0" y2="0"></line>
    ${ticks.map((t) => {
      const x = scale(t) ?? 0;
      return svg`<g transform="translate(${x},0)">
        ${options.grid ? svg`<line class="grid" y1="0" y2=${-options.grid}></line>` : null}
        <line y2="5"></line><text y="17" text-anchor="middle">${format(t)}</text></g>`;
    })}
  </g>`;
}

/** A left axis as an SVG template: the caller translates it to the plot's left edge. */
export function axisLeft<D>(scale: TickScale<D>, options: AxisOptions<D> = {}): SVGTemplateResult {
  const [y0, y1] = scale.range();
  const ticks = scale.ticks(options.ticks ?? 5);
  const format = options.format ?? String;
  return svg`<g class="axis axis-y" aria-hidden="true">
    <line class="domain" x1="0" x2="0" y1=${y0} y2=${y1}></line>
    ${ticks.map((t) => {
      const y = scale(t) ?? 0;
      return svg`<g transform="translate(0,${y})">
        ${options.grid ? svg`<line class="grid" x1="0" x2=${options.grid}></line>` : null}
        <line x2="-5"></line><text x="-8" dy="0.32em" text-anchor="end">${format(t)}</text></g>`;
    })}
  </g>`;
}
