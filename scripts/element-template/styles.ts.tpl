import { css } from 'lit';

export const __CAMEL__Styles = css`
  .bar-row rect.bar {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .bar-row rect.track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  .bar-row text {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 12px;
  }
`;
