import { css } from 'lit';

export const paymentStyles = css`
  .methods {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  li {
    display: grid;
    grid-template-columns: minmax(6rem, 9rem) 1fr;
    gap: 0.15rem 0.75rem;
    align-items: center;
  }
  .name {
    font-size: 0.9em;
  }
  .track {
    display: block;
    height: 0.9rem;
    border-radius: 3px;
    background: var(--mkt-surface, var(--_mkt-surface));
  }
  .bar {
    display: block;
    height: 100%;
    border-radius: 3px;
    background: var(--mkt-series-1, var(--_mkt-series-1));
  }
  .value {
    grid-column: 2;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
    font-variant-numeric: tabular-nums;
  }
`;
