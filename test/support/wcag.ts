/**
 * WCAG 2 contrast, written out here from the definition (independently of src/charts/contrast.ts), for tests that
 * check the colours an element really draws.
 */
const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/** `#rrggbb` or `rgb(r, g, b)`. */
function luminance(colour: string): number {
  const [r, g, b] = colour.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : colour
        .match(/\d+(\.\d+)?/g)!
        .slice(0, 3)
        .map(Number);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function wcagRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The fill an SVG element is drawn with, after the stylesheets (a CSS fill overrides the attribute). */
export function drawnFill(el: Element): string {
  return getComputedStyle(el).fill;
}
