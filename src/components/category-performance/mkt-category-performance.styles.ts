import { css } from 'lit';

export const categoryPerformanceStyles = css`
  .bar-row rect.bar {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .bar-row rect.track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  .bar-row.dim rect.bar {
    opacity: 0.35;
  }
  .bar-row.selected rect.bar {
    fill: var(--mkt-accent, var(--_mkt-accent));
  }
  .bar-row:focus-visible rect.track,
  .bar-row.selected rect.track {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1.5px;
  }
  .bar-row:focus-visible,
  .bar-row.active {
    stroke: none;
  }
  .bar-row text {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 12px;
  }
  .bar-row text.value {
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .bar-row.selected text.name {
    font-weight: 650;
  }
  .hint {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .segmented button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
`;
