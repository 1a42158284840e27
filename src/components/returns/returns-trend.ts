import { html, nothing } from 'lit';
import type { ReturnRow } from '../../metrics/returns.js';
import type { Granularity } from '../../metrics/revenue-trend.js';
import type { Formatter } from '../../format/format.js';
import { timeLine } from '../../charts/time-line.js';
import { utcDay } from '../../charts/time-format.js';
import type { CursorController } from '../../charts/cursor.js';

const HEIGHT = 170;

/** The return rate per period of ordering as a line read by a cursor; nothing for fewer than two periods. */
export function returnsTrend(
  periods: readonly ReturnRow[],
  granularity: Granularity,
  options: { width: number; locale?: string; format: Formatter; cursor: CursorController },
) {
  if (periods.length < 2) return nothing;
  const f = options.format;
  const when = (r: ReturnRow) =>
    granularity === 'month' ? f.month(r.grp) : `${granularity === 'week' ? 'Week of ' : ''}${f.date(r.grp)}`;
  return html`<div class="chart trend" part="trend">
    ${timeLine([{ key: 'rate', mark: 'line', points: periods.map((r) => ({ x: utcDay(r.grp), y: r.return_rate })) }], {
      width: options.width,
      height: HEIGHT,
      locale: options.locale,
      yFormat: (v) => f.percent(v, 0),
      yMin: 0.05,
      xPeriod: granularity,
      label: `Return rate of the lines ordered each ${granularity}`,
      cursor: {
        controller: options.cursor,
        series: ['rate'],
        lines: (i) => [
          when(periods[i]),
          `${f.percent(periods[i].return_rate, 1)} returned`,
          `${f.count(periods[i].returned)} of ${f.count(periods[i].delivered)} lines`,
        ],
        hint: `Use the arrow keys to read each ${granularity}.`,
      },
    })}
    ${options.cursor.overlay(true)}
  </div>`;
}
