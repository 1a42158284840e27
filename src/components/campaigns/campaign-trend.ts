import { html, nothing } from 'lit';
import type { CampaignTrendTotal } from '../../metrics/campaigns.js';
import type { Granularity } from '../../metrics/revenue-trend.js';
import type { Formatter } from '../../format/format.js';
import { timeLine } from '../../charts/time-line.js';
import { legend } from '../../charts/legend.js';
import { utcDay } from '../../charts/time-format.js';
import type { CursorController } from '../../charts/cursor.js';
import { SERIES } from '../base/tokens.styles.js';

const HEIGHT = 180;

/** Spend and attributed revenue per bucket as two lines read by a cursor, with their legend; nothing for one bucket. */
export function campaignTrend(
  trend: readonly CampaignTrendTotal[],
  granularity: Granularity,
  options: { width: number; locale?: string; format: Formatter; cursor: CursorController },
) {
  if (trend.length < 2) return nothing;
  const f = options.format;
  const at = (r: CampaignTrendTotal) => utcDay(r.bucket);
  const when = (r: CampaignTrendTotal) =>
    granularity === 'month' ? f.month(r.bucket) : `${granularity === 'week' ? 'Week of ' : ''}${f.date(r.bucket)}`;
  const line = (key: 'revenue' | 'spend') =>
    ({ key, mark: 'line', class: `line ${key}`, points: trend.map((r) => ({ x: at(r), y: r[key] })) }) as const;
  return html`<div class="chart trend" part="trend">
      ${timeLine([line('revenue'), line('spend')], {
        width: options.width,
        height: HEIGHT,
        locale: options.locale,
        yFormat: (v) => f.moneyCompact(v),
        yMin: 1,
        xPeriod: granularity,
        label: `Spend and attributed revenue by ${granularity}`,
        cursor: {
          controller: options.cursor,
          series: ['revenue', 'spend'],
          lines: (i) => [
            when(trend[i]),
            `Spend ${f.money(trend[i].spend)}`,
            `Attributed revenue ${f.money(trend[i].revenue)}`,
          ],
          hint: `Use the arrow keys to read each ${granularity}.`,
        },
      })}
      ${options.cursor.overlay(true)}
    </div>
    ${legend([
      { label: 'Attributed revenue', color: SERIES[0] },
      { label: 'Spend', color: SERIES[1] },
    ])}`;
}
