import { html } from 'lit';
import { timeLine } from '../../charts/time-line.js';
import type { LorenzPoint } from '../../models/concentration.js';
import type { Formatter } from '../../format/format.js';

const MARGIN = { top: 10, right: 14, bottom: 44, left: 48 };

/** The Lorenz curve of `who` (plural noun) against the dashed line of equality, with a note on how to read it. */
export function lorenzChart(
  curve: readonly LorenzPoint[],
  gini: number | null,
  who: string,
  width: number,
  f: Formatter,
) {
  const half = curve.find((p) => p.population >= 0.5)?.share ?? null;
  return html`<div class="lorenz">
    ${timeLine(
      [
        {
          key: 'equality',
          mark: 'line',
          class: 'line equality',
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        { key: 'lorenz', mark: 'line', points: curve.map((p) => ({ x: p.population, y: p.share })) },
      ],
      {
        width,
        height: Math.round(Math.min(260, Math.max(200, width * 0.62))),
        margin: MARGIN,
        x: 'linear',
        xDomain: [0, 1],
        xTicks: 5,
        xFormat: (v) => f.percent(+v, 0),
        yTicks: 5,
        yFormat: (v) => f.percent(v, 0),
        label: `Lorenz curve of GMV over ${who}, smallest first: the smallest half bring ${f.percent(half, 1)} of GMV; the diagonal is equal spend. Gini ${gini?.toFixed(2) ?? '–'}.`,
        axisTitle: `Share of ${who}, smallest spenders first →`,
        part: 'lorenz',
      },
    )}
    <p class="data-note">
      Lorenz curve: the share of GMV (up) that the smallest share of ${who} (across) bring; the dashed diagonal is
      everyone spending the same. Gini: 0 when all spend the same, near 1 when one brings all of it.
    </p>
  </div>`;
}
