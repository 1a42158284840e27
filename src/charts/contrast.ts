import { rgb } from 'd3';

/** Text drawn on a fill: the kit's dark ink, white, or black where neither reaches 4.5:1 (mid-tone fills). */
export const INK = { dark: '#1b1f24', light: '#ffffff', black: '#000000' } as const;

/** WCAG 2 relative luminance of a CSS colour (0 black … 1 white). */
export function luminance(colour: string): number {
  const { r, g, b } = rgb(colour);
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour for text on `fill` that reaches WCAG's 4.5:1 for normal text: white where it does and contrasts more
 * than the dark ink, else the dark ink where it does, else black (on mid-tones, where one of white and black
 * always does).
 */
export function textOn(fill: string): string {
  const light = contrastRatio(fill, INK.light);
  const dark = contrastRatio(fill, INK.dark);
  if (light >= 4.5 && light >= dark) return INK.light;
  if (dark >= 4.5) return INK.dark;
  return light >= contrastRatio(fill, INK.black) ? INK.light : INK.black;
}
