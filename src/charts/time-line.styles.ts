import { css } from 'lit';

/** The default look of a `timeLine()` read by a cursor: plain lines, the cursor's rule and rings, the plot's focus. */
export const timeLineStyles = css`
  .line {
    fill: none;
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-width: 2px;
  }
  .cursor line {
    stroke: var(--mkt-muted, var(--_mkt-muted));
    stroke-dasharray: 2 2;
  }
  .cursor circle {
    fill: var(--mkt-bg, var(--_mkt-bg));
    stroke: var(--mkt-series-1, var(--_mkt-series-1));
    stroke-width: 2px;
  }
  .plot {
    outline: none;
  }
  .plot:focus-visible {
    outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
    outline-offset: 2px;
  }
  .hit {
    fill: transparent;
  }
`;
