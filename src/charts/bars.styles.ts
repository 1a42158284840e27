import { css } from 'lit';

/** The default look of `bars()`: a muted track, bars in the first series colour, a selected bar in the accent. */
export const barsStyles = css`
  .bars .track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  .bars .bar {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .bars text.name {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 12px;
  }
  .bars text.value {
    font-size: 12px;
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .bars .bar-row.mark:focus-visible .bar,
  .bars .bar-row.selected .bar {
    fill: var(--mkt-accent, var(--_mkt-accent));
  }
  .bars .bar-row.selected text.name {
    font-weight: 600;
  }
  .bars .bar-row.dim .bar {
    fill-opacity: 0.45;
  }
`;
