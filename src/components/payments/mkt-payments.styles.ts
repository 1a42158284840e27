import { css } from 'lit';

export const paymentStyles = css`
  .instalments {
    margin: 0.5rem 0 0;
    font-size: 0.85em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
  .tooltip {
    width: max-content;
    max-width: min(16rem, 90vw);
  }
  .column.active rect {
    stroke: var(--mkt-fg, var(--_mkt-fg));
    stroke-width: 1px;
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.8em;
    color: var(--mkt-muted, var(--_mkt-muted));
  }
`;
