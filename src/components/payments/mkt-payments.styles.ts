import { css } from 'lit';

export const paymentStyles = css`
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
  .instalments {
    margin: 0.5rem 0 0;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
