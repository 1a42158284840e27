import { css } from 'lit';

/**
 * Design tokens. Each public `--mkt-*` custom property falls back to a private `--_mkt-*` one, which holds the
 * light or dark default; a host page themes the kit by setting the public ones. Palette: Okabe–Ito, safe for
 * the common colour-vision deficiencies.
 */
export const tokens = css`
  :host {
    --_mkt-bg: #ffffff;
    --_mkt-surface: #f7f8fa;
    --_mkt-fg: #1b1f24;
    --_mkt-muted: #5b6470;
    --_mkt-border: #dde1e6;
    --_mkt-accent: #0072b2;
    --_mkt-positive: #007a5a;
    --_mkt-negative: #c2410c;
    --_mkt-warning: #b7791f;
    --_mkt-skeleton: #eceff3;
    --_mkt-series-1: #0072b2;
    --_mkt-series-2: #e69f00;
    --_mkt-series-3: #009e73;
    --_mkt-series-4: #cc79a7;
    --_mkt-series-5: #56b4e9;
    --_mkt-series-6: #d55e00;
    --_mkt-series-7: #f0e442;
    --_mkt-series-8: #000000;

  }
  /* Typography on the element's own boxes, not on :host: a page's styles on the host element would win over
     :host, and :host's inherited fonts would leak into slotted page content. */
  .mkt-root {
    color: var(--mkt-fg, var(--_mkt-fg));
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
  :host([theme='dark']) {
    --_mkt-bg: #16191d;
    --_mkt-surface: #1f2329;
    --_mkt-fg: #e8eaed;
    --_mkt-muted: #a0a8b3;
    --_mkt-border: #343a42;
    --_mkt-accent: #56b4e9;
    --_mkt-positive: #3ccf9a;
    --_mkt-negative: #ff8a50;
    --_mkt-warning: #f0c05a;
    --_mkt-skeleton: #2a2f36;
    --_mkt-series-1: #56b4e9;
    --_mkt-series-8: #ffffff;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_mkt-bg: #16191d;
      --_mkt-surface: #1f2329;
      --_mkt-fg: #e8eaed;
      --_mkt-muted: #a0a8b3;
      --_mkt-border: #343a42;
      --_mkt-accent: #56b4e9;
      --_mkt-positive: #3ccf9a;
      --_mkt-negative: #ff8a50;
      --_mkt-warning: #f0c05a;
      --_mkt-skeleton: #2a2f36;
      --_mkt-series-1: #56b4e9;
      --_mkt-series-8: #ffffff;
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
