import type { BarsOptions } from '../../charts/bars.js';

/** Below this width the labels go above the bars (a phone column has no room beside them). */
const LABELS_BESIDE_FROM = 440;

/**
 * The room of `bars()`'s labels and value texts at a width: labels beside the bars, as wide as the longest needs
 * (about 6.5 px a character at 12 px) up to 40 % of the width and shortened beyond it; above the bars when narrow.
 * `valueRoom` is what the value texts need at most.
 */
export function barLayout(
  width: number,
  labels: readonly string[],
  valueRoom: number,
): Pick<BarsOptions, 'width' | 'labelWidth' | 'valueWidth' | 'labelsAbove' | 'fitLabels'> {
  const above = width < LABELS_BESIDE_FROM;
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return {
    width,
    labelWidth: above ? 0 : Math.min(Math.round(width * 0.4), 12 + Math.ceil(longest * 6.5)),
    // Narrow, the value texts take what the bars leave above 70 px (they read more than a bar's length does).
    valueWidth: Math.min(valueRoom, above ? width - 70 : Math.round(width * 0.45)),
    labelsAbove: above,
    fitLabels: true,
  };
}
