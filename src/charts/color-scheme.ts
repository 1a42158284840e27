import { color as parseColor } from 'd3';

export type ColorScheme = 'light' | 'dark';

/**
 * Light or dark, from the background an element shows (a page may theme it with `--mkt-bg` alone): dark when its
 * luminance is below half; with a transparent background, the `--mkt-color-scheme` token of `host`.
 */
export function colorSchemeOf(background: Element | null, host: Element): ColorScheme {
  const bg = background ? parseColor(getComputedStyle(background).backgroundColor)?.rgb() : null;
  if (bg && bg.opacity > 0) return 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b < 128 ? 'dark' : 'light';
  const style = getComputedStyle(host);
  const token = style.getPropertyValue('--mkt-color-scheme').trim();
  return (token || style.getPropertyValue('--_mkt-color-scheme').trim()) === 'dark' ? 'dark' : 'light';
}
