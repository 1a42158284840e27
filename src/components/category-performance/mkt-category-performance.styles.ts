import { css } from 'lit';

export const categoryPerformanceStyles = css`
  .bar rect.fill {
    fill: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .bar rect.track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  .bar.dim rect.fill {
    opacity: 0.35;
  }
  .bar.selected rect.fill {
    fill: var(--mkt-accent, var(--_mkt-accent));
  }
  .bar:focus-visible rect.track,
  .bar.selected rect.track {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1.5px;
  }
  .bar:focus-visible,
  .bar.active {
    stroke: none;
  }
  .bar text {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 12px;
  }
  .bar text.value {
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
  .bar.selected text.name {
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
