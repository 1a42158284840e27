import { css, unsafeCSS } from 'lit';

/** Colours that differ between the light and the dark theme (the rest are shared). */
const LIGHT: Record<string, string> = {
  bg: '#ffffff',
  surface: '#f7f8fa',
  fg: '#1b1f24',
  muted: '#5b6470',
  border: '#dde1e6',
  accent: '#0072b2',
  'on-accent': '#ffffff',
  positive: '#007a5a',
  negative: '#c2410c',
  warning: '#b7791f',
  skeleton: '#eceff3',
  'series-1': '#0072b2',
  'series-5': '#56b4e9',
  'series-8': '#000000',
  'color-scheme': 'light',
};
const DARK: Record<string, string> = {
  bg: '#16191d',
  surface: '#1f2329',
  fg: '#e8eaed',
  muted: '#a0a8b3',
  border: '#343a42',
  accent: '#56b4e9',
  'on-accent': '#16191d',
  positive: '#3ccf9a',
  negative: '#ff8a50',
  warning: '#f0c05a',
  skeleton: '#2a2f36',
  'series-1': '#56b4e9',
  // Okabe–Ito's blue, where the light theme has its sky blue: series 1 takes the sky blue on a dark ground.
  'series-5': '#0072b2',
  'series-8': '#ffffff',
  'color-scheme': 'dark',
};
/** The public properties each `theme` sets (for hosts that theme a container rather than an element). */
export const THEME_TOKENS: Readonly<Record<'light' | 'dark', Readonly<Record<string, string>>>> = {
  light: Object.fromEntries(Object.entries(LIGHT).map(([k, v]) => [`--mkt-${k}`, v])),
  dark: Object.fromEntries(Object.entries(DARK).map(([k, v]) => [`--mkt-${k}`, v])),
};
const declare = (prefix: string, values: Record<string, string>) =>
  unsafeCSS(
    Object.entries(values)
      .map(([name, value]) => `${prefix}${name}: ${value};`)
      .join('\n'),
  );

/**
 * Design tokens. Each public `--mkt-*` custom property falls back to a private `--_mkt-*` one, which holds the
 * light or dark default; a host page themes the kit by setting the public ones. Palette: Okabe–Ito, safe for
 * the common colour-vision deficiencies.
 *
 * A `theme` attribute (`light` / `dark`) sets the public properties themselves, so that they inherit: on
 * `<mkt-data>` it themes every element inside it (custom properties cross shadow roots), and on one element it wins
 * over the theme it would inherit. Without it, `prefers-color-scheme` picks the private defaults.
 */
export const tokens = css`
  :host {
    ${declare('--_mkt-', LIGHT)}
    --_mkt-series-2: #e69f00;
    --_mkt-series-3: #009e73;
    --_mkt-series-4: #cc79a7;
    --_mkt-series-6: #d55e00;
    --_mkt-series-7: #f0e442;
  }
  /* Typography on the element's own boxes, not on :host: a page's styles on the host element would win over
     :host, and :host's inherited fonts would leak into slotted page content. */
  .mkt-root {
    color: var(--mkt-fg, var(--_mkt-fg));
    color-scheme: var(--mkt-color-scheme, var(--_mkt-color-scheme));
    font-family: var(--mkt-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--mkt-font-size, 14px);
    font-style: normal;
    font-variant: normal;
    line-height: 1.4;
    letter-spacing: normal;
    text-align: left;
    text-transform: none;
    box-sizing: border-box;
  }
  :host([theme='light']) {
    ${declare('--mkt-', LIGHT)}
  }
  :host([theme='dark']) {
    ${declare('--mkt-', DARK)}
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${declare('--_mkt-', DARK)}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Named colours for charts (d3 reads them with getComputedStyle or uses them as SVG fill values). */
export const SERIES = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `var(--mkt-series-${i}, var(--_mkt-series-${i}))`);
