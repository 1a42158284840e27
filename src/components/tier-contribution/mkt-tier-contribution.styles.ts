import { css } from 'lit';

export const tierContributionStyles = css`
  .tooltip {
    width: max-content;
    max-width: min(14rem, 90vw);
  }
  .column.active rect {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1px;
  }
  .legend .share {
    font-variant-numeric: tabular-nums;
    color: var(--mkt-fg, var(--_mkt-fg));
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
