import { html, nothing, svg, type TemplateResult } from 'lit';
import { area, scaleLinear, scaleUtc, utcDay, utcMonday, utcMonth } from 'd3';
import { axisBottom, axisLeft } from './axes.js';
import type { CursorController } from './cursor.js';
import { onActivate } from './cursor-keys.js';
import { tickCount, timeTickFormat } from './time-format.js';

export type XValue = Date | number;

export interface TimePoint {
  readonly x: XValue;
  /** null: no value here (a gap in a line). */
  readonly y: number | null;
  /** The lower edge of a `band` (default 0). */
  readonly y0?: number;
  /** The point's period is incomplete (a partial week or month): the line into it is dashed, the point hollow. */
  readonly partial?: boolean;
}

/** A series the user can focus, hover and act on (one line per cohort). */
export interface SeriesInteraction {
  readonly label: string;
  readonly role: 'button' | 'img';
  readonly activate: () => void;
  /** Focus or pointer-enter. */
  readonly enter: (event: Event) => void;
  readonly leave: () => void;
}

export interface TimeSeries {
  readonly key: string;
  /** `line`, `area` (down to the x axis), `band` (between `y0` and `y`) or `dots`. */
  readonly mark: 'line' | 'area' | 'band' | 'dots';
  readonly points: readonly TimePoint[];
  /** CSS class of the mark (default: the mark's name, `dot` for dots); the element's styles colour it. */
  readonly class?: string;
  /** A colour for the line and its dots, where a class cannot say it (one shade per cohort). */
  readonly color?: string;
  /** Dots' radius (default 3). */
  readonly r?: number;
  /** Dots: a `<title>` each. */
  readonly title?: (point: TimePoint) => string;
  readonly interaction?: SeriesInteraction;
  /** Class of the series' group (`<g class="series …" data-key>`), drawn for interactive or highlightable series. */
  readonly group?: string;
  /** Highlighted: its points are dotted and its end labelled. */
  readonly on?: boolean;
  /** A label at the last point. */
  readonly endLabel?: string;
}

/** Read point by point: one tab stop, the arrow keys, a tooltip and a live region (see CursorController). */
export interface TimeLineCursor {
  readonly controller: CursorController;
  /** The series read; the cursor marks the first one's points and the others' where they have values. */
  readonly series: readonly string[];
  readonly lines: (index: number) => readonly string[];
  /** Said after the label: "Use the arrow keys to read each month." */
  readonly hint: string;
}

export interface TimeLineOptions {
  readonly width: number;
  readonly height: number;
  readonly margin?: { top: number; right: number; bottom: number; left: number };
  /** `utc` dates (default) or `linear` numbers along x. */
  readonly x?: 'utc' | 'linear';
  readonly xDomain?: readonly [XValue, XValue];
  /** Locale of the date ticks. */
  readonly locale?: string;
  readonly xFormat?: (value: XValue) => string;
  /** Tick count along x; by default one per `xSpacing` pixels (at least three where the span has them). */
  readonly xTicks?: number;
  /** The points' period (ISO weeks start on Monday): date ticks are never finer than it (monthly points, monthly ticks). */
  readonly xPeriod?: 'day' | 'week' | 'month';
  readonly xSpacing?: number;
  readonly yFormat: (value: number) => string;
  readonly yTicks?: number;
  /** How finely the top of the y axis is rounded (d3's `nice(count)`; default `yTicks`). */
  readonly yNice?: number;
  /** The y axis reaches at least this (default: a hair above 0). */
  readonly yMin?: number;
  /** The y axis reaches below 0 to the smallest value (a part that swings around 0); by default it starts at 0. */
  readonly signed?: boolean;
  /** Room above the largest value, as a factor (1.08: 8%). */
  readonly headroom?: number;
  /** The chart in words: the svg's label, or the plot's when read by a cursor; null hides it (a sparkline beside its number). */
  readonly label: string | null;
  /** A sparkline: no axes or grid, and the y axis ends at the largest value instead of a round number. */
  readonly bare?: boolean;
  /** Highlighted stretches of x (a flagged run of days). */
  readonly spans?: readonly { readonly from: XValue; readonly to: XValue; readonly class: string }[];
  /** Vertical rules (now). */
  readonly rules?: readonly { readonly x: XValue; readonly class: string }[];
  /** A title under the x axis, at its end. */
  readonly axisTitle?: string;
  readonly cursor?: TimeLineCursor;
  /** The pointer picks the nearest point of an interactive series within 40 px (null: none). */
  readonly pick?: {
    readonly move: (key: string | null, index: number, event: PointerEvent) => void;
    readonly click: () => void;
  };
  readonly class?: string;
  readonly part?: string;
}

const MARGIN = { top: 10, right: 12, bottom: 26, left: 58 };
const num = (v: number) => Math.round(v * 100) / 100;

/**
 * A time line, in Observable Plot's spirit: series of points drawn as lines, areas, bands or dots over a UTC time
 * (or linear) x axis and a linear y axis from 0; partial periods dashed, highlighted spans and rules, and either a
 * cursor that reads it point by point or series that are focusable marks. It knows nothing of where the points
 * come from: revenue trend, anomalies, churn, forecast and retention curves draw with it.
 */
export function timeLine(series: readonly TimeSeries[], options: TimeLineOptions): TemplateResult {
  const { width, height } = options;
  const m = options.margin ?? MARGIN;
  const w = Math.max(10, width - m.left - m.right);
  const h = Math.max(10, height - m.top - m.bottom);
  const all = series.flatMap((s) => s.points);
  const value = (v: XValue) => +v;
  const xs = all.map((p) => value(p.x));
  const [x0, given1] = options.xDomain ? options.xDomain.map(value) : [Math.min(...xs), Math.max(...xs)];
  const x1 = given1 > x0 ? given1 : x0 + (options.x === 'linear' ? 1 : 86_400_000);
  const utc = options.x !== 'linear';
  const x = (utc ? scaleUtc().domain([x0, x1]) : scaleLinear().domain([x0, x1])).range([0, w]);
  const X = (v: XValue) => x(value(v) as never);
  let top = options.yMin ?? 1e-9;
  let bottom = 0;
  for (const p of all) top = Math.max(top, p.y ?? 0);
  if (options.signed) for (const p of all) bottom = Math.min(bottom, p.y ?? 0, p.y0 ?? 0);
  const y = scaleLinear()
    .domain([bottom, top * (options.headroom ?? 1)])
    .range([h, 0]);
  if (!options.bare) y.nice(options.yNice ?? options.yTicks ?? 4);
  const Y = (v: number) => y(v);
  const xTickValues = utc ? timeTicks(x as ReturnType<typeof scaleUtc>, w, options) : null;
  const xFormat =
    options.xFormat ??
    (xTickValues ? timeTickFormat(options.locale ?? 'en-US', xTickValues) : (v: XValue) => String(v));
  const cursor = options.cursor;
  const read = cursor ? series.find((s) => s.key === cursor.series[0]) : undefined;
  const at = read
    ? cursor!.controller.track({
        points: read.points.map((p) => ({ x: m.left + X(p.x), y: m.top + Y(p.y ?? 0) })),
        lines: cursor!.lines,
        width,
      })
    : null;
  const interactive = series.some((s) => s.interaction);

  return html`<svg
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    class=${options.class ?? nothing}
    part=${options.part ?? nothing}
    role=${cursor || options.label === null ? nothing : interactive ? 'group' : 'img'}
    aria-label=${cursor ? nothing : (options.label ?? nothing)}
    aria-hidden=${options.label === null ? 'true' : nothing}
  >
    <g transform="translate(${m.left},${m.top})">
      ${
        options.bare
          ? nothing
          : svg`${axisLeft(y, { ticks: options.yTicks ?? 4, format: options.yFormat, grid: w })}
      <g transform="translate(0,${h})">
        ${axisBottom(x as never, {
          ticks: options.xTicks ?? tickCount(w, options.xSpacing ?? 80),
          format: xFormat as never,
          values: xTickValues ?? undefined,
        })}
      </g>`
      }
      ${(options.spans ?? []).map(
        (s) =>
          svg`<rect class=${s.class} x=${num(X(s.from) - 1)} width=${num(Math.max(2, X(s.to) - X(s.from)))} y="0" height=${h}></rect>`,
      )}
      ${
        options.pick
          ? svg`<rect class="overlay" aria-hidden="true" width=${w} height=${h}
          @pointermove=${(e: PointerEvent) => pickNearest(e, series, X, Y, m, options.pick!.move)}
          @click=${options.pick.click}></rect>`
          : nothing
      }
      ${(options.rules ?? []).map((r) => svg`<line class=${r.class} x1=${num(X(r.x))} x2=${num(X(r.x))} y1="0" y2=${h}></line>`)}
      ${series.map((s) => drawSeries(s, X, Y, h))}
      ${at !== null && read ? cursorMark(at, series, cursor!, X, Y, h) : nothing}
      ${
        cursor
          ? svg`<rect class="hit plot" part="plot" tabindex="0" role="group" width=${w} height=${h}
          aria-label="${options.label} ${cursor.hint}"
          @pointermove=${cursor.controller.pointerMove} @pointerleave=${cursor.controller.hide}
          @keydown=${cursor.controller.keyDown} @focus=${cursor.controller.focus} @blur=${cursor.controller.hide}></rect>`
          : nothing
      }
    </g>
    ${
      options.axisTitle
        ? svg`<text class="axis-title" x=${width - m.right} y=${height - 3} text-anchor="end">${options.axisTitle}</text>`
        : nothing
    }
  </svg>`;
}

/**
 * Ticks along a time axis about `xSpacing` pixels apart, but at least three where the span holds them: at phone
 * widths d3 would otherwise settle on yearly ticks, and a year of data reads "2025" alone. d3 has no interval
 * between quarters and years, so two years at phone width go from one or two yearly ticks to seven or eight
 * quarterly ones: every other quarter (or every k-th) is kept then, counted from a January where there is one.
 */
function timeTicks(x: ReturnType<typeof scaleUtc>, w: number, options: TimeLineOptions): Date[] {
  let count = options.xTicks ?? tickCount(w, options.xSpacing ?? 80);
  let ticks = x.ticks(count);
  for (let tries = 0; ticks.length < 3 && tries < 8 && w >= 150; tries++) {
    const more = x.ticks(++count);
    if (more.length > 5) return periodTicks(x, thinTicks(more, 4), count, options.xPeriod);
    ticks = more;
  }
  return periodTicks(x, ticks, count, options.xPeriod);
}

const PERIODS = { day: utcDay, week: utcMonday, month: utcMonth } as const;
/** The shortest length of each period, in ms. */
const PERIOD_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 28 * 86_400_000 } as const;

/** `ticks`, or where they fall closer than `period` apart, every k-th period's start instead (at most `count`). */
function periodTicks(
  x: ReturnType<typeof scaleUtc>,
  ticks: Date[],
  count: number,
  period: TimeLineOptions['xPeriod'],
): Date[] {
  if (!period || ticks.length < 2 || +ticks[1] - +ticks[0] >= PERIOD_MS[period]) return ticks;
  const [from, to] = x.domain();
  const periods = PERIODS[period].count(from, to) + 1;
  const every = PERIODS[period].every(Math.max(1, Math.ceil(periods / Math.max(2, count))));
  return every ? x.ticks(every) : ticks;
}

/** At most `max` of `ticks`, evenly spaced, keeping a January tick where there is one. */
function thinTicks(ticks: readonly Date[], max: number): Date[] {
  const step = Math.ceil(ticks.length / max);
  const january = ticks.findIndex((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1);
  const offset = january < 0 ? 0 : january % step;
  return ticks.filter((_, i) => i % step === offset);
}

function drawSeries(s: TimeSeries, X: (v: XValue) => number, Y: (v: number) => number, h: number) {
  const pts = s.points;
  const cls = s.class ?? (s.mark === 'dots' ? 'dot' : s.mark);
  if (s.mark === 'dots')
    return pts.map((p) =>
      p.y === null
        ? nothing
        : svg`<circle class=${cls} r=${s.r ?? 3} cx=${num(X(p.x))} cy=${num(Y(p.y))} fill=${s.color ?? nothing}>${
            s.title ? svg`<title>${s.title(p)}</title>` : nothing
          }</circle>`,
    );
  if (s.mark === 'band' || s.mark === 'area') {
    // An area covers the complete periods only: a partial last month would draw a fall that did not happen.
    const whole = s.mark === 'area' && pts.some((p) => !p.partial) ? pts.filter((p) => !p.partial) : pts;
    const d = area<TimePoint>()
      .defined((p) => p.y !== null)
      .x((p) => X(p.x))
      .y0((p) => (s.mark === 'area' ? h : Y(p.y0 ?? 0)))
      .y1((p) => Y(p.y ?? 0))(whole as TimePoint[]);
    return svg`<path class=${cls} d=${d ?? ''}></path>`;
  }
  const { solid, dashed } = linePaths(pts, X, Y);
  const i = s.interaction;
  // An interactive series is one tab stop: its solid path, or the dashed one where it has none.
  const path = (d: string, extra: string, focusable: boolean) =>
    i && focusable
      ? svg`<path class="${cls}${extra}" part="line" d=${d} stroke=${s.color ?? nothing} tabindex="0" role=${i.role}
          aria-label=${i.label} @focus=${i.enter} @blur=${i.leave} @pointerenter=${i.enter} @click=${i.activate}
          @keydown=${onActivate(i.activate)}></path>`
      : i
        ? svg`<path class="${cls}${extra}" part="line" d=${d} stroke=${s.color ?? nothing} aria-hidden="true"
          @pointerenter=${i.enter} @click=${i.activate}></path>`
        : svg`<path class="${cls}${extra}" d=${d} stroke=${s.color ?? nothing}></path>`;
  const last = [...pts].reverse().find((p) => p.y !== null);
  // The focusable path comes first, whichever it is, so that a re-render reuses it and it keeps the focus.
  const [first, second] = solid
    ? [path(solid, '', true), dashed ? path(dashed, ' incomplete', false) : nothing]
    : [dashed ? path(dashed, ' incomplete', true) : nothing, nothing];
  const marks = svg`${first}${second}
    ${pts.map((p) => (p.partial && p.y !== null ? svg`<circle class="partial-point" r="3" cx=${num(X(p.x))} cy=${num(Y(p.y))}></circle>` : nothing))}
    ${s.on ? pts.map((p) => (p.y === null ? nothing : svg`<circle class="dot" r="3" cx=${num(X(p.x))} cy=${num(Y(p.y))} fill=${s.color ?? nothing}></circle>`)) : nothing}
    ${
      s.endLabel && last
        ? svg`<text class="end-label" x=${num(X(last.x) - 4)} y=${num(Y(last.y!) - 7)} text-anchor="end">${s.endLabel}</text>`
        : nothing
    }`;
  return i || s.on !== undefined
    ? svg`<g class=${['series', s.group, s.on ? 'on' : ''].filter(Boolean).join(' ')} data-key=${s.key}>${marks}</g>`
    : marks;
}

/** The line as a solid path over complete periods and a dashed one over the stretches into a partial period. */
function linePaths(pts: readonly TimePoint[], X: (v: XValue) => number, Y: (v: number) => number) {
  const xy = (p: TimePoint) => `${num(X(p.x))},${num(Y(p.y!))}`;
  let solid = '';
  let dashed = '';
  let solidEnd: TimePoint | null = null;
  for (let i = 1; i < pts.length; i++) {
    const [a, b] = [pts[i - 1], pts[i]];
    if (a.y === null || b.y === null) continue;
    if (a.partial || b.partial) dashed += `M${xy(a)}L${xy(b)}`;
    else {
      solid += solidEnd === a ? `L${xy(b)}` : `M${xy(a)}L${xy(b)}`;
      solidEnd = b;
    }
  }
  if (pts.length === 1 && pts[0].y !== null) solid = `M${xy(pts[0])}Z`;
  return { solid, dashed };
}

function cursorMark(
  index: number,
  series: readonly TimeSeries[],
  cursor: TimeLineCursor,
  X: (v: XValue) => number,
  Y: (v: number) => number,
  h: number,
) {
  const read = cursor.series.map((k) => series.find((s) => s.key === k)).filter((s) => s !== undefined);
  const x = X(read[0].points[index].x);
  return svg`<g class="cursor" transform="translate(${num(x)},0)">
    <line y1="0" y2=${h}></line>
    ${[...read].reverse().map((s, i) => {
      const v = s.points[index]?.y;
      const main = i === read.length - 1;
      return v === null || v === undefined
        ? nothing
        : svg`<circle class=${main ? nothing : s.key} r=${main ? 4 : 3.5} cy=${num(Y(v))}></circle>`;
    })}
  </g>`;
}

/** Pointer over the plot: the nearest point of an interactive series, or none beyond 40 px. */
function pickNearest(
  event: PointerEvent,
  series: readonly TimeSeries[],
  X: (v: XValue) => number,
  Y: (v: number) => number,
  m: { left: number; top: number },
  move: (key: string | null, index: number, event: PointerEvent) => void,
) {
  const box = (event.currentTarget as SVGElement).ownerSVGElement!.getBoundingClientRect();
  const px = event.clientX - box.left - m.left;
  const py = event.clientY - box.top - m.top;
  let best: { key: string; index: number; d: number } | null = null;
  for (const s of series) {
    if (!s.interaction) continue;
    s.points.forEach((p, index) => {
      if (p.y === null) return;
      const d = Math.hypot(X(p.x) - px, Y(p.y) - py);
      if (!best || d < best.d) best = { key: s.key, index, d };
    });
  }
  const found = best as { key: string; index: number; d: number } | null;
  if (found && found.d <= 40) move(found.key, found.index, event);
  else move(null, -1, event);
}
