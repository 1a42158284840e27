import { html, nothing } from 'lit';
import type { Formatter } from '../../format/format.js';
import type { DailyDecomposition, PartKey } from '../../models/decomposition.js';
import { YEARLY_DAYS } from '../../models/decomposition.js';
import { timeLine, type TimePoint } from '../../charts/time-line.js';
import type { CursorController } from '../../charts/cursor.js';
import { utcDay } from '../../charts/time-format.js';

export const PART_WORDS: Record<PartKey, string> = {
  trend: 'Trend',
  weekly: 'Weekly pattern',
  yearly: 'Yearly pattern',
  remainder: 'Remainder',
};
const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

export interface PanelsInput {
  readonly days: readonly string[];
  readonly data: readonly number[];
  readonly decomposition: DailyDecomposition;
  /** "GMV" or "orders". */
  readonly noun: string;
  readonly value: (v: number) => string;
  readonly compact: (v: number) => string;
  readonly f: Formatter;
  readonly locale: string;
  readonly width: number;
  readonly cursor: CursorController;
}

const signed = (text: string, v: number) => (v > 0 ? `+${text}` : text);

/** The weekdays the weekly pattern lifts and lowers most. */
function extremes(weekdays: readonly number[]): [string, string] {
  const hi = weekdays.indexOf(Math.max(...weekdays));
  const lo = weekdays.indexOf(Math.min(...weekdays));
  return [WEEKDAYS[hi], WEEKDAYS[lo]];
}

/** What the shares mean, in plain words. */
export function decompositionText(d: DailyDecomposition, days: number, noun: string, f: Formatter): string {
  const share = (key: PartKey) => d.parts.find((p) => p.key === key)?.share ?? 0;
  const [hi, lo] = extremes(d.weekdays);
  const pieces = [
    `the trend (the slow rise and fall) ${f.percent(share('trend'), 0)}`,
    `the weekly pattern ${f.percent(share('weekly'), 0)} (highest on ${hi}, lowest on ${lo})`,
    ...(d.yearly ? [`the yearly pattern ${f.percent(share('yearly'), 0)}`] : []),
  ];
  const top = [...d.parts].sort((a, b) => b.share - a.share)[0].key;
  const meaning: Record<PartKey, string> = {
    trend: 'The level moves more than the days of the week do: read changes against the trend.',
    weekly:
      'The day of the week moves daily figures most: compare a day with the same weekday, not with the day before.',
    yearly: 'The season of the year moves daily figures most: compare with the same time last year.',
    remainder: 'Most of the movement is day-to-day noise: judge changes over weeks, not single days.',
  };
  return `Of the variation in daily ${noun} over these ${f.count(days)} days, ${pieces.join(', ')}; ${f.percent(
    share('remainder'),
    0,
  )} is left over (single days, promotions, noise). ${meaning[top]}`;
}

/** One small multiple per part, sharing the x axis: the data and its trend first, the axis under the last. */
export function decompositionPanels(input: PanelsInput) {
  const { days, data, decomposition: d, locale, width } = input;
  const xs = days.map(utcDay);
  const xDomain = [xs[0], xs[xs.length - 1]] as const;
  const points = (values: ArrayLike<number>): TimePoint[] => xs.map((x, i) => ({ x, y: values[i] }));
  const last = d.parts[d.parts.length - 1].key;
  const margin = (bottom: boolean) => ({ top: 8, right: 12, bottom: bottom ? 26 : 6, left: 58 });
  const noLabels = () => '';
  return html`${d.parts.map((p, i) => {
    const first = i === 0;
    const series = first
      ? [
          { key: 'data', mark: 'line' as const, class: 'line data', points: points(data) },
          { key: 'trend', mark: 'line' as const, points: points(p.values) },
        ]
      : [{ key: p.key, mark: 'line' as const, class: `line part ${p.key}`, points: points(p.values) }];
    const title = first
      ? `Daily ${input.noun} and ${input.noun === 'orders' ? 'their' : 'its'} trend`
      : PART_WORDS[p.key];
    return html`<figure class="panel" data-part=${p.key}>
      <figcaption>
        <span class="name">${title}</span>
        <span class="share">${input.f.percent(p.share, 0)} of the variation</span>
      </figcaption>
      ${timeLine(series, {
        width,
        height: first ? 150 : 90,
        margin: margin(p.key === last),
        xDomain,
        locale,
        xFormat: p.key === last ? undefined : noLabels,
        yFormat: input.compact,
        yTicks: first ? 4 : 2,
        signed: !first,
        label: `${title}: ${input.f.percent(p.share, 0)} of the variation.`,
        cursor: first
          ? {
              controller: input.cursor,
              series: ['data'],
              hint: 'Use the arrow keys to read each day.',
              lines: (t) => [
                input.f.date(days[t]),
                `${input.noun[0].toUpperCase()}${input.noun.slice(1)} ${input.value(data[t])}`,
                ...d.parts.map(
                  (q) =>
                    `${PART_WORDS[q.key]} ${signed(input.value(q.values[t]), q.key === 'trend' ? 0 : q.values[t])}`,
                ),
              ],
            }
          : undefined,
      })}
    </figure>`;
  })}
  ${input.cursor.overlay(true)}
  ${
    d.yearly
      ? nothing
      : html`<p class="data-note" data-note="no-yearly">
          ${input.f.count(days.length)} days: a yearly pattern needs two full years (${input.f.count(YEARLY_DAYS)}
          days), so only the weekly one is taken out; a yearly swing stays in the trend.
        </p>`
  }`;
}
