import type { TemplateResult } from 'lit';
import { timeLine } from './time-line.js';

export interface SparklineOptions {
  readonly width: number;
  readonly height: number;
}

/**
 * A sparkline of values in order (null: a gap): a bare `timeLine` from 0 to the largest value, with a dot on the
 * last value; hidden from assistive tech, since the number beside it says what it shows.
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions): TemplateResult {
  const points = values.map((y, x) => ({ x, y }));
  const last = points.at(-1);
  return timeLine(
    [
      { key: 'values', mark: 'line', points },
      { key: 'last', mark: 'dots', r: 2.5, points: last && last.y !== null ? [last] : [] },
    ],
    {
      width: options.width,
      height: options.height,
      margin: { top: 2, right: 0, bottom: 2, left: 0 },
      x: 'linear',
      // One value sits in the middle.
      xDomain: values.length > 1 ? [0, values.length - 1] : [-1, 1],
      yFormat: String,
      bare: true,
      label: null,
    },
  );
}
