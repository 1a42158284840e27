import { html, type TemplateResult } from 'lit';
import { styleProps } from '../../charts/style-props.js';
import type { ScoreTie, SegmentStats } from '../../models/rfm-stats.js';
import type { Formatter } from '../../format/format.js';

/** Why a score cannot separate most customers (see ScoreTie): equal values get equal scores. */
export function tieText(tie: ScoreTie, f: Formatter): string {
  const range = (format: (v: number) => string) =>
    tie.min === tie.max ? format(tie.min) : `${format(tie.min)}–${format(tie.max)}`;
  const what = {
    recency: `last bought ${range((v) => f.count(v))} days before the end`,
    frequency: `bought on ${range((v) => f.count(v))} ${tie.max === 1 ? 'day' : 'days'}`,
    monetary: `spent ${range((v) => f.money(v))}`,
  }[tie.score];
  const letter = tie.score === 'recency' ? 'R' : tie.score === 'frequency' ? 'F' : 'M';
  const name = tie.score[0].toUpperCase() + tie.score.slice(1);
  return `${name} cannot tell ${f.percent(tie.share, 1)} of these customers apart: they ${what} and all score ${letter} = ${tie.value}. Equal values get equal scores, so the rules separate them by the other two scores only.`;
}

export interface SegmentTableOptions {
  /** The segment the dashboard is filtered to. */
  readonly active: string | null;
  /** Segments filter the dashboard (rules segments; K-means clusters do not). */
  readonly clickable: boolean;
  readonly colour: (name: string) => string;
  readonly pick: (name: string) => void;
  readonly format: Formatter;
}

/** The segments beside the treemap: a colour swatch and a button (rules) per segment, and their averages. */
export function segmentTable(segments: readonly SegmentStats[], o: SegmentTableOptions): TemplateResult {
  const f = o.format;
  const days = (v: number) => `${Math.round(v)} d`;
  const name = (s: SegmentStats) =>
    o.clickable
      ? html`<button
          type="button"
          aria-pressed=${o.active === s.name ? 'true' : 'false'}
          @click=${() => o.pick(s.name)}
        >
          <span class="swatch" ${styleProps({ background: o.colour(s.name) })}></span>${s.name}
        </button>`
      : html`<span class="swatch" ${styleProps({ background: o.colour(s.name), display: 'inline-block' })}></span>
          ${s.name}`;
  return html`<table class="data" part="table">
    <caption class="visually-hidden">
      Customer segments
    </caption>
    <thead>
      <tr>
        <th scope="col">Segment</th>
        <th scope="col" class="num">Customers</th>
        <th scope="col" class="num">Revenue share</th>
        <th scope="col" class="num">Avg CLV</th>
        <th scope="col" class="num">Avg purchase days</th>
        <th scope="col" class="num">Avg recency</th>
      </tr>
    </thead>
    <tbody>
      ${segments.map(
        (s) =>
          html`<tr class=${o.active === s.name ? 'active' : ''} data-segment=${s.name}>
            <td>${name(s)}</td>
            <td class="num">${f.count(s.customers)}</td>
            <td class="num">${f.percent(s.revenueShare)}</td>
            <td class="num">${f.money(s.avgClv)}</td>
            <td class="num">${s.avgFrequency.toFixed(1)}</td>
            <td class="num">${days(s.avgRecency)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
