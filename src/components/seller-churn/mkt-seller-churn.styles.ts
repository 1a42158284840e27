import { css } from 'lit';

export const sellerChurnStyles = css`
  .bar {
    fill: var(--mkt-negative, var(--_mkt-negative));
  }
  .track {
    fill: var(--mkt-surface, var(--_mkt-surface));
  }
  text.name {
    fill: var(--mkt-fg, var(--_mkt-fg));
    font-size: 12px;
  }
  text.value {
    fill: var(--mkt-muted, var(--_mkt-muted));
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .definition {
    margin: 0.5rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
