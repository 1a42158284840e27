import { css } from 'lit';

export const tierContributionStyles = css`
  .plot {
    outline: none;
  }
  .plot:focus-visible {
    outline: 2px solid var(--mkt-accent, var(--_mkt-accent));
    outline-offset: 2px;
  }
  .tooltip {
    width: max-content;
    max-width: min(14rem, 90vw);
  }
  .hit {
    fill: transparent;
  }
  .column.active rect {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1px;
  }
  .legend .share {
    font-variant-numeric: tabular-nums;
    color: var(--mkt-fg, var(--_mkt-fg));
  }
  .toggle {
    border: 1px solid var(--mkt-border, var(--_mkt-border));
    background: transparent;
    border-radius: 6px;
    padding: 0.2rem 0.6rem;
    cursor: pointer;
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
