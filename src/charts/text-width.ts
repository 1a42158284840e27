/** Advance widths, in em, of the characters whose width is far from a digit's, on the wide side (DejaVu Sans). */
const EM: Readonly<Record<string, number>> = {
  ' ': 0.32,
  '.': 0.32,
  ',': 0.32,
  ':': 0.34,
  '%': 0.95,
  '≥': 0.84,
  '≤': 0.84,
  '−': 0.84,
  '+': 0.84,
  '×': 0.84,
  M: 0.87,
  W: 1,
  m: 0.98,
  w: 0.82,
  i: 0.28,
  l: 0.28,
  I: 0.3,
};

/**
 * A label's width in pixels at `px` font size, without a layout: per character, digits and most letters at 0.64 em
 * and the wide or narrow ones above at their own width. It errs wide for the kit's system-ui fonts, so that labels
 * placed apart by it do not touch.
 */
export function textWidth(label: string, px: number): number {
  let em = 0;
  for (const ch of label) em += EM[ch] ?? 0.64;
  return em * px;
}
